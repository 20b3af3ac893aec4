import Foundation

/// A new agreement as submitted, checked field by field (`DomainError.invalid` names each
/// broken rule by its JSON path). Whether a named organisation exists is the store's question.
public struct AgreementDraft: Sendable {
    public struct Party: Sendable {
        public var organisation: UUID?
        public var country: String?
        /// A description where the organisation is not in the directory ("a Korean public institution").
        public var nameEn: String?
        public var nameKo: String?
        public var signatoryTitleEn: String?
        public var signatoryTitleKo: String?

        public init(organisation: UUID? = nil, country: String? = nil, nameEn: String? = nil, nameKo: String? = nil,
                    signatoryTitleEn: String? = nil, signatoryTitleKo: String? = nil) {
            self.organisation = organisation; self.country = country; self.nameEn = nameEn; self.nameKo = nameKo
            self.signatoryTitleEn = signatoryTitleEn; self.signatoryTitleKo = signatoryTitleKo
        }
    }

    public var kind: String?
    public var level: String?
    public var titleEn: String?
    public var titleKo: String?
    public var parties: [Party]?
    public var signedOn: String?
    public var placeEn: String?
    public var placeKo: String?
    public var sectors: [String]?
    public var expiresOn: String?
    public var obligationsEn: String?
    public var obligationsKo: String?
    public var isPublic: Bool?

    public init(kind: String? = nil, level: String? = nil, titleEn: String? = nil, titleKo: String? = nil, parties: [Party]? = nil,
                signedOn: String? = nil, placeEn: String? = nil, placeKo: String? = nil, sectors: [String]? = nil, expiresOn: String? = nil,
                obligationsEn: String? = nil, obligationsKo: String? = nil, isPublic: Bool? = nil) {
        self.kind = kind; self.level = level; self.titleEn = titleEn; self.titleKo = titleKo; self.parties = parties
        self.signedOn = signedOn; self.placeEn = placeEn; self.placeKo = placeKo; self.sectors = sectors; self.expiresOn = expiresOn
        self.obligationsEn = obligationsEn; self.obligationsKo = obligationsKo; self.isPublic = isPublic
    }

    /// The checked values.
    public struct Checked: Sendable {
        public var kind: AgreementKind
        public var level: AgreementLevel
        public var title: LocalizedText
        public var parties: [CheckedParty]
        public var signedOn: PartialDate?
        public var place: LocalizedText?
        public var sectors: [Sector]
        public var expiresOn: CalendarDay?
        public var obligations: LocalizedText
        public var isPublic: Bool
    }

    public struct CheckedParty: Sendable, Hashable {
        public var organisation: UUID?
        public var country: CountryCode?
        public var name: LocalizedText?
        public var signatoryTitle: LocalizedText?
    }

    public func checked() throws(DomainError) -> Checked {
        var rules = FieldRules()
        let kind = AgreementKind(rawValue: self.kind ?? "")
        if kind == nil { rules.fail("kind", self.kind == nil ? "required" : "unknown", "kind is one of \(AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let level = AgreementLevel(rawValue: self.level ?? "")
        if level == nil { rules.fail("level", self.level == nil ? "required" : "unknown", "level is one of \(AgreementLevel.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let en = rules.text(titleEn, field: "titleEn", min: 3, max: 300)
        let ko = rules.text(titleKo, field: "titleKo", min: 2, max: 300)
        var checkedParties: [CheckedParty] = []
        let parties = self.parties ?? []
        if parties.count < 2 { rules.fail("parties", "too-few", "an agreement has at least two parties (a party the record does not name is \"not disclosed\").") }
        if parties.count > 50 { rules.fail("parties", "too-many", "an agreement has at most 50 parties.") }
        for (index, party) in parties.prefix(50).enumerated() {
            var country: CountryCode?
            if let code = party.country {
                country = CountryCode(code)
                if country == nil { rules.fail("parties[\(index)].country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
            }
            let nameEn = rules.optionalText(party.nameEn, field: "parties[\(index)].nameEn", max: 300)
            let nameKo = rules.optionalText(party.nameKo, field: "parties[\(index)].nameKo", max: 300)
            let signEn = rules.optionalText(party.signatoryTitleEn, field: "parties[\(index)].signatoryTitleEn", max: 200)
            let signKo = rules.optionalText(party.signatoryTitleKo, field: "parties[\(index)].signatoryTitleKo", max: 200)
            if (nameEn == nil) != (nameKo == nil) { rules.fail("parties[\(index)].nameKo", "required", "a party's description is given in English and Korean.") }
            if (signEn == nil) != (signKo == nil) { rules.fail("parties[\(index)].signatoryTitleKo", "required", "a signatory's title is given in English and Korean.") }
            let name = nameEn.flatMap { en in nameKo.map { LocalizedText(en: en, ko: $0) } }
            let title = signEn.flatMap { en in signKo.map { LocalizedText(en: en, ko: $0) } }
            checkedParties.append(CheckedParty(organisation: party.organisation, country: country, name: name, signatoryTitle: title))
        }
        var signed: PartialDate?
        if let text = signedOn {
            signed = PartialDate(text)
            if signed == nil { rules.fail("signedOn", "invalid", "signedOn is a date YYYY-MM-DD, a month YYYY-MM or a year YYYY.") }
        }
        var expires: CalendarDay?
        if let text = expiresOn {
            expires = CalendarDay(text)
            if expires == nil { rules.fail("expiresOn", "invalid", "expiresOn is a date YYYY-MM-DD.") }
        }
        if let signed, let expires, expires < signed.lastDay {
            rules.fail("expiresOn", "before-start", "the agreement cannot expire before it is signed (\(signed)).")
        }
        let placeEn = rules.optionalText(self.placeEn, field: "placeEn", max: 200)
        let placeKo = rules.optionalText(self.placeKo, field: "placeKo", max: 200)
        if (placeEn == nil) != (placeKo == nil) { rules.fail(placeEn == nil ? "placeEn" : "placeKo", "required", "the place is given in English and Korean.") }
        var sectors: [Sector] = []
        for (index, code) in (self.sectors ?? []).enumerated() {
            guard let sector = Sector(rawValue: code) else { rules.fail("sectors[\(index)]", "unknown", "\(code.prefix(40)) is not a sector."); continue }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        let obligationsEn = rules.text(self.obligationsEn, field: "obligationsEn", min: 0, max: 8_000)
        let obligationsKo = rules.text(self.obligationsKo, field: "obligationsKo", min: 0, max: 8_000)
        if isPublic == nil { rules.fail("public", "required", "public says whether visitors may read the agreement.") }
        try rules.check()
        return Checked(kind: kind!, level: level!, title: LocalizedText(en: en, ko: ko), parties: checkedParties, signedOn: signed,
                       place: placeEn.flatMap { en in placeKo.map { LocalizedText(en: en, ko: $0) } }, sectors: sectors, expiresOn: expires,
                       obligations: LocalizedText(en: obligationsEn, ko: obligationsKo), isPublic: isPublic!)
    }
}
