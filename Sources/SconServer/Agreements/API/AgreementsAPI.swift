import Foundation
import Vapor

/// The API of agreements and outcomes.
enum AgreementsAPI: APIRoute {
    case agreements
    case agreement(Parameter<UUID>)
    case actions(Parameter<UUID>)
    case outcomes
    case tally

    var components: [PathComponent] {
        switch self {
        case .agreements: return ["agreements"]
        case .agreement(let id): return ["agreements", Self.segment(.id, id)]
        case .actions(let id): return ["agreements", Self.segment(.id, id), "actions"]
        case .outcomes: return ["outcomes"]
        case .tally: return ["outcomes", "tally"]
        }
    }
}
