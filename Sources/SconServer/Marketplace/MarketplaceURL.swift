import Foundation
import Vapor

/// The pages of the marketplace.
enum MarketplaceURL: SiteRoute {
    case home
    case challengeNew
    case challenge(Parameter<UUID>)
    case challengeEdit(Parameter<UUID>)
    case challengeStatus(Parameter<UUID>)
    case challengeAttachments(Parameter<UUID>)
    case challengeAttachmentDelete(Parameter<UUID>, attachment: Parameter<UUID>)
    case solutionNew
    case solution(Parameter<UUID>)
    case solutionEdit(Parameter<UUID>)
    case solutionStatus(Parameter<UUID>)
    case pair(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case pairInterest(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case pairMessages(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case pairLead(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case pairMeeting(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case pairProposal(challenge: Parameter<UUID>, solution: Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .home: return ["marketplace"]
        case .challengeNew: return ["marketplace", "challenges", "new"]
        case .challenge(let id): return ["marketplace", "challenges", Self.segment(.id, id)]
        case .challengeEdit(let id): return ["marketplace", "challenges", Self.segment(.id, id), "edit"]
        case .challengeStatus(let id): return ["marketplace", "challenges", Self.segment(.id, id), "status"]
        case .challengeAttachments(let id): return ["marketplace", "challenges", Self.segment(.id, id), "attachments"]
        case .challengeAttachmentDelete(let id, let attachment):
            return ["marketplace", "challenges", Self.segment(.id, id), "attachments", Self.segment(.attachment, attachment), "delete"]
        case .solutionNew: return ["marketplace", "solutions", "new"]
        case .solution(let id): return ["marketplace", "solutions", Self.segment(.id, id)]
        case .solutionEdit(let id): return ["marketplace", "solutions", Self.segment(.id, id), "edit"]
        case .solutionStatus(let id): return ["marketplace", "solutions", Self.segment(.id, id), "status"]
        case .pair(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution)]
        case .pairInterest(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "interest"]
        case .pairMessages(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "messages"]
        case .pairLead(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "lead"]
        case .pairMeeting(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "meeting"]
        case .pairProposal(let challenge, let solution):
            return ["marketplace", "matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "proposal"]
        }
    }
}
