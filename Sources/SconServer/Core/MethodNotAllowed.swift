import Vapor

/// Answers 405 with an `Allow` header (RFC 9110 §15.5.6) when a path exists but not for the
/// request's method; a path that does not exist stays 404. Runs only when no route matched.
struct MethodNotAllowed: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as RouteNotFound {
            let methods = Self.methods(for: request.url.path, in: request.application.routes.all)
            guard !methods.isEmpty else { throw error }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .allow, value: methods.joined(separator: ", "))
            throw Abort(.methodNotAllowed, headers: headers, reason: "\(request.method.rawValue) is not allowed here; allowed: \(methods.joined(separator: ", ")).")
        }
    }

    /// The methods the routes answer on `path` (HEAD wherever GET is).
    static func methods(for path: String, in routes: [Route]) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set<String>()
        for route in routes where matches(route.path, segments) {
            methods.insert(route.method.rawValue)
            if route.method == .GET { methods.insert("HEAD") }
        }
        return methods.sorted()
    }

    static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        for (index, component) in pattern.enumerated() {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter: if index >= segments.count { return false }
            case .constant(let text): if index >= segments.count || segments[index] != text { return false }
            }
        }
        return pattern.count == segments.count
    }
}
