import Fluent
import SconDomain
import Vapor

/// A city: an ASCN pilot city, a Korean city, or one added by the programme office.
final class City: Model, @unchecked Sendable {
    static let schema = "cities"

    @ID(key: .id) var id: UUID?
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @Field(key: "country_code") var countryCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @OptionalField(key: "population") var population: Int?
    @OptionalField(key: "geonames_id") var geonamesID: Int?
    @Field(key: "kind") var kind: String
    @Field(key: "sample") var sample: Bool
    @Field(key: "source") var source: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// The name in both languages.
    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }

    func apply(_ fields: CityDraft.Fields) {
        nameEn = fields.name.en
        nameKo = fields.name.ko
        countryCode = fields.country.value
        latitude = fields.latitude
        longitude = fields.longitude
        population = fields.population
        kind = fields.kind.rawValue
        searchKey = SearchText.key(fields.name.en, fields.name.ko)
        sortKey = SearchText.normalise(fields.name.en)
    }

    var fields: CityDraft.Fields {
        get throws {
        CityDraft.Fields(name: LocalizedText(en: nameEn, ko: nameKo), country: CountryCode(countryCode)!,
                         latitude: latitude, longitude: longitude, population: population,
                         kind: try Self.known(kind, "kind"))
        }
    }
}
