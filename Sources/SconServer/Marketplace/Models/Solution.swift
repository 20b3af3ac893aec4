import Fluent
import Foundation
import SconDomain

/// A product, service or know-how an organisation offers (솔루션), with the cities where it runs.
final class Solution: Model, @unchecked Sendable {
    static let schema = "solutions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "country_code") var countryCode: String
    @Field(key: "sectors") var sectors: String
    @Field(key: "language") var language: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "body_ko") var bodyKo: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "body_en") var bodyEn: String
    @Field(key: "readiness") var readiness: String
    /// Reference cities, stored as `,id,id,`.
    @Field(key: "reference_cities") var referenceCities: String
    @Field(key: "price_model") var priceModel: String
    /// Languages the team works in, stored as `,th,en,`.
    @Field(key: "languages") var languages: String
    @Field(key: "status") var status: String
    @Field(key: "sample") var sample: Bool
    @OptionalField(key: "external_ref") var externalRef: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var solutionStatus: SolutionStatus { get throws { try Self.known(status, "status") } }
    var contentLanguage: ContentLanguage { get throws { try Self.known(language, "language") } }
    var sectorList: [Sector] { get throws { try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) } } }
    var readinessLevel: SolutionReadiness { get throws { try Self.known(readiness, "readiness") } }
    var price: PriceModel { get throws { try Self.known(priceModel, "price_model") } }
    var languageList: [ContentLanguage] { get throws { try Self.storedList(languages, separator: ",", "languages") { ContentLanguage(rawValue: $0) } } }
    var referenceList: [UUID] { get throws { try Self.storedList(referenceCities, separator: ",", "reference_cities") { UUID(uuidString: $0) } } }

    func apply(_ fields: SolutionDraft.Fields, country: CountryCode) {
        organisationID = fields.organisationID
        countryCode = country.value
        sectors = Sector.storageText(fields.sectors)
        language = fields.language.rawValue
        title = fields.title; body = fields.body
        titleKo = fields.titleKo; bodyKo = fields.bodyKo
        titleEn = fields.titleEn; bodyEn = fields.bodyEn
        readiness = fields.readiness.rawValue
        referenceCities = fields.references.isEmpty ? "" : "," + fields.references.map { UUIDText.string($0) }.joined(separator: ",") + ","
        priceModel = fields.priceModel.rawValue
        languages = "," + fields.languages.map(\.rawValue).joined(separator: ",") + ","
    }
}
