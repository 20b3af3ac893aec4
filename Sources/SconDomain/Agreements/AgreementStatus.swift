import Foundation

/// Where one party stands with an agreement, like a row of a treaty status table:
/// planned → signed → in force → extended / expired / terminated.
public enum AgreementStatus: String, Sendable, CaseIterable, Hashable {
    case planned, signed
    case inForce = "in-force"
    case extended, expired, terminated

    /// The statuses a party may move to from this one (one step at a time).
    public var next: [AgreementStatus] {
        switch self {
        case .planned: [.signed]
        case .signed: [.inForce]
        case .inForce, .extended: [.extended, .expired, .terminated]
        case .expired, .terminated: []
        }
    }

    /// Whether the agreement binds the party now (for dormancy).
    public var isInForce: Bool { self == .inForce || self == .extended }
}

/// One action of a party's timeline: the status it reached, on which date, with a note.
public struct StatusAction: Sendable, Hashable {
    public var status: AgreementStatus
    public var date: PartialDate?
    public var note: String

    public init(status: AgreementStatus, date: PartialDate?, note: String = "") {
        self.status = status
        self.date = date
        self.note = note
    }
}

/// Why a status move is refused (409).
public enum AgreementRefusal: Refusal, Hashable {
    /// The move skips a step or goes back (signed → expired, planned → in force).
    case skipsStep(from: AgreementStatus?, to: AgreementStatus)
    /// The date is before the party's last action.
    case beforeLastAction(last: String)

    public var key: String {
        switch self {
        case .skipsStep: "agreement.skipsStep"
        case .beforeLastAction: "agreement.beforeLastAction"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .skipsStep(let from, let to): ["from": .key("agreementstatus.\(from?.rawValue ?? "none")"), "to": .key("agreementstatus.\(to.rawValue)")]
        case .beforeLastAction(let last): ["last": .text(last)]
        }
    }

    public var description: String {
        switch self {
        case .skipsStep(let from, let to):
            "a party's status moves one step at a time: from \(from?.rawValue ?? "no status") the next is \((from?.next ?? [.planned, .signed]).map(\.rawValue).joined(separator: " or ")), not \(to.rawValue)."
        case .beforeLastAction(let last): "the date is before the party's last action (\(last))."
        }
    }
}

/// The rule of a party's timeline.
public enum StatusTimeline {
    /// Checks that `action` may follow the party's `history` (oldest first): the first action
    /// is planned or signed; each later one is a next step; dates do not go back.
    public static func check(_ action: StatusAction, after history: [StatusAction]) throws(AgreementRefusal) {
        guard let last = history.last else {
            guard action.status == .planned || action.status == .signed else { throw .skipsStep(from: nil, to: action.status) }
            return
        }
        guard last.status.next.contains(action.status) else { throw .skipsStep(from: last.status, to: action.status) }
        if let previous = history.compactMap(\.date).last, let date = action.date, date.lastDay < previous.firstDay {
            throw .beforeLastAction(last: previous.description)
        }
    }

    /// The party's status now: its last action's.
    public static func current(_ history: [StatusAction]) -> AgreementStatus? { history.last?.status }
}
