import Foundation

/// An opaque keyset-pagination cursor: the id and sort key of the last row of a page,
/// base64url-encoded (RFC 4648 §5) as `<36-character UUID><sort key>`. Keyset (not offset)
/// pagination stays fast and stable while rows are added.
public struct PageCursor: Sendable, Hashable {
    public var key: String
    public var id: UUID

    public init(key: String, id: UUID) {
        self.key = key
        self.id = id
    }

    public var encoded: String { Base64URL.encode(Array((id.uuidString + key).utf8)) }

    public static func decode(_ text: String) throws(DomainError) -> PageCursor {
        guard text.utf8.count <= 512,
              let bytes = Base64URL.decode(text), bytes.count >= 36,
              let id = UUID(uuidString: String(decoding: bytes[..<36], as: UTF8.self)),
              let key = String(validating: bytes[36...], as: UTF8.self)
        else {
            throw .badParameter([FieldIssue(field: "cursor", code: "invalid", detail: "cursor is not a cursor this API returned.")])
        }
        return PageCursor(key: key, id: id)
    }
}

/// Base64 with the URL- and filename-safe alphabet and no padding (RFC 4648 §5).
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if chunk > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if chunk > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0...chunk {
                output.append(alphabet[Int((group >> UInt32(18 - 6 * position)) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var group: UInt32 = 0
        var bits = 0
        for byte in input {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            group = (group << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((group >> UInt32(bits)) & 0xFF))
            }
        }
        return output
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
