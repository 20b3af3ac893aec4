import Foundation

/// Who may take part in the review.
public enum ReviewAccess {
    public enum Action: Sendable, Hashable {
        /// Keep a reviewer profile and see one's reviews: anyone who holds a reviewer role.
        case keepReviewerProfile
        /// Be in the reviewer pool of a call and declare conflicts for it: a reviewer for the
        /// whole programme or for this call.
        case reviewFor(call: UUID)
    }

    /// The grants that put a person in a call's reviewer pool (the same answer as `.reviewFor`).
    public static func poolGrants(call: UUID) -> [Grant] {
        [Grant(role: .reviewer, scope: .global), Grant(role: .reviewer, scope: .call(scopeID(call)))]
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .keepReviewerProfile:
            return principal.holdsAnywhere(.reviewer)
        case .reviewFor(let call):
            return principal.holds(.reviewer) || principal.holds(.reviewer, in: .call(scopeID(call)))
        }
    }
}

extension ReviewAccess {
    public static var table: AccessMatrix.Table {
        let c1 = AccessMatrix.Object.call1, c2 = AccessMatrix.Object.call2
        return AccessMatrix.Table(context: "Review", columns: [
            ("keep a reviewer profile, see own reviews", { allows($0, .keepReviewerProfile) }),
            ("review for call 1", { allows($0, .reviewFor(call: c1)) }),
            ("review for call 2", { allows($0, .reviewFor(call: c2)) }),
        ])
    }
}
