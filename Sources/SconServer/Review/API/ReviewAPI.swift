import Foundation
import Vapor

/// The API of the review.
enum ReviewAPI: APIRoute {
    case reviewerProfile
    case reviewers(Parameter<UUID>)
    case conflicts(Parameter<UUID>)
    case assignment(Parameter<UUID>)
    case assignmentPairs(Parameter<UUID>)
    case standings(Parameter<UUID>)
    case reviews
    case review(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .reviewerProfile: return ["me", "reviewer-profile"]
        case .reviewers(let id): return ["calls", Self.segment(.id, id), "reviewers"]
        case .conflicts(let id): return ["calls", Self.segment(.id, id), "conflicts"]
        case .assignment(let id): return ["calls", Self.segment(.id, id), "assignment"]
        case .assignmentPairs(let id): return ["calls", Self.segment(.id, id), "assignment", "pairs"]
        case .standings(let id): return ["calls", Self.segment(.id, id), "standings"]
        case .reviews: return ["reviews"]
        case .review(let id): return ["reviews", Self.segment(.id, id)]
        }
    }
}
