import Foundation

/// One line of the marketplace import format (`scon import marketplace FILE`, JSON Lines):
/// `{"ref": "c001", "kind": "challenge", "lang": "th", "title": "…", "body": "…", "country": "TH", "sectors": ["water"]}`.
/// `validated()` applies the rules and returns clean values, or every broken rule.
public struct MarketplaceEntry: Sendable, Hashable, Codable {
    public var ref: String?
    public var kind: String?
    public var lang: String?
    public var title: String?
    public var body: String?
    public var country: String?
    public var sectors: [String]?

    public init(ref: String?, kind: String?, lang: String?, title: String?, body: String?, country: String?, sectors: [String]?) {
        self.ref = ref; self.kind = kind; self.lang = lang; self.title = title; self.body = body; self.country = country; self.sectors = sectors
    }

    /// What an entry posts.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case challenge, solution
    }

    /// A clean, rule-abiding entry.
    public struct Fields: Sendable, Hashable {
        public var ref: String
        public var kind: Kind
        public var language: ContentLanguage
        public var title: String
        public var body: String
        public var country: CountryCode
        public var sectors: [Sector]
    }

    /// Checks the entry; `knownCountries` are the directory's countries (nil: any ISO code).
    public func validated(knownCountries: Set<CountryCode>? = nil) throws(DomainError) -> Fields {
        var rules = FieldRules()
        let ref = rules.text(ref, field: "ref", max: 100)
        let kind = Kind(rawValue: kind ?? "")
        if kind == nil { rules.fail("kind", "unknown", "kind must be challenge or solution.") }
        let language = ContentLanguage(rawValue: lang ?? "")
        if language == nil {
            rules.fail("lang", "unknown", "lang must be one of: \(ContentLanguage.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let title = rules.text(title, field: "title", max: 300)
        let body = rules.text(body, field: "body", min: 0, max: 20_000)
        let country = CountryCode(country ?? "")
        if country == nil || knownCountries.map({ !$0.contains(country!) }) == true {
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
        try rules.check()
        return Fields(ref: ref, kind: kind!, language: language!, title: title, body: body, country: country!, sectors: sectors)
    }

    /// Decodes JSON Lines (blank lines skipped); a line that is not an entry is reported with
    /// its number as `lines[n]` (1-based).
    public static func decodeLines(_ text: String) throws(DomainError) -> [MarketplaceEntry] {
        var entries: [MarketplaceEntry] = []
        var issues: [FieldIssue] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                entries.append(try decoder.decode(MarketplaceEntry.self, from: Data(trimmed.utf8)))
            } catch {
                issues.append(FieldIssue(field: "lines[\(index + 1)]", code: "invalid-json", detail: "line \(index + 1) is not a marketplace entry."))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return entries
    }
}
