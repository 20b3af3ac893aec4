import Foundation

/// What must be true, beyond the state machine, for a call to move: applicants are promised
/// the whole period from opening to the deadline, so a call cannot open once its deadline
/// has passed, and it closes only when the deadline has come (or it is cancelled).
public enum CallGate {
    /// Why a move is refused.
    public enum Refusal: Sendable, Hashable {
        /// The state machine has no such move; `allowed` are the moves it has.
        case notAllowed(from: CallState, to: CallState, allowed: [CallState])
        case deadlinePassed(deadline: String)
        case beforeDeadline(deadline: String)
        /// A call becomes decided only when an officer confirms the selection.
        case needsDecision

        public var description: String {
            switch self {
            case .notAllowed(let from, let to, let allowed):
                "a call that is \(from.rawValue) cannot become \(to.rawValue)"
                    + (allowed.isEmpty ? "; it is final." : "; it can become: \(allowed.map(\.rawValue).joined(separator: ", ")).")
            case .deadlinePassed(let deadline): "the deadline \(deadline) has passed; move it before opening the call."
            case .beforeDeadline(let deadline): "the call accepts proposals until \(deadline); it can be closed from then on, or cancelled."
            case .needsDecision: "a call is decided by confirming its selection (the decision), not by a state change."
            }
        }
    }

    /// Nil when the move may happen, else why not.
    public static func refusal(_ current: CallState, to next: CallState, terms: CallTerms, now: Date) -> Refusal? {
        guard current.successors.contains(next) else {
            return .notAllowed(from: current, to: next, allowed: current.successors.sorted { $0.rawValue < $1.rawValue })
        }
        let deadline = "\(terms.schedule.closesLocal) (\(terms.schedule.timeZone))"
        switch next {
        case .open where now >= terms.schedule.closesAt: return .deadlinePassed(deadline: deadline)
        case .closed where now < terms.schedule.closesAt: return .beforeDeadline(deadline: deadline)
        case .decided: return .needsDecision
        default: return nil
        }
    }

    public static func check(_ current: CallState, to next: CallState, terms: CallTerms, now: Date) throws(DomainError) -> CallState {
        if let refusal = refusal(current, to: next, terms: terms, now: now) { throw .conflict(refusal.description) }
        return next
    }
}
