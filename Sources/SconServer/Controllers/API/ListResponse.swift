import Vapor

/// `{ "items": [...], "nextCursor": "…" | null }`.
struct ListResponse<Item: Content & Sendable>: Content, Sendable {
    var items: [Item]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

extension Request {
    /// A path parameter that must be a UUID; 400 naming the parameter otherwise.
    func uuidParameter(_ name: String = "id") throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Abort(.badRequest, reason: "\(name) must be a UUID.")
        }
        return id
    }

    /// A JSON answer with a status and optional Location header.
    func created<T: Content>(_ value: T, location: String) async throws -> Response {
        let response = try await value.encodeResponse(status: .created, for: self)
        response.headers.replaceOrAdd(name: .location, value: location)
        return response
    }
}
