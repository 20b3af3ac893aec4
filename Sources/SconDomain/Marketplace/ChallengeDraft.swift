import Foundation

/// A challenge as submitted (form or API). `validated` checks every rule at once and names each
/// broken one by its field.
public struct ChallengeDraft: Sendable, Hashable {
    public var cityID: UUID?
    public var organisationID: UUID?
    public var sectors: [String]?
    /// The language the author wrote in (one of the region's ten).
    public var language: String?
    public var title: String?
    public var body: String?
    /// Optional versions in Korean and English (when the author's language is neither).
    public var titleKo: String?
    public var bodyKo: String?
    public var titleEn: String?
    public var bodyEn: String?
    public var peopleAffected: Int?
    /// The budget range in the local currency, whole major units as typed ("1,500,000" allowed).
    public var budgetMin: String?
    public var budgetMax: String?
    public var budgetCurrency: String?
    /// When the city wants it solved: free text such as "2027, before the rainy season".
    public var timing: String?
    public var contact: String?

    public init() {}

    public struct Fields: Sendable, Hashable, Codable {
        public var cityID: UUID
        public var organisationID: UUID
        public var sectors: [Sector]
        public var language: ContentLanguage
        public var title: String
        public var body: String
        public var titleKo: String
        public var bodyKo: String
        public var titleEn: String
        public var bodyEn: String
        public var peopleAffected: Int?
        public var budget: BudgetRange?
        public var timing: String
        public var contact: String
    }

    /// `cityCountry`: the country of the city named (nil when the city is unknown);
    /// `organisationCountry`: the posting organisation's country.
    public func validated(cityCountry: CountryCode?, organisationCountry: CountryCode?) throws(DomainError) -> Fields {
        var rules = FieldRules()
        if cityID == nil || cityCountry == nil { rules.fail("city", cityID == nil ? "required" : "unknown", "city is a city of the directory.") }
        if organisationID == nil || organisationCountry == nil {
            rules.fail("organisation", organisationID == nil ? "required" : "unknown", "organisation is an organisation of the directory.")
        }
        if let cityCountry, let organisationCountry, cityCountry != organisationCountry, organisationCountry.value != "KR" {
            rules.fail("city", "other-country", "the city is in the posting organisation's country.")
        }
        let sectors = MarketplaceRules.sectors(self.sectors, &rules)
        let language = ContentLanguage(rawValue: self.language ?? "")
        if language == nil { rules.fail("language", self.language == nil ? "required" : "unknown", "language is one of ko, en, th, vi, id, ms, km, lo, my, tl.") }
        let title = rules.text(title, field: "title", min: 3, max: 300)
        let body = rules.text(body, field: "body", min: 10, max: 20_000)
        let titleKo = rules.text(titleKo, field: "titleKo", min: 0, max: 300)
        let bodyKo = rules.text(bodyKo, field: "bodyKo", min: 0, max: 20_000)
        let titleEn = rules.text(titleEn, field: "titleEn", min: 0, max: 300)
        let bodyEn = rules.text(bodyEn, field: "bodyEn", min: 0, max: 20_000)
        if let peopleAffected, !(0...100_000_000).contains(peopleAffected) {
            rules.fail("peopleAffected", "out-of-range", "peopleAffected is between 0 and 100,000,000.")
        }
        let budget = BudgetRange.validated(min: budgetMin, max: budgetMax, currency: budgetCurrency, &rules)
        let timing = rules.text(timing, field: "timing", min: 0, max: 200)
        let contact = rules.text(contact, field: "contact", min: 0, max: 300)
        try rules.check()
        return Fields(cityID: cityID!, organisationID: organisationID!, sectors: sectors, language: language!, title: title, body: body,
                      titleKo: titleKo, bodyKo: bodyKo, titleEn: titleEn, bodyEn: bodyEn, peopleAffected: peopleAffected,
                      budget: budget, timing: timing, contact: contact)
    }
}

/// A budget range in integer minor units of a currency (the city's own or KRW).
public struct BudgetRange: Sendable, Hashable, Codable {
    public var minimum: Money
    public var maximum: Money

    public init(minimum: Money, maximum: Money) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Amounts as people type them (`1,500,000`, `1 500 000`, `2.5`); both or neither; not
    /// negative; the maximum not below the minimum.
    static func validated(min: String?, max: String?, currency: String?, _ rules: inout FieldRules) -> BudgetRange? {
        let minText = (min ?? "").trimmingCharacters(in: .whitespaces), maxText = (max ?? "").trimmingCharacters(in: .whitespaces)
        if minText.isEmpty && maxText.isEmpty { return nil }
        guard let currency = Currency(rawValue: (currency ?? "").uppercased()) else {
            rules.fail("budgetCurrency", currency == nil ? "required" : "unknown", "budgetCurrency is KRW, USD or an ASEAN currency.")
            return nil
        }
        func amount(_ text: String, _ field: String) -> Money? {
            let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
            guard !cleaned.isEmpty else { rules.fail(field, "required", "\(field) is required with the other end of the range."); return nil }
            guard let money = Money.parse(cleaned, currency), money.minor >= 0 else {
                rules.fail(field, cleaned.hasPrefix("-") ? "negative" : "invalid", "\(field) is an amount of at least 0 in \(currency.rawValue).")
                return nil
            }
            return money
        }
        let low = amount(minText, "budgetMin"), high = amount(maxText, "budgetMax")
        guard let low, let high else { return nil }
        if high.minor < low.minor { rules.fail("budgetMax", "below-minimum", "budgetMax is not below budgetMin."); return nil }
        return BudgetRange(minimum: low, maximum: high)
    }
}

enum MarketplaceRules {
    /// 1–5 sectors of the taxonomy, each once.
    static func sectors(_ codes: [String]?, _ rules: inout FieldRules) -> [Sector] {
        var sectors: [Sector] = []
        for (index, code) in (codes ?? []).enumerated() {
            guard let sector = Sector(rawValue: code) else { rules.fail("sectors[\(index)]", "unknown", "\(code.prefix(40)) is not a sector."); continue }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        if sectors.isEmpty { rules.fail("sectors", "required", "name at least one sector.") }
        if sectors.count > 5 { rules.fail("sectors", "too-many", "name at most 5 sectors.") }
        return sectors
    }
}

extension BudgetRange {
    /// The range in KRW at `rate` (each end rounded half to even to the won, as the fund books);
    /// a KRW range is itself; nil when the rate is of another currency.
    public func inKRW(_ rate: ExchangeRate?) -> BudgetRange? {
        if minimum.currency == .KRW { return self }
        guard let rate, rate.currency == minimum.currency, maximum.currency == minimum.currency else { return nil }
        return BudgetRange(minimum: Money(minor: rate.toKRW(minimum), .KRW), maximum: Money(minor: rate.toKRW(maximum), .KRW))
    }
}
