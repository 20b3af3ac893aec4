import Foundation

/// Where a meeting request stands. `expired` is never stored: a request still `requested`
/// past the event's answer period reads as expired (`effective`).
public enum MeetingRequestState: String, Sendable, Hashable, CaseIterable, Codable {
    case requested, accepted, declined, expired

    /// The state as of `now`: an unanswered request past its answer period has expired.
    public static func effective(stored: MeetingRequestState, createdAt: Date, answerHours: Int, now: Date) -> MeetingRequestState {
        stored == .requested && now >= answerDeadline(createdAt: createdAt, answerHours: answerHours) ? .expired : stored
    }

    public static func answerDeadline(createdAt: Date, answerHours: Int) -> Date {
        createdAt.addingTimeInterval(Double(answerHours) * 3_600)
    }

    /// Whether it counts against the requester's meeting limit: waiting or accepted.
    public var countsAgainstQuota: Bool { self == .requested || self == .accepted }
}

/// A meeting request as typed: to whom, with what priority (1–5) and message.
public struct MeetingRequestDraft: Sendable, Hashable {
    public var from: UUID
    public var to: UUID?
    public var priority: Int?
    public var message: String?

    public init(from: UUID, to: UUID?, priority: Int?, message: String?) {
        self.from = from; self.to = to; self.priority = priority; self.message = message
    }

    /// The checked request: someone other than oneself, priority 1–5, a message of at most 1,000 characters.
    public func validated() throws(DomainError) -> (to: UUID, priority: Int, message: String) {
        var rules = FieldRules()
        if to == nil { rules.fail("to", "required", "to names the registration to meet.") }
        if to == from { rules.fail("to", "self", "a participant does not request a meeting with themself.") }
        let value = priority ?? 3
        if !(1...5).contains(value) { rules.fail("priority", "out-of-range", "priority is between 1 and 5.") }
        let text = rules.optionalText(message, field: "message", max: 1_000) ?? ""
        try rules.check()
        return (to!, value, text)
    }
}

/// Why a step of an event cannot be taken now (409).
public enum EventRefusal: Refusal, Hashable {
    /// The event is not in the state this step needs.
    case wrongState(step: Step, state: EventState)
    /// Only the next state follows.
    case notNextState(from: EventState, to: EventState)
    case registrationClosed(opens: String, closes: String)
    case alreadyRegistered
    case full(capacity: Int)
    case notValidated
    case quotaReached(limit: Int)
    case answerPeriodOver(deadline: String)
    case alreadyAnswered
    case duplicateRequest
    case nothingToPublish
    /// The plan is edited while the event is a draft or open for registration.
    case notEditable(state: EventState)
    /// People registered for the slots as they are: the days and the slots stay.
    case slotsInUse(registrations: Int)
    /// The capacity cannot go below the registrations taken.
    case capacityBelowRegistrations(registrations: Int)

    public enum Step: String, Sendable, Hashable { case register, request, answer, schedule, publish, decide, checkIn }

    public var key: String {
        switch self {
        case .wrongState(let step, _): "event.wrongState.\(step.rawValue)"
        case .notNextState: "event.notNextState"
        case .registrationClosed: "event.registrationClosed"
        case .alreadyRegistered: "event.alreadyRegistered"
        case .full: "event.full"
        case .notValidated: "event.notValidated"
        case .quotaReached: "event.quotaReached"
        case .answerPeriodOver: "event.answerPeriodOver"
        case .alreadyAnswered: "event.alreadyAnswered"
        case .duplicateRequest: "event.duplicateRequest"
        case .nothingToPublish: "event.nothingToPublish"
        case .notEditable: "event.notEditable"
        case .slotsInUse: "event.slotsInUse"
        case .capacityBelowRegistrations: "event.capacityBelowRegistrations"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .wrongState(_, let state): ["state": .key("eventstate.\(state.rawValue)")]
        case .notNextState(let from, let to): ["from": .key("eventstate.\(from.rawValue)"), "to": .key("eventstate.\(to.rawValue)")]
        case .registrationClosed(let opens, let closes): ["opens": .text(opens), "closes": .text(closes)]
        case .full(let capacity): ["capacity": .text(String(capacity))]
        case .quotaReached(let limit): ["limit": .text(String(limit))]
        case .answerPeriodOver(let deadline): ["deadline": .text(deadline)]
        case .notEditable(let state): ["state": .key("eventstate.\(state.rawValue)")]
        case .slotsInUse(let count), .capacityBelowRegistrations(let count): ["registrations": .text(String(count))]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .wrongState(.register, let state): "registrations are taken while the event is open for registration; it is \(state.rawValue)."
        case .wrongState(.request, let state), .wrongState(.answer, let state):
            "meeting requests are made and answered during matchmaking; the event is \(state.rawValue)."
        case .wrongState(.schedule, let state): "the schedule is run during matchmaking or after publishing; the event is \(state.rawValue)."
        case .wrongState(.publish, let state): "the schedule is published during matchmaking or again after publishing; the event is \(state.rawValue)."
        case .wrongState(.decide, let state): "registrations are decided until the event is held; it is \(state.rawValue)."
        case .wrongState(.checkIn, let state): "check-in and meeting outcomes are recorded once the schedule is published; the event is \(state.rawValue)."
        case .notNextState(let from, let to): "an event moves one step at a time: \(from.rawValue) does not go to \(to.rawValue)."
        case .registrationClosed(let opens, let closes): "registration is open from \(opens) to \(closes)."
        case .alreadyRegistered: "this account is registered for this event already."
        case .full(let capacity): "the event is full (\(capacity) registrations)."
        case .notValidated: "both sides of a meeting are validated participants."
        case .quotaReached(let limit): "the requester has \(limit) requests waiting or accepted, their meeting limit."
        case .answerPeriodOver(let deadline): "the answer period ended at \(deadline); the request has expired."
        case .alreadyAnswered: "this request has been answered."
        case .duplicateRequest: "a request between these two participants is waiting or accepted already."
        case .nothingToPublish: "run the schedule before publishing it."
        case .notEditable(let state): "an event's plan is edited while it is a draft or open for registration; it is \(state.rawValue)."
        case .slotsInUse(let count): "\(count) registrations chose among the event's slots: its days, slot times and slot length stay as they are."
        case .capacityBelowRegistrations(let count): "the capacity cannot be lower than the \(count) registrations taken."
        }
    }
}
