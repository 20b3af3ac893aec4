/// How many seats of a cohort one country may have: the same limit for every eligible
/// country (`atMost`), or a set number per country (`fixed`, at most the capacity in sum).
/// JSON: `{"atMost": 3}` or `{"fixed": {"TH": 3, "VN": 2}}`.
public enum CountryQuota: Sendable, Hashable, Codable {
    case atMost(Int)
    case fixed([CountryCode: Int])

    /// The most seats `country` may hold; 0 for a country a fixed quota does not name.
    public func limit(for country: CountryCode) -> Int {
        switch self {
        case .atMost(let limit): limit
        case .fixed(let limits): limits[country] ?? 0
        }
    }

    private enum Key: String, CodingKey { case atMost, fixed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let limit = try container.decodeIfPresent(Int.self, forKey: .atMost) {
            self = .atMost(limit)
            return
        }
        let limits = try container.decode([String: Int].self, forKey: .fixed)
        var result: [CountryCode: Int] = [:]
        for (code, limit) in limits {
            guard let country = CountryCode(code) else {
                throw DecodingError.dataCorruptedError(forKey: .fixed, in: container, debugDescription: "not a country code: \(code)")
            }
            result[country] = limit
        }
        self = .fixed(result)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .atMost(let limit): try container.encode(limit, forKey: .atMost)
        case .fixed(let limits):
            try container.encode(Dictionary(uniqueKeysWithValues: limits.map { ($0.key.value, $0.value) }), forKey: .fixed)
        }
    }
}

/// The level of government a trainee works for: the cohort says which levels may apply.
public enum GovernmentLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A ministry or national agency.
    case national
    /// A province, state or region.
    case regional
    /// A city or other local government.
    case local

    public static func < (lhs: GovernmentLevel, rhs: GovernmentLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
