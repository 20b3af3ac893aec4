/// An ISO 3166-1 alpha-2 country code, upper case (`TH`, `KR`).
public struct CountryCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    /// Accepts two ASCII letters in any case; nil otherwise.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.count == 2, upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        value = upper
    }

    public var description: String { value }
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 3166-1 alpha-2 code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension CountryCode {
    /// The ten ASEAN member states: Brunei, Cambodia, Indonesia, Laos, Malaysia, Myanmar,
    /// the Philippines, Singapore, Thailand, Viet Nam.
    public static let asean: [CountryCode] = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"].map { CountryCode($0)! }
}
