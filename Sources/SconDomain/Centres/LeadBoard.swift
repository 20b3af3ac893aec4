import Foundation

/// The columns of a centre's lead board.
public enum LeadStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Found; nobody has talked to them yet.
    case new
    /// In touch with the city or company.
    case contacted
    /// A meeting or a visit is arranged or held.
    case meeting
    /// Moving into the pipeline or a proposal of the open call.
    case proposal
    /// Not going anywhere for now.
    case dormant
}

/// A lead board entry's fields as checked: who owns it, its column, its next action and when.
public struct LeadBoardEntry: Sendable, Hashable {
    public var owner: String
    public var status: LeadStatus
    public var nextAction: String
    public var dueOn: CalendarDay?
}

/// The board fields as typed.
public struct LeadBoardDraft: Sendable, Hashable {
    public var owner: String?
    public var status: String?
    public var nextAction: String?
    public var dueOn: String?

    public init(owner: String?, status: String?, nextAction: String?, dueOn: String?) {
        self.owner = owner; self.status = status; self.nextAction = nextAction; self.dueOn = dueOn
    }

    /// An owner, a known column, a next action of at most 500 characters and, with it, a due day.
    public func validated() throws(DomainError) -> LeadBoardEntry {
        var rules = FieldRules()
        let who = rules.text(owner, field: "owner", max: 200)
        let column = LeadStatus(rawValue: status ?? LeadStatus.new.rawValue)
        if column == nil { rules.fail("status", "unknown", "status is one of: \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let action = rules.optionalText(nextAction, field: "nextAction", max: 500) ?? ""
        var due: CalendarDay?
        if let dueOn, !dueOn.isEmpty {
            due = CalendarDay(dueOn)
            if due == nil { rules.fail("dueOn", "invalid", "dueOn is a day, YYYY-MM-DD.") }
        }
        if !action.isEmpty && due == nil && (dueOn ?? "").isEmpty { rules.fail("dueOn", "required", "a next action has its due day.") }
        try rules.check()
        return LeadBoardEntry(owner: who, status: column!, nextAction: action, dueOn: due)
    }

    /// Whether a next action is overdue on `today`.
    public static func overdue(_ due: CalendarDay?, today: CalendarDay) -> Bool {
        guard let due else { return false }
        return due < today
    }
}

/// What happened to a scheduled meeting on the day.
public enum MeetingOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case held
    case noShow = "no-show"
}
