import Foundation
import Vapor

extension PathName {
    static let challenge = PathName("challenge")
    static let solution = PathName("solution")
}

/// The API of the marketplace: challenges, solutions, their matches, interest and conversations.
enum MarketplaceAPI: APIRoute {
    case challenges
    case challengesCSV
    case challenge(Parameter<UUID>)
    case challengeStatus(Parameter<UUID>)
    case challengeMatches(Parameter<UUID>)
    case challengeAttachments(Parameter<UUID>)
    case challengeAttachment(Parameter<UUID>, attachment: Parameter<UUID>)
    case solutions
    case solutionsCSV
    case solution(Parameter<UUID>)
    case solutionStatus(Parameter<UUID>)
    case solutionMatches(Parameter<UUID>)
    case interest(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case messages(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case followUps(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case lead(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case meetings(challenge: Parameter<UUID>, solution: Parameter<UUID>)
    case proposal(challenge: Parameter<UUID>, solution: Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .challenges: return ["challenges"]
        case .challengesCSV: return ["challenges.csv"]
        case .challenge(let id): return ["challenges", Self.segment(.id, id)]
        case .challengeStatus(let id): return ["challenges", Self.segment(.id, id), "status"]
        case .challengeMatches(let id): return ["challenges", Self.segment(.id, id), "matches"]
        case .challengeAttachments(let id): return ["challenges", Self.segment(.id, id), "attachments"]
        case .challengeAttachment(let id, let attachment): return ["challenges", Self.segment(.id, id), "attachments", Self.segment(.attachment, attachment)]
        case .solutions: return ["solutions"]
        case .solutionsCSV: return ["solutions.csv"]
        case .solution(let id): return ["solutions", Self.segment(.id, id)]
        case .solutionStatus(let id): return ["solutions", Self.segment(.id, id), "status"]
        case .solutionMatches(let id): return ["solutions", Self.segment(.id, id), "matches"]
        case .interest(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "interest"]
        case .messages(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "messages"]
        case .followUps(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "follow-ups"]
        case .lead(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "lead"]
        case .meetings(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "meetings"]
        case .proposal(let challenge, let solution):
            return ["matches", Self.segment(.challenge, challenge), Self.segment(.solution, solution), "proposal"]
        }
    }
}
