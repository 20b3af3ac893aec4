import SconDomain
import SQLKit
import Vapor

/// A city as the API and the pages read it.
struct CityDTO: JSONWritable {
    var id: UUID
    var name: LocalizedText
    var country: String
    var latitude: Double
    var longitude: Double
    var population: Int?
    var geonamesId: Int?
    var kind: String
    var sample: Bool
    var source: String
    private(set) var sortKey: String = ""

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("name", name)
            $0.field("country", country)
            $0.field("latitude", latitude)
            $0.field("longitude", longitude)
            $0.field("population", population)
            $0.field("geonamesId", geonamesId)
            $0.field("kind", kind)
            $0.field("sample", sample)
            $0.field("source", source)
        }
    }

    static let columns = ["id", "name_en", "name_ko", "country_code", "latitude", "longitude", "population",
                          "geonames_id", "kind", "sample", "source", "sort_key"]
    /// The columns as one quoted list, serialised once rather than column by column per query.
    static let selectList = SQLRaw(columns.map { "\"\($0)\"" }.joined(separator: ", "))

    init(row: any RowReader) throws {
        id = try row.uuid("id")
        name = LocalizedText(en: try row.string("name_en"), ko: try row.string("name_ko"))
        country = try row.string("country_code")
        latitude = try row.double("latitude")
        longitude = try row.double("longitude")
        population = try row.optionalInt("population")
        geonamesId = try row.optionalInt("geonames_id")
        kind = try row.string("kind")
        sample = try row.bool("sample")
        source = try row.string("source")
        sortKey = try row.string("sort_key")
    }

    init(_ model: City) throws {
        id = try model.requireID()
        name = LocalizedText(en: model.nameEn, ko: model.nameKo)
        country = model.countryCode
        latitude = model.latitude
        longitude = model.longitude
        population = model.population
        geonamesId = model.geonamesID
        kind = model.kind
        sample = model.sample
        source = model.source
        sortKey = model.sortKey
    }

    var cursor: PageCursor { PageCursor(key: sortKey, id: id) }
}

/// Reads cities for the list page and the API.
struct CityQuery: Sendable {
    let rows: RowQuery
    private var select: SQLSelectBuilder {
        rows.sql.select().column(CityDTO.selectList).from(City.schema)
    }

    func page(_ filter: CityFilter, _ page: PageQuery) async throws -> Page<CityDTO> {
        let found = try await rows.all(filtered(select, filter, page), CityDTO.init(row:))
        return Page.from(rows: found, limit: page.limit, cursorOf: \.cursor)
    }

    private func filtered(_ builder: SQLSelectBuilder, _ filter: CityFilter, _ page: PageQuery) -> SQLSelectBuilder {
        if let country = filter.country { builder.where("country_code", .equal, country.value) }
        if let kind = filter.kind { builder.where("kind", .equal, kind.rawValue) }
        return builder.matching(filter.query).after(page.cursor, page: page.limit)
    }

    func find(_ id: UUID) async throws -> CityDTO? {
        try await rows.first(select.where("id", .equal, id), CityDTO.init(row:))
    }

    func inCountry(_ code: String) async throws -> [CityDTO] {
        try await rows.all(select.where("country_code", .equal, code).orderBy("sort_key").limit(500), CityDTO.init(row:))
    }
}
