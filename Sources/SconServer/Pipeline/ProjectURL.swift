import Foundation
import Vapor

/// The pages of the project pipeline.
enum ProjectURL: SiteRoute {
    case projects
    case project(Parameter<UUID>)
    case projectStage(Parameter<UUID>)
    case projectReadiness(Parameter<UUID>)
    case projectApproval(Parameter<UUID>, Parameter<UUID>)
    case projectEdit(Parameter<UUID>, Parameter<String>)

    var pathComponents: [PathComponent] {
        switch self {
        case .projects: return ["projects"]
        case .project(let id): return ["projects", Self.segment(.id, id)]
        case .projectStage(let id): return ["projects", Self.segment(.id, id), "stage"]
        case .projectReadiness(let id): return ["projects", Self.segment(.id, id), "readiness"]
        case .projectApproval(let id, let deliverable): return ["projects", Self.segment(.id, id), "deliverables", Self.segment(.deliverable, deliverable), "approval"]
        case .projectEdit(let id, let part): return ["projects", Self.segment(.id, id), "edit", Self.segment(.part, part)]
        }
    }
}
