import Foundation

/// The editable fields of an organisation, as a person or an API client submits them.
/// `validated()` applies every rule and returns clean values, or every broken rule.
public struct OrganisationDraft: Sendable, Hashable {
    public var nameEn: String?
    public var nameKo: String?
    public var acronym: String?
    public var type: String?
    public var country: String?
    public var sectors: [String]?
    public var website: String?
    public var descriptionEn: String?
    public var descriptionKo: String?

    public init(nameEn: String? = nil, nameKo: String? = nil, acronym: String? = nil, type: String? = nil,
                country: String? = nil, sectors: [String]? = nil, website: String? = nil,
                descriptionEn: String? = nil, descriptionKo: String? = nil) {
        self.nameEn = nameEn; self.nameKo = nameKo; self.acronym = acronym; self.type = type
        self.country = country; self.sectors = sectors; self.website = website
        self.descriptionEn = descriptionEn; self.descriptionKo = descriptionKo
    }

    /// Clean, rule-abiding organisation fields.
    public struct Fields: Sendable, Hashable {
        public var name: LocalizedText
        public var acronym: String?
        public var type: OrganisationType
        public var country: CountryCode
        public var sectors: [Sector]
        public var website: String?
        public var description: LocalizedText

        public init(name: LocalizedText, acronym: String?, type: OrganisationType, country: CountryCode, sectors: [Sector], website: String?, description: LocalizedText) {
            self.name = name; self.acronym = acronym; self.type = type; self.country = country; self.sectors = sectors; self.website = website; self.description = description
        }
    }

    /// Checks the draft against the rules; `knownCountries` are the directory's countries.
    public func validated(knownCountries: Set<CountryCode>) throws(DomainError) -> Fields {
        var rules = FieldRules()
        let en = rules.text(nameEn, field: "name.en", max: 200)
        let ko = rules.text(nameKo, field: "name.ko", max: 200)
        let acronym = rules.optionalText(acronym, field: "acronym", max: 20)
        let type = OrganisationType(rawValue: type ?? "")
        if type == nil {
            rules.fail("type", "unknown", "type must be one of: \(OrganisationType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let country = CountryCode(country ?? "")
        if country == nil || !knownCountries.contains(country!) {
            rules.fail("country", "unknown", "country must be the ISO 3166-1 alpha-2 code of a country in the directory.")
        }
        var sectors: [Sector] = []
        for (index, code) in (self.sectors ?? []).enumerated() {
            guard let sector = Sector(rawValue: code) else {
                rules.fail("sectors[\(index)]", "unknown", "\(code.prefix(40)) is not a sector.")
                continue
            }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        if sectors.count > 10 { rules.fail("sectors", "too-many", "at most 10 sectors.") }
        let website = rules.optionalText(website, field: "website", max: 300)
        if let website, !Self.isWebAddress(website) {
            rules.fail("website", "invalid", "website must be an http:// or https:// address.")
        }
        let descriptionEn = rules.text(descriptionEn, field: "description.en", min: 0, max: 4000)
        let descriptionKo = rules.text(descriptionKo, field: "description.ko", min: 0, max: 4000)
        try rules.check()
        return Fields(name: LocalizedText(en: en, ko: ko), acronym: acronym, type: type!, country: country!,
                      sectors: sectors, website: website,
                      description: LocalizedText(en: descriptionEn, ko: descriptionKo))
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, host.contains(".") else { return false }
        return !text.contains(" ")
    }
}

extension OrganisationDraft {
    /// The draft that keeps `fields` unchanged: the start of a partial update.
    public init(_ fields: Fields) {
        self.init(nameEn: fields.name.en, nameKo: fields.name.ko, acronym: fields.acronym, type: fields.type.rawValue,
                  country: fields.country.value, sectors: fields.sectors.map(\.rawValue), website: fields.website,
                  descriptionEn: fields.description.en, descriptionKo: fields.description.ko)
    }
}
