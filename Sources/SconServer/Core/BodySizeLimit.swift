import Vapor

/// Refuses request bodies over the configured size with 413 before any handler reads them:
/// by the declared `Content-Length`, and by the bytes when the body is already collected.
/// A route may allow more (file uploads) with `allowingBodies(upTo:)`.
struct BodySizeLimit: AsyncMiddleware {
    let maxBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.maxBodyBytes(default: maxBytes)
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        if max(declared, collected) > limit {
            throw Abort(.payloadTooLarge, reason: "The request body is larger than \(limit / 1024) KB.")
        }
        return try await next.respond(to: request)
    }
}

extension Route {
    static let maxBodyKey: AnySendableHashable = "scon.maxBodyBytes"

    /// Lets this route take bodies up to `bytes` (an upload), above the app's default.
    @discardableResult
    func allowingBodies(upTo bytes: Int) -> Route {
        userInfo[Self.maxBodyKey] = bytes
        return self
    }
}

extension Request {
    /// The largest body this request's route accepts.
    func maxBodyBytes(default fallback: Int) -> Int {
        (route?.userInfo[Route.maxBodyKey] as? Int) ?? fallback
    }
}
