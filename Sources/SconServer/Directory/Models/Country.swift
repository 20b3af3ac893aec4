import Fluent
import SconDomain
import Vapor

/// A country of the directory (reference data, seeded from ISO 3166 / countries.csv).
final class Country: Model, @unchecked Sendable {
    static let schema = "countries"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "iso3") var iso3: String
    @Field(key: "numeric") var numeric: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @Field(key: "name_iso") var nameISO: String
    @Field(key: "currency") var currency: String
    @Field(key: "languages") var languages: String
    @Field(key: "time_zones") var timeZones: String
    @Field(key: "calling_code") var callingCode: String
    @Field(key: "asean_member") var aseanMember: Bool

    init() {}

    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }
    var languageTags: [String] { languages.split(separator: ";").map(String.init) }
    var timeZoneIDs: [String] { timeZones.split(separator: ";").map(String.init) }
}
