import Vapor

/// `{ "items": [...], "nextCursor": "…" | null }`.
struct ListResponse<Item: JSONWritable>: JSONWritable {
    var items: [Item]
    var nextCursor: String?

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("items", items)
            $0.field("nextCursor", nextCursor)
        }
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

    /// A 201 JSON answer with a Location header.
    func created(_ value: some JSONWritable, location: String) -> Response {
        let response = value.jsonResponse(status: .created, allocator: byteBufferAllocator)
        response.headers.replaceOrAdd(name: .location, value: location)
        return response
    }
}
