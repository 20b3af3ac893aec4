/// What Korea supports a selected country with (PROGRAMME.md): a master plan, or a
/// pre-feasibility study (pre-F/S) that should lead to a main project.
public enum SupportType: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    case masterPlan = "master-plan"
    case preFeasibility = "pre-feasibility"

    public static func < (lhs: SupportType, rhs: SupportType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
