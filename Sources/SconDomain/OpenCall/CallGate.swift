import Foundation

/// What must be true, beyond the state machine, for a call to move: applicants are promised
/// the whole period from opening to the deadline, so a call cannot open once its deadline
/// has passed, and it closes only when the deadline has come (or it is cancelled).
public enum CallGate {
    public static func check(_ current: CallState, to next: CallState, terms: CallTerms, now: Date) throws(DomainError) -> CallState {
        let moved = try current.moving(to: next)
        let deadline = "\(terms.schedule.closesLocal) (\(terms.schedule.timeZone))"
        switch moved {
        case .open where now >= terms.schedule.closesAt:
            throw .conflict("the deadline \(deadline) has passed; move it before opening the call.")
        case .closed where now < terms.schedule.closesAt:
            throw .conflict("the call accepts proposals until \(deadline); it can be closed from then on, or cancelled.")
        default:
            return moved
        }
    }
}
