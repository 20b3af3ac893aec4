import Foundation
import SconDomain
import Vapor

extension PathName {
    static let kind = PathName("kind")
}

/// The pages of the inbox and of e-mail preferences.
enum NoticesURL: SiteRoute {
    /// The signed-in person's notices, newest first.
    case inbox
    case read(Parameter<UUID>)
    case readAll
    /// The e-mail preferences form (shown on the account page).
    case preferences
    /// An e-mail's unsubscribe link: a kind (or `all`, the whole digest) and the account's token.
    case unsubscribe(Parameter<String>, Parameter<String>)

    var pathComponents: [PathComponent] {
        switch self {
        case .inbox: return ["inbox"]
        case .read(let id): return ["inbox", Self.segment(.id, id), "read"]
        case .readAll: return ["inbox", "read-all"]
        case .preferences: return ["inbox", "preferences"]
        case .unsubscribe(let kind, let token): return ["unsubscribe", Self.segment(.kind, kind), Self.segment(.token, token)]
        }
    }

    /// The unsubscribe link of one kind, or of the whole digest (nil).
    static func unsubscribe(_ kind: NoticeKind?, token: String) -> NoticesURL {
        .unsubscribe(.value(kind?.rawValue ?? "all"), .value(token))
    }
}

/// The API of the inbox.
enum NoticesAPI: APIRoute {
    case notices
    case read(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .notices: return ["notices"]
        case .read(let id): return ["notices", Self.segment(.id, id), "read"]
        }
    }
}
