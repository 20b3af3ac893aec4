import Vapor

/// Refuses request bodies over the configured size with 413 before any handler reads them:
/// by the declared `Content-Length`, and by the bytes when the body is already collected.
struct BodySizeLimit: AsyncMiddleware {
    let maxBytes: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let declared = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        if max(declared, collected) > maxBytes {
            throw Abort(.payloadTooLarge, reason: "The request body is larger than \(maxBytes / 1024) KB.")
        }
        return try await next.respond(to: request)
    }
}
