/// A rule a proposal must pass to be considered. A call chooses which of these it applies;
/// the automatic check lists each one as passed or failed, with its reason.
public enum EligibilityRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The proposal's country is one of the call's eligible countries.
    case eligibleCountry = "eligible-country"
    /// The support type asked for is one the call offers.
    case offeredSupportType = "offered-support-type"
    /// The budget estimate fits the call's budget for that support type.
    case withinBudget = "within-budget"
    /// Every document the call requires is attached.
    case requiredDocuments = "required-documents"
    /// The country's focal point endorsed the proposal.
    case endorsed
}
