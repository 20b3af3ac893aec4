/// A rule that says "not now" or "not this": thrown as an error, answered with 409. The API
/// gives `description` (English) as the problem's detail; the pages say it in the reader's
/// language from `key` and `values` (the string `refusal.<key>` with its placeholders).
public protocol Refusal: Error, Sendable, CustomStringConvertible {
    var key: String { get }
    var values: [String: RefusalValue] { get }
}

/// A placeholder's value: text as it is (a date, a deadline), or string keys to translate.
public enum RefusalValue: Sendable, Hashable {
    case text(String)
    case key(String)
    /// Several keys, listed with commas.
    case keys([String])
}

/// Why a step of the review cannot be taken now.
public enum ReviewRefusal: Refusal, Hashable {
    /// Reviews, assignments and the decision happen while the call is in review.
    case callNotInReview(step: Step, state: CallState)
    /// Conflicts are declared while the call is open, closed or in review.
    case conflictsClosed(CallState)
    case reviewFinal
    case conflicted(ConflictReason)
    case reviewBegun
    case noAssignment(AssignmentError)
    case nothingSelectable

    public enum Step: String, Sendable, Hashable { case review, assignment, decision }

    public var key: String {
        switch self {
        case .callNotInReview(let step, _): "notInReview.\(step.rawValue)"
        case .conflictsClosed: "conflictsClosed"
        case .reviewFinal: "reviewFinal"
        case .conflicted: "conflicted"
        case .reviewBegun: "reviewBegun"
        case .noAssignment(let error):
            switch error {
            case .insufficientCapacity: "noAssignment.capacity"
            case .tooFewEligibleReviewers: "noAssignment.eligible"
            case .noAssignment, .invalid: "noAssignment.full"
            }
        case .nothingSelectable: "nothingSelectable"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .callNotInReview(_, let state), .conflictsClosed(let state): ["state": .key("callstate.\(state.rawValue)")]
        case .conflicted(let reason): ["reason": .key("conflict.\(reason.rawValue)")]
        case .noAssignment(.insufficientCapacity(let needed, let available)): ["needed": .text(String(needed)), "available": .text(String(available))]
        case .noAssignment(.tooFewEligibleReviewers(_, let eligible, let needed)): ["eligible": .text(String(eligible)), "needed": .text(String(needed))]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .callNotInReview(.review, let state): "reviews are written while the call is in review; it is \(state.rawValue)."
        case .callNotInReview(.assignment, let state): "reviewers are assigned while the call is in review; it is \(state.rawValue)."
        case .callNotInReview(.decision, let state): "a call is decided while it is in review; it is \(state.rawValue)."
        case .conflictsClosed(let state): "conflicts are declared while the call is open, closed or in review; it is \(state.rawValue)."
        case .reviewFinal: "this review was submitted; it is final."
        case .conflicted(.declared): "this reviewer declared a conflict with this proposal."
        case .conflicted(let reason): "this reviewer has a conflict with this proposal (\(reason.rawValue))."
        case .reviewBegun: "this reviewer has begun the review; it cannot be removed."
        case .noAssignment(let error): "no assignment exists: \(error)"
        case .nothingSelectable: "no proposal can be selected yet: none is eligible and reviewed."
        }
    }
}
