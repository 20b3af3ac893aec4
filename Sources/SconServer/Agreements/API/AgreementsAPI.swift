import Foundation
import Vapor

/// The API of agreements and outcomes.
enum AgreementsAPI: APIRoute {
    case agreements
    case agreement(Parameter<UUID>)
    case actions(Parameter<UUID>)
    case milestones(Parameter<UUID>)
    case milestoneDone(Parameter<UUID>, Parameter<UUID>)
    case links(Parameter<UUID>)
    case document(Parameter<UUID>)
    case outcomes
    case tally

    var components: [PathComponent] {
        switch self {
        case .agreements: return ["agreements"]
        case .agreement(let id): return ["agreements", Self.segment(.id, id)]
        case .actions(let id): return ["agreements", Self.segment(.id, id), "actions"]
        case .milestones(let id): return ["agreements", Self.segment(.id, id), "milestones"]
        case .milestoneDone(let id, let milestone): return ["agreements", Self.segment(.id, id), "milestones", Self.segment(.milestone, milestone), "done"]
        case .links(let id): return ["agreements", Self.segment(.id, id), "links"]
        case .document(let id): return ["agreements", Self.segment(.id, id), "document"]
        case .outcomes: return ["outcomes"]
        case .tally: return ["outcomes", "tally"]
        }
    }
}
