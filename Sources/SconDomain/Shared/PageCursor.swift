import Foundation

/// An opaque keyset-pagination cursor: the sort key and id of the last row of a page,
/// base64url-encoded JSON. Keyset (not offset) pagination stays fast and stable while rows
/// are added.
public struct PageCursor: Sendable, Hashable, Codable {
    public var key: String
    public var id: UUID

    public init(key: String, id: UUID) {
        self.key = key
        self.id = id
    }

    public var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) throws(DomainError) -> PageCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard text.count <= 512,
              let data = Data(base64Encoded: base64),
              let cursor = try? JSONDecoder().decode(PageCursor.self, from: data)
        else {
            throw .badParameter([FieldIssue(field: "cursor", code: "invalid", detail: "cursor is not a cursor this API returned.")])
        }
        return cursor
    }
}

/// A validated page request: at most `limit` rows after `cursor`.
public struct PageQuery: Sendable, Hashable {
    public static let defaultLimit = 20
    public static let maximumLimit = 100

    public var limit: Int
    public var cursor: PageCursor?

    public init(limit: Int = PageQuery.defaultLimit, cursor: PageCursor? = nil) {
        self.limit = limit
        self.cursor = cursor
    }

    public static func parse(limit: String?, cursor: String?) throws(DomainError) -> PageQuery {
        var page = PageQuery()
        if let limit, !limit.isEmpty {
            guard let value = Int(limit), (1...maximumLimit).contains(value) else {
                throw .badParameter([FieldIssue(field: "limit", code: "out-of-range", detail: "limit must be a whole number from 1 to \(maximumLimit).")])
            }
            page.limit = value
        }
        if let cursor, !cursor.isEmpty { page.cursor = try PageCursor.decode(cursor) }
        return page
    }
}

/// One page of results and the cursor of the next page, if any.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: PageCursor?

    public init(items: [Item], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Builds a page from `limit + 1` fetched rows: the extra row only tells that a next page exists.
    public static func from(rows: [Item], limit: Int, cursorOf: (Item) -> PageCursor) -> Page<Item> {
        guard rows.count > limit else { return Page(items: rows, nextCursor: nil) }
        let items = Array(rows.prefix(limit))
        return Page(items: items, nextCursor: items.last.map(cursorOf))
    }
}
