import Foundation

/// The filters of the organisation list, parsed from query text.
public struct OrganisationFilter: Sendable, Hashable {
    public var type: OrganisationType?
    public var country: CountryCode?
    public var sector: Sector?
    public var query: String?
    public var sample: Bool?

    public init(type: OrganisationType? = nil, country: CountryCode? = nil, sector: Sector? = nil, query: String? = nil, sample: Bool? = nil) {
        self.type = type; self.country = country; self.sector = sector; self.query = query; self.sample = sample
    }

    /// Empty values mean "no filter"; unknown values are errors that name the parameter.
    public static func parse(type: String?, country: String?, sector: String?, query: String?, sample: String? = nil) throws(DomainError) -> OrganisationFilter {
        var rules = FieldRules()
        var filter = OrganisationFilter()
        if let type, !type.isEmpty {
            filter.type = OrganisationType(rawValue: type)
            if filter.type == nil { rules.fail("type", "unknown", "type must be one of: \(OrganisationType.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        if let country, !country.isEmpty {
            filter.country = CountryCode(country)
            if filter.country == nil { rules.fail("country", "unknown", "country must be an ISO 3166-1 alpha-2 code.") }
        }
        if let sector, !sector.isEmpty {
            filter.sector = Sector(rawValue: sector)
            if filter.sector == nil { rules.fail("sector", "unknown", "sector must be one of: \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        filter.query = SearchQuery.parse(query, rules: &rules)
        if let sample, !sample.isEmpty {
            switch sample { case "true": filter.sample = true; case "false": filter.sample = false
            default: rules.fail("sample", "invalid", "sample must be true or false.") }
        }
        try rules.checkParameters()
        return filter
    }
}

/// The filters of the city list.
public struct CityFilter: Sendable, Hashable {
    public var country: CountryCode?
    public var kind: CityKind?
    public var query: String?

    public init(country: CountryCode? = nil, kind: CityKind? = nil, query: String? = nil) {
        self.country = country; self.kind = kind; self.query = query
    }

    public static func parse(country: String?, kind: String?, query: String?) throws(DomainError) -> CityFilter {
        var rules = FieldRules()
        var filter = CityFilter()
        if let country, !country.isEmpty {
            filter.country = CountryCode(country)
            if filter.country == nil { rules.fail("country", "unknown", "country must be an ISO 3166-1 alpha-2 code.") }
        }
        if let kind, !kind.isEmpty {
            filter.kind = CityKind(rawValue: kind)
            if filter.kind == nil { rules.fail("kind", "unknown", "kind must be one of: \(CityKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        filter.query = SearchQuery.parse(query, rules: &rules)
        try rules.checkParameters()
        return filter
    }
}

/// A name search: trimmed, 1 to 100 characters, or none.
enum SearchQuery {
    static func parse(_ text: String?, rules: inout FieldRules) -> String? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count > 100 { rules.fail("q", "too-long", "q may have at most 100 characters.") }
        return trimmed
    }
}
