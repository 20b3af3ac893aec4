import SconDomain
import SQLKit
import Vapor

/// A city as the API and the pages read it.
struct CityDTO: Content, Sendable {
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

    enum CodingKeys: String, CodingKey {
        case id, name, country, latitude, longitude, population, geonamesId, kind, sample, source
    }

    /// Writes absent optional values as `null`, as the OpenAPI document promises.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(country, forKey: .country)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
        try container.encode(population, forKey: .population)
        try container.encode(geonamesId, forKey: .geonamesId)
        try container.encode(kind, forKey: .kind)
        try container.encode(sample, forKey: .sample)
        try container.encode(source, forKey: .source)
    }

    static let columns = ["id", "name_en", "name_ko", "country_code", "latitude", "longitude", "population",
                          "geonames_id", "kind", "sample", "source", "sort_key"]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = LocalizedText(en: try row.decode(column: "name_en", as: String.self), ko: try row.decode(column: "name_ko", as: String.self))
        country = try row.decode(column: "country_code", as: String.self)
        latitude = try row.decode(column: "latitude", as: Double.self)
        longitude = try row.decode(column: "longitude", as: Double.self)
        population = try row.decode(column: "population", as: Int?.self)
        geonamesId = try row.decode(column: "geonames_id", as: Int?.self)
        kind = try row.decode(column: "kind", as: String.self)
        sample = try row.decode(column: "sample", as: Bool.self)
        source = try row.decode(column: "source", as: String.self)
        sortKey = try row.decode(column: "sort_key", as: String.self)
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
    let sql: any SQLDatabase

    func page(_ filter: CityFilter, _ page: PageQuery) async throws -> Page<CityDTO> {
        let builder = sql.select().columns(CityDTO.columns.map { SQLColumn($0) }).from(City.schema)
        if let country = filter.country { builder.where("country_code", .equal, country.value) }
        if let kind = filter.kind { builder.where("kind", .equal, kind.rawValue) }
        let rows = try await builder.matching(filter.query).after(page.cursor, page: page.limit).all()
        return Page.from(rows: try rows.map(CityDTO.init(row:)), limit: page.limit, cursorOf: \.cursor)
    }

    func find(_ id: UUID) async throws -> CityDTO? {
        try await sql.select().columns(CityDTO.columns.map { SQLColumn($0) }).from(City.schema)
            .where("id", .equal, id).first().map(CityDTO.init(row:))
    }

    func inCountry(_ code: String) async throws -> [CityDTO] {
        try await sql.select().columns(CityDTO.columns.map { SQLColumn($0) }).from(City.schema)
            .where("country_code", .equal, code).orderBy("sort_key").limit(500).all().map(CityDTO.init(row:))
    }
}
