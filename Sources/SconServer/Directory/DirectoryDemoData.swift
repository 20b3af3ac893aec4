import Fluent
import Foundation
import SconDomain

/// The directory's demo data: the 11 countries, the ASCN and Korean cities, the organisations
/// the facts name and their contact people.
extension DemoData {
    struct OrganisationRecord: Decodable {
        var key: String; var nameEn: String; var nameKo: String; var acronym: String?; var type: String; var country: String
        var sectors: [String]; var website: String?; var descriptionEn: String; var descriptionKo: String; var sample: Bool; var source: String
    }

    struct PersonRecord: Decodable {
        var key: String; var organisationKey: String; var name: String; var titleEn: String; var titleKo: String
        var email: String?; var phone: String?; var sample: Bool
    }

    static func seedCountries(_ db: any Database) async throws {
        let table = try CSVTable(parsing: String(decoding: try resource("countries", "csv"), as: UTF8.self))
        let countries = table.records.map { row -> Country in
            let country = Country()
            country.id = row["iso2"]
            country.iso3 = row["iso3"] ?? ""
            country.numeric = row["numeric"] ?? ""
            country.nameEn = row["name_en"] ?? ""
            country.nameKo = row["name_ko"] ?? ""
            country.nameISO = row["name_iso"] ?? ""
            country.currency = row["currency"] ?? ""
            country.languages = row["languages"] ?? ""
            country.timeZones = row["time_zones"] ?? ""
            country.callingCode = row["calling_code"] ?? ""
            country.aseanMember = row["asean_member"] == "true"
            return country
        }
        try await countries.create(on: db)
    }

    static func seedCities(_ db: any Database) async throws {
        let table = try CSVTable(parsing: String(decoding: try resource("cities", "csv"), as: UTF8.self))
        let cities = try table.records.map { row -> City in
            let draft = CityDraft(nameEn: row["name_en"], nameKo: row["name_ko"], country: row["country_iso2"],
                                  latitude: Double(row["latitude"] ?? ""), longitude: Double(row["longitude"] ?? ""),
                                  population: Int(row["population"] ?? ""), kind: row["kind"])
            let city = City()
            city.apply(try draft.validated(knownCountries: Set(CountryCode.seeded)))
            city.geonamesID = Int(row["geonames_id"] ?? "")
            city.source = row["source"] ?? ""
            city.sample = false
            return city
        }
        try await cities.create(on: db)
    }

    static func seedOrganisationsAndPeople(_ db: any Database) async throws {
        let records = try JSONDecoder().decode([OrganisationRecord].self, from: try resource("organisations", "json"))
        var idsByKey: [String: UUID] = [:]
        let organisations = try records.map { record -> Organisation in
            let draft = OrganisationDraft(nameEn: record.nameEn, nameKo: record.nameKo, acronym: record.acronym, type: record.type,
                                          country: record.country, sectors: record.sectors, website: record.website,
                                          descriptionEn: record.descriptionEn, descriptionKo: record.descriptionKo)
            let organisation = Organisation()
            organisation.id = UUID()
            organisation.apply(try draft.validated(knownCountries: Set(CountryCode.seeded)))
            organisation.seedKey = record.key
            organisation.sample = record.sample
            organisation.source = record.source
            idsByKey[record.key] = organisation.id
            return organisation
        }
        try await organisations.create(on: db)

        let people = try JSONDecoder().decode([PersonRecord].self, from: try resource("people", "json"))
        let models = try people.map { record -> Person in
            guard let organisationID = idsByKey[record.organisationKey] else {
                throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "unknown organisation \(record.organisationKey)"])
            }
            let person = Person()
            person.organisationID = organisationID
            person.apply(try PersonDraft(name: record.name, titleEn: record.titleEn, titleKo: record.titleKo,
                                         email: record.email, phone: record.phone).validated())
            person.sample = record.sample
            return person
        }
        try await models.create(on: db)
    }
}

extension CountryCode {
    /// The codes of Resources/Seed/countries.csv, for validating the rest of the seed.
    static let seeded: [CountryCode] = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "KR"].compactMap(CountryCode.init)
}
