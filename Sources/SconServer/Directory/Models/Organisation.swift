import Fluent
import SconDomain
import Vapor

/// An organisation: ministry, local government, public institution, company, …
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "seed_key") var seedKey: String?
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @OptionalField(key: "acronym") var acronym: String?
    @Field(key: "type") var type: String
    @Field(key: "country_code") var countryCode: String
    @Field(key: "sectors") var sectors: String
    @OptionalField(key: "website") var website: String?
    @Field(key: "description_en") var descriptionEn: String
    @Field(key: "description_ko") var descriptionKo: String
    @Field(key: "sample") var sample: Bool
    @OptionalField(key: "source") var source: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// The name in both languages.
    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }

    func apply(_ fields: OrganisationDraft.Fields) {
        nameEn = fields.name.en
        nameKo = fields.name.ko
        acronym = fields.acronym
        type = fields.type.rawValue
        countryCode = fields.country.value
        sectors = Sector.storageText(fields.sectors)
        website = fields.website
        descriptionEn = fields.description.en
        descriptionKo = fields.description.ko
        searchKey = SearchText.key(fields.name.en, fields.name.ko, fields.acronym)
        sortKey = SearchText.normalise(fields.name.en)
    }

    /// The sectors, stored as `,a,b,`.
    var sectorList: [Sector] { get throws { try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) } } }

    var fields: OrganisationDraft.Fields {
        get throws {
        OrganisationDraft.Fields(name: LocalizedText(en: nameEn, ko: nameKo), acronym: acronym,
                                 type: try Self.known(type, "type"), country: CountryCode(countryCode)!,
                                 sectors: try sectorList, website: website,
                                 description: LocalizedText(en: descriptionEn, ko: descriptionKo))
        }
    }
}
