/// The automatic eligibility check: each of the call's rules, passed or failed, with why.
public struct EligibilityResult: Sendable, Hashable, Codable {
    public var rule: EligibilityRule
    public var passed: Bool
    /// Why, in English; pages show their own text per rule and outcome.
    public var reason: String
}

/// What the check needs to know of a proposal.
public struct EligibilityFacts: Sendable, Hashable {
    public var country: CountryCode
    public var supportType: SupportType
    public var budget: Int
    /// How many of the call's required documents are attached (each counted once).
    public var attachedDocuments: Int
    public var endorsed: Bool

    public init(country: CountryCode, supportType: SupportType, budget: Int, attachedDocuments: Int, endorsed: Bool) {
        self.country = country; self.supportType = supportType; self.budget = budget
        self.attachedDocuments = attachedDocuments; self.endorsed = endorsed
    }
}

public enum Eligibility {
    public static func check(_ facts: EligibilityFacts, against terms: CallTerms) -> [EligibilityResult] {
        terms.eligibilityRules.map { rule in
            switch rule {
            case .eligibleCountry:
                let passed = terms.eligibleCountries.contains(facts.country)
                return EligibilityResult(rule: rule, passed: passed, reason: passed
                    ? "\(facts.country.value) is eligible."
                    : "\(facts.country.value) is not among the call's eligible countries.")
            case .offeredSupportType:
                let passed = terms.supportTypes.contains(facts.supportType)
                return EligibilityResult(rule: rule, passed: passed, reason: passed
                    ? "the call offers \(facts.supportType.rawValue)."
                    : "the call does not offer \(facts.supportType.rawValue).")
            case .withinBudget:
                let cap = terms.budgets[facts.supportType] ?? 0
                let passed = facts.budget <= cap
                return EligibilityResult(rule: rule, passed: passed, reason: passed
                    ? "\(facts.budget) KRW is within the \(cap) KRW for \(facts.supportType.rawValue)."
                    : "\(facts.budget) KRW is over the \(cap) KRW for \(facts.supportType.rawValue).")
            case .requiredDocuments:
                let needed = terms.requiredDocuments.count
                let passed = facts.attachedDocuments >= needed
                return EligibilityResult(rule: rule, passed: passed, reason: "\(facts.attachedDocuments) of \(needed) required documents attached.")
            case .endorsed:
                return EligibilityResult(rule: rule, passed: facts.endorsed, reason: facts.endorsed
                    ? "endorsed by the country's focal point."
                    : "not endorsed by the country's focal point (yet).")
            }
        }
    }
}
