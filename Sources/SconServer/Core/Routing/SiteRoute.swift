import Foundation
import SconDomain
import Vapor

/// The name of a path parameter, declared once: the same constant registers the route
/// (`:id`) and reads the value in the handler (`req.uuid(.id)`).
struct PathName: Hashable, Sendable {
    let rawValue: String
    init(_ rawValue: String) { self.rawValue = rawValue }

    static let id = PathName("id")
    static let code = PathName("code")
    static let country = PathName("country")
}

/// A path parameter: `.key` when a route is registered, `.value` when a link is built.
enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)
}

/// A typed route: the same value registers the route and builds its links, so that no URL
/// string is typed twice (after SwiftPackageIndex-Server's `SiteURL`). Each context has its
/// own enum of pages (`DirectoryURL`, …) and of API routes (`DirectoryAPI`, …).
protocol SiteRoute: Sendable {
    var pathComponents: [PathComponent] { get }
}

extension SiteRoute {
    /// The absolute path of the link.
    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }

    /// A path segment for a parameter: `:name` to register, the value to link.
    static func segment<T>(_ name: PathName, _ parameter: Parameter<T>) -> PathComponent {
        switch parameter {
        case .key: .parameter(name.rawValue)
        case .value(let value): .constant(RoutePathText.text(value))
        }
    }
}

/// A route of the JSON API: its path lies under `/api/v1`.
protocol APIRoute: SiteRoute {
    /// The path below `/api/v1`.
    var components: [PathComponent] { get }
}

/// Where the API lives: every `APIRoute`'s path starts here.
enum APIRoot {
    static let components: [PathComponent] = ["api", "v1"]
    static let path = "/" + components.map(\.description).joined(separator: "/") + "/"
}

extension APIRoute {
    var pathComponents: [PathComponent] { APIRoot.components + components }
}

enum RoutePathText {
    static func text<T>(_ value: T) -> String {
        if let uuid = value as? UUID { return UUIDText.string(uuid) }
        let description = "\(value)"
        return description.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? description
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ route: some SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        get(route.pathComponents, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ route: some SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        post(route.pathComponents, use: closure)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(_ route: some SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        put(route.pathComponents, use: closure)
    }

    @discardableResult
    func patch<Response: AsyncResponseEncodable>(_ route: some SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        patch(route.pathComponents, use: closure)
    }

    @discardableResult
    func delete<Response: AsyncResponseEncodable>(_ route: some SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        delete(route.pathComponents, use: closure)
    }

    /// A route whose body is collected up to `maxBytes` (file uploads).
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(_ route: some SiteRoute, maxBytes: Int, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, route.pathComponents, body: .collect(maxSize: ByteCount(value: maxBytes)), use: closure)
    }
}

extension Request {
    /// A path parameter's text.
    func parameter(_ name: PathName) -> String {
        parameters.get(name.rawValue) ?? ""
    }

    /// A path parameter that must be a UUID (400 otherwise).
    func uuid(_ name: PathName = .id) throws -> UUID {
        guard let id = UUID(uuidString: parameter(name)) else {
            throw Abort(.badRequest, reason: "\(name.rawValue) must be a UUID.")
        }
        return id
    }
}
