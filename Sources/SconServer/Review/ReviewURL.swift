import Foundation
import Vapor

/// The pages of the review: reviewer profile, reviews, conflicts and the assignment.
enum ReviewURL: SiteRoute {
    case reviewerProfile
    case reviews
    case review(Parameter<UUID>)
    case callConflicts(Parameter<UUID>)
    case callAssignment(Parameter<UUID>)
    case callAssignmentPair(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .reviewerProfile: return ["account", "reviewer"]
        case .reviews: return ["reviews"]
        case .review(let id): return ["reviews", Self.segment(.id, id)]
        case .callConflicts(let id): return ["calls", Self.segment(.id, id), "conflicts"]
        case .callAssignment(let id): return ["calls", Self.segment(.id, id), "assignment"]
        case .callAssignmentPair(let id): return ["calls", Self.segment(.id, id), "assignment", "pair"]
        }
    }
}
