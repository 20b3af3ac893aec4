/// Where a project is on its way from the urban problem to the results (PROGRAMME.md,
/// measures 1 and 2): a lead, selected in the open call, the study (master plan or pre-F/S),
/// a feasibility study, financing, the main project, completed — or dropped with a reason.
public enum ProjectStage: String, Sendable, Hashable, Codable, CaseIterable {
    case lead
    case selected
    case studyInProgress = "study-in-progress"
    case studyCompleted = "study-completed"
    case feasibilityStudy = "feasibility-study"
    case financing
    case implementation
    case completed
    case dropped

    /// The order of the way forward (dropped is off the way).
    public static let way: [ProjectStage] = [.lead, .selected, .studyInProgress, .studyCompleted, .feasibilityStudy,
                                             .financing, .implementation, .completed]
}

/// The project a selected proposal becomes: its identifier is the proposal's code, so that
/// one code follows it from the urban problem to the results.
public enum ProjectOrigin {
    public static func fromSelection(proposalCode: String?, proposalID: String) -> String {
        proposalCode ?? "KSCON-\(proposalID.prefix(8).uppercased())"
    }
}
