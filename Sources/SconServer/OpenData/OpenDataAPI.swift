import Foundation
import Vapor

/// The open-data exports of the API.
enum OpenDataAPI: APIRoute {
    case iati

    var components: [PathComponent] {
        switch self {
        case .iati: return ["export", "iati.xml"]
        }
    }
}
