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
    /// A 201 JSON answer with a Location header.
    func created(_ value: some JSONWritable, at route: some APIRoute) -> Response {
        let response = value.jsonResponse(status: .created, allocator: byteBufferAllocator)
        response.headers.replaceOrAdd(name: .location, value: route.path)
        return response
    }
}
