import Foundation
import Vapor

/// The pages of agreements and outcomes.
enum AgreementsURL: SiteRoute {
    case agreements
    case new
    case agreement(Parameter<UUID>)
    case actions(Parameter<UUID>)
    case outcomes

    var pathComponents: [PathComponent] {
        switch self {
        case .agreements: return ["agreements"]
        case .new: return ["agreements", "new"]
        case .agreement(let id): return ["agreements", Self.segment(.id, id)]
        case .actions(let id): return ["agreements", Self.segment(.id, id), "actions"]
        case .outcomes: return ["outcomes"]
        }
    }
}
