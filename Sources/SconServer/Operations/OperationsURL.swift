import Vapor

/// The routes of operations.
enum OperationsURL: SiteRoute {
    case health, metrics, openAPI, ceiling

    var pathComponents: [PathComponent] {
        switch self {
        case .health: ["healthz"]
        case .metrics: ["metrics"]
        case .openAPI: ["openapi.json"]
        case .ceiling: ["__ceiling"]
        }
    }
}
