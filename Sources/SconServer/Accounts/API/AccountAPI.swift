import Foundation
import Vapor

/// The API of accounts.
enum AccountAPI: APIRoute {
    case me
    case myData

    var components: [PathComponent] {
        switch self {
        case .me: return ["me"]
        case .myData: return ["me", "data"]
        }
    }
}
