import Fluent
import SconDomain
import Vapor

/// A country as the API and the pages read it.
struct CountryDTO: JSONWritable {
    var code: String
    var iso3: String
    var numeric: String
    var name: LocalizedText
    var nameISO: String
    var currency: String
    var languages: [String]
    var timeZones: [String]
    var callingCode: String
    var aseanMember: Bool

    init(_ model: Country) {
        code = model.id ?? ""
        iso3 = model.iso3
        numeric = model.numeric
        name = model.name
        nameISO = model.nameISO
        currency = model.currency
        languages = model.languageTags
        timeZones = model.timeZoneIDs
        callingCode = model.callingCode
        aseanMember = model.aseanMember
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("code", code)
            $0.field("iso3", iso3)
            $0.field("numeric", numeric)
            $0.field("name", name)
            $0.field("nameISO", nameISO)
            $0.field("currency", currency)
            $0.field("languages", languages)
            $0.field("timeZones", timeZones)
            $0.field("callingCode", callingCode)
            $0.field("aseanMember", aseanMember)
        }
    }
}

/// Reads the countries: ASEAN members first, then Korea, each group by English name.
struct CountryQuery: Sendable {
    let db: any Database

    func all() async throws -> [CountryDTO] {
        try await Country.query(on: db).sort(\.$aseanMember, .descending).sort(\.$nameEn).all().map(CountryDTO.init)
    }

    func find(_ code: CountryCode) async throws -> CountryDTO? {
        try await Country.find(code.value, on: db).map(CountryDTO.init)
    }

    func codes() async throws -> Set<CountryCode> {
        Set(try await Country.query(on: db).all(\.$id).compactMap { CountryCode($0) })
    }
}
