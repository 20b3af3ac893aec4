import Foundation
import Vapor

/// The API of the project pipeline.
enum ProjectAPI: APIRoute {
    case projects
    case project(Parameter<UUID>)
    case dossier(Parameter<UUID>)
    case profile(Parameter<UUID>)
    case participants(Parameter<UUID>)
    case deliverables(Parameter<UUID>)
    case versions(Parameter<UUID>, Parameter<UUID>)
    case approval(Parameter<UUID>, Parameter<UUID>)
    case versionUpload(Parameter<UUID>, Parameter<UUID>)
    case versionFile(Parameter<UUID>, Parameter<UUID>, Parameter<Int>)
    case milestones(Parameter<UUID>)
    case milestone(Parameter<UUID>, Parameter<UUID>)
    case tender(Parameter<UUID>)
    case bids(Parameter<UUID>)
    case award(Parameter<UUID>)
    case indicators(Parameter<UUID>)
    case readiness(Parameter<UUID>, Parameter<String>)
    case stage(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .projects: return ["projects"]
        case .project(let id): return ["projects", Self.segment(.id, id)]
        case .dossier(let id): return ["projects", Self.segment(.id, id), "dossier"]
        case .profile(let id): return ["projects", Self.segment(.id, id), "profile"]
        case .participants(let id): return ["projects", Self.segment(.id, id), "participants"]
        case .deliverables(let id): return ["projects", Self.segment(.id, id), "deliverables"]
        case .versions(let id, let deliverable): return ["projects", Self.segment(.id, id), "deliverables", Self.segment(.deliverable, deliverable), "versions"]
        case .approval(let id, let deliverable): return ["projects", Self.segment(.id, id), "deliverables", Self.segment(.deliverable, deliverable), "approval"]
        case .versionUpload(let id, let deliverable): return ["projects", Self.segment(.id, id), "deliverables", Self.segment(.deliverable, deliverable), "versions", "file"]
        case .versionFile(let id, let deliverable, let version): return ["projects", Self.segment(.id, id), "deliverables", Self.segment(.deliverable, deliverable), "versions", Self.segment(.version, version), "file"]
        case .milestones(let id): return ["projects", Self.segment(.id, id), "milestones"]
        case .milestone(let id, let milestone): return ["projects", Self.segment(.id, id), "milestones", Self.segment(.milestone, milestone)]
        case .tender(let id): return ["projects", Self.segment(.id, id), "tender"]
        case .bids(let id): return ["projects", Self.segment(.id, id), "tender", "bids"]
        case .award(let id): return ["projects", Self.segment(.id, id), "tender", "award"]
        case .indicators(let id): return ["projects", Self.segment(.id, id), "indicators"]
        case .readiness(let id, let flag): return ["projects", Self.segment(.id, id), "readiness", Self.segment(.flag, flag)]
        case .stage(let id): return ["projects", Self.segment(.id, id), "stage"]
        }
    }
}
