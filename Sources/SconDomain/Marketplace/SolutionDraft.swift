import Foundation

/// A solution as submitted: what an organisation offers, in its own language and optionally in
/// Korean and English, with where it runs already.
public struct SolutionDraft: Sendable, Hashable {
    public var organisationID: UUID?
    public var sectors: [String]?
    public var language: String?
    public var title: String?
    public var body: String?
    public var titleKo: String?
    public var bodyKo: String?
    public var titleEn: String?
    public var bodyEn: String?
    public var readiness: String?
    /// Cities where it is deployed (directory ids).
    public var references: [UUID]?
    public var priceModel: String?
    /// The languages the team can work in.
    public var languages: [String]?

    public init() {}

    public struct Fields: Sendable, Hashable, Codable {
        public var organisationID: UUID
        public var sectors: [Sector]
        public var language: ContentLanguage
        public var title: String
        public var body: String
        public var titleKo: String
        public var bodyKo: String
        public var titleEn: String
        public var bodyEn: String
        public var readiness: SolutionReadiness
        public var references: [UUID]
        public var priceModel: PriceModel
        public var languages: [ContentLanguage]
    }

    /// `knownCities`: which of `references` exist; `organisationKnown`: the organisation exists.
    public func validated(organisationKnown: Bool, knownCities: Set<UUID>) throws(DomainError) -> Fields {
        var rules = FieldRules()
        if organisationID == nil || !organisationKnown {
            rules.fail("organisation", organisationID == nil ? "required" : "unknown", "organisation is an organisation of the directory.")
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
        let readiness = SolutionReadiness(rawValue: self.readiness ?? "")
        if readiness == nil { rules.fail("readiness", self.readiness == nil ? "required" : "unknown", "readiness is idea, pilot or deployed.") }
        let priceModel = PriceModel(rawValue: self.priceModel ?? "negotiable")
        if priceModel == nil { rules.fail("priceModel", "unknown", "priceModel is one of \(PriceModel.allCases.map(\.rawValue).joined(separator: ", ")).") }
        var references: [UUID] = []
        for (index, city) in (self.references ?? []).enumerated() {
            if !knownCities.contains(city) { rules.fail("references[\(index)]", "unknown", "a reference is a city of the directory.") }
            else if !references.contains(city) { references.append(city) }
        }
        if references.count > 50 { rules.fail("references", "too-many", "name at most 50 reference cities.") }
        var languages: [ContentLanguage] = []
        for (index, code) in (self.languages ?? []).enumerated() {
            guard let spoken = ContentLanguage(rawValue: code) else { rules.fail("languages[\(index)]", "unknown", "\(code.prefix(10)) is not one of the ten languages."); continue }
            if !languages.contains(spoken) { languages.append(spoken) }
        }
        try rules.check()
        if languages.isEmpty { languages = [language!] }
        return Fields(organisationID: organisationID!, sectors: sectors, language: language!, title: title, body: body, titleKo: titleKo,
                      bodyKo: bodyKo, titleEn: titleEn, bodyEn: bodyEn, readiness: readiness!, references: references,
                      priceModel: priceModel!, languages: languages)
    }
}
