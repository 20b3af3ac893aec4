import SconDomain
import Vapor

/// The middleware of routes that need a signed-in caller: anonymous requests stop here with
/// 401 (a problem for the API, the sign-in page for people) before any handler runs.
struct RequireSignedIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.principal.isSignedIn else { throw DomainError.unauthenticated }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// The routes of this builder that need a signed-in caller.
    var signedIn: any RoutesBuilder { grouped(RequireSignedIn()) }
}
