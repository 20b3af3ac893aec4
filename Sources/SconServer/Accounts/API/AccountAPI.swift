import Foundation
import Vapor

/// The API of accounts.
enum AccountAPI: APIRoute {
    case me

    var components: [PathComponent] {
        switch self {
        case .me: return ["me"]
        }
    }
}
