import Foundation
import Vapor

/// The pages of agreements and outcomes.
enum AgreementsURL: SiteRoute {
    case agreements
    case new
    case agreement(Parameter<UUID>)
    case actions(Parameter<UUID>)
    case edit(Parameter<UUID>)
    case milestones(Parameter<UUID>)
    case milestoneDone(Parameter<UUID>, Parameter<UUID>)
    case links(Parameter<UUID>)
    case document(Parameter<UUID>)
    case outcomes

    var pathComponents: [PathComponent] {
        switch self {
        case .agreements: return ["agreements"]
        case .new: return ["agreements", "new"]
        case .agreement(let id): return ["agreements", Self.segment(.id, id)]
        case .actions(let id): return ["agreements", Self.segment(.id, id), "actions"]
        case .edit(let id): return ["agreements", Self.segment(.id, id), "edit"]
        case .milestones(let id): return ["agreements", Self.segment(.id, id), "milestones"]
        case .milestoneDone(let id, let milestone): return ["agreements", Self.segment(.id, id), "milestones", Self.segment(.milestone, milestone), "done"]
        case .links(let id): return ["agreements", Self.segment(.id, id), "links"]
        case .document(let id): return ["agreements", Self.segment(.id, id), "document"]
        case .outcomes: return ["outcomes"]
        }
    }
}
