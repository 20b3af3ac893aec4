/// The life of an open call: draft → open → closed → in review → decided → published, or
/// cancelled before it is decided. Published results never change; a correction is a new,
/// audited record, not a transition.
public enum CallState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case open
    case closed
    case inReview = "in-review"
    case decided
    case published
    case cancelled

    /// The states this state may move to.
    public var successors: Set<CallState> {
        switch self {
        case .draft: [.open, .cancelled]
        case .open: [.closed, .cancelled]
        case .closed: [.inReview, .cancelled]
        case .inReview: [.decided, .cancelled]
        case .decided: [.published]
        case .published, .cancelled: []
        }
    }

    public var isFinal: Bool { successors.isEmpty }

    /// The state after moving to `next`, or a conflict naming both states.
    public func moving(to next: CallState) throws(DomainError) -> CallState {
        guard successors.contains(next) else {
            let allowed = successors.map(\.rawValue).sorted().joined(separator: ", ")
            throw .conflict("a call that is \(rawValue) cannot become \(next.rawValue)"
                + (allowed.isEmpty ? "; it is final." : "; it can become: \(allowed)."))
        }
        return next
    }
}
