import Vapor
import SconDomain

extension Request {
    /// The first value of a query parameter, percent-decoded with `+` as a space. The query is
    /// parsed once per request; Vapor's `req.query[...]` decodes all of it on every call, which
    /// was 5% of an API list's CPU time with six filters read (docs/performance.md).
    func queryItem(_ name: String) -> String? {
        queryItems[name]
    }

    private var queryItems: [String: String] {
        if let cached = storage[QueryItemsKey.self] { return cached }
        var items: [String: String] = [:]
        for pair in (url.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]), items[name] == nil else { continue }
            items[name] = parts.count > 1 ? Self.formDecoded(parts[1]) ?? "" : ""
        }
        storage[QueryItemsKey.self] = items
        return items
    }

    /// Whether a query parameter is present but its value is not percent-encoded UTF-8
    /// (`q=%FF`): `queryItem` reads such a value as empty, a handler that cares answers 400.
    func queryItemIsMalformed(_ name: String) -> Bool {
        for pair in (url.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if Self.formDecoded(parts[0]) == name, parts.count > 1, Self.formDecoded(parts[1]) == nil { return true }
        }
        return false
    }

    private static func formDecoded(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private struct QueryItemsKey: StorageKey { typealias Value = [String: String] }
}

extension Request {
    /// `limit` and `cursor` of a keyset-paginated list.
    func pageQuery() throws -> PageQuery {
        try PageQuery.parse(limit: queryItem("limit"), cursor: queryItem("cursor"))
    }
}
