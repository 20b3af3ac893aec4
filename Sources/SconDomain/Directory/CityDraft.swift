/// The editable fields of a city; `validated()` applies the rules.
public struct CityDraft: Sendable, Hashable {
    public var nameEn: String?
    public var nameKo: String?
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?
    public var kind: String?

    public init(nameEn: String? = nil, nameKo: String? = nil, country: String? = nil, latitude: Double? = nil,
                longitude: Double? = nil, population: Int? = nil, kind: String? = nil) {
        self.nameEn = nameEn; self.nameKo = nameKo; self.country = country; self.latitude = latitude
        self.longitude = longitude; self.population = population; self.kind = kind
    }

    public struct Fields: Sendable, Hashable {
        public var name: LocalizedText
        public var country: CountryCode
        public var latitude: Double
        public var longitude: Double
        public var population: Int?
        public var kind: CityKind

        public init(name: LocalizedText, country: CountryCode, latitude: Double, longitude: Double, population: Int?, kind: CityKind) {
            self.name = name; self.country = country; self.latitude = latitude; self.longitude = longitude; self.population = population; self.kind = kind
        }
    }

    public func validated(knownCountries: Set<CountryCode>) throws(DomainError) -> Fields {
        var rules = FieldRules()
        let en = rules.text(nameEn, field: "name.en", max: 200)
        let ko = rules.text(nameKo, field: "name.ko", max: 200)
        let country = CountryCode(country ?? "")
        if country == nil || !knownCountries.contains(country!) {
            rules.fail("country", "unknown", "country must be the ISO 3166-1 alpha-2 code of a country in the directory.")
        }
        if latitude == nil || !(-90.0...90.0).contains(latitude!) || !latitude!.isFinite {
            rules.fail("latitude", "out-of-range", "latitude must be a number from -90 to 90.")
        }
        if longitude == nil || !(-180.0...180.0).contains(longitude!) || !longitude!.isFinite {
            rules.fail("longitude", "out-of-range", "longitude must be a number from -180 to 180.")
        }
        if let population, population < 0 { rules.fail("population", "negative", "population cannot be negative.") }
        let kind = CityKind(rawValue: kind ?? CityKind.other.rawValue)
        if kind == nil { rules.fail("kind", "unknown", "kind must be one of: \(CityKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        try rules.check()
        return Fields(name: LocalizedText(en: en, ko: ko), country: country!, latitude: latitude!, longitude: longitude!,
                      population: population, kind: kind!)
    }
}

extension CityDraft {
    public init(_ fields: Fields) {
        self.init(nameEn: fields.name.en, nameKo: fields.name.ko, country: fields.country.value, latitude: fields.latitude,
                  longitude: fields.longitude, population: fields.population, kind: fields.kind.rawValue)
    }
}
