import Fluent
import Foundation
import SconDomain

/// An urban problem a city posts (도시문제), in its author's language and optionally in Korean and English.
final class Challenge: Model, @unchecked Sendable {
    static let schema = "challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "city_id") var cityID: UUID?
    @Field(key: "country_code") var countryCode: String
    @Field(key: "sectors") var sectors: String
    @Field(key: "language") var language: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "body_ko") var bodyKo: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "body_en") var bodyEn: String
    @OptionalField(key: "people_affected") var peopleAffected: Int?
    @OptionalField(key: "budget_min_minor") var budgetMinMinor: Int?
    @OptionalField(key: "budget_max_minor") var budgetMaxMinor: Int?
    @OptionalField(key: "budget_currency") var budgetCurrency: String?
    @Field(key: "timing") var timing: String
    @Field(key: "contact") var contact: String
    @Field(key: "status") var status: String
    @Field(key: "sample") var sample: Bool
    /// The `ref` of an imported entry (`scon import marketplace`); importing it again updates it.
    @OptionalField(key: "external_ref") var externalRef: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var challengeStatus: ChallengeStatus { get throws { try Self.known(status, "status") } }
    var contentLanguage: ContentLanguage { get throws { try Self.known(language, "language") } }
    var sectorList: [Sector] { get throws { try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) } } }

    var budget: BudgetRange? {
        get throws {
            guard let low = budgetMinMinor, let high = budgetMaxMinor, let code = budgetCurrency else { return nil }
            let currency: Currency = try Self.known(code, "budget_currency")
            return BudgetRange(minimum: Money(minor: low, currency), maximum: Money(minor: high, currency))
        }
    }

    func apply(_ fields: ChallengeDraft.Fields, country: CountryCode) {
        organisationID = fields.organisationID
        cityID = fields.cityID
        countryCode = country.value
        sectors = Sector.storageText(fields.sectors)
        language = fields.language.rawValue
        title = fields.title; body = fields.body
        titleKo = fields.titleKo; bodyKo = fields.bodyKo
        titleEn = fields.titleEn; bodyEn = fields.bodyEn
        peopleAffected = fields.peopleAffected
        budgetMinMinor = fields.budget?.minimum.minor
        budgetMaxMinor = fields.budget?.maximum.minor
        budgetCurrency = fields.budget?.minimum.currency.rawValue
        timing = fields.timing
        contact = fields.contact
    }
}
