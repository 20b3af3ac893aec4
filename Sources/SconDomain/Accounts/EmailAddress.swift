import Foundation

/// An e-mail address, trimmed and lower-cased, with a pragmatic shape check
/// (one `@`, a dotted domain, no spaces): the address itself is proven only by use.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2,
              let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64,
              domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."),
              !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," })
        else { return nil }
        value = trimmed
    }

    public var description: String { value }
}
