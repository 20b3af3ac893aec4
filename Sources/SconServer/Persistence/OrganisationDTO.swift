import SconDomain
import SQLKit
import Vapor

/// An organisation as the API and the pages read it.
struct OrganisationDTO: Content, Sendable {
    var id: UUID
    var name: LocalizedText
    var acronym: String?
    var type: String
    var country: String
    var sectors: [String]
    var website: String?
    var description: LocalizedText
    var sample: Bool
    var source: String?

    static let columns = ["id", "name_en", "name_ko", "acronym", "type", "country_code", "sectors", "website",
                          "description_en", "description_ko", "sample", "source", "sort_key"]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        name = LocalizedText(en: try row.decode(column: "name_en", as: String.self), ko: try row.decode(column: "name_ko", as: String.self))
        acronym = try row.decode(column: "acronym", as: String?.self)
        type = try row.decode(column: "type", as: String.self)
        country = try row.decode(column: "country_code", as: String.self)
        sectors = try row.decode(column: "sectors", as: String.self).split(separator: ",").map(String.init)
        website = try row.decode(column: "website", as: String?.self)
        description = LocalizedText(en: try row.decode(column: "description_en", as: String.self),
                                    ko: try row.decode(column: "description_ko", as: String.self))
        sample = try row.decode(column: "sample", as: Bool.self)
        source = try row.decode(column: "source", as: String?.self)
        sortKey = try row.decode(column: "sort_key", as: String.self)
    }

    init(_ model: Organisation) throws {
        id = try model.requireID()
        name = LocalizedText(en: model.nameEn, ko: model.nameKo)
        acronym = model.acronym
        type = model.type
        country = model.countryCode
        sectors = Sector.fromStorage(model.sectors).map(\.rawValue)
        website = model.website
        description = LocalizedText(en: model.descriptionEn, ko: model.descriptionKo)
        sample = model.sample
        source = model.source
        sortKey = model.sortKey
    }

    /// Not encoded: the key the list is sorted by, for the cursor.
    private(set) var sortKey: String = ""
    var cursor: PageCursor { PageCursor(key: sortKey, id: id) }

    enum CodingKeys: String, CodingKey {
        case id, name, acronym, type, country, sectors, website, description, sample, source
    }

    /// Writes absent optional values as `null`, as the OpenAPI document promises.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(acronym, forKey: .acronym)
        try container.encode(type, forKey: .type)
        try container.encode(country, forKey: .country)
        try container.encode(sectors, forKey: .sectors)
        try container.encode(website, forKey: .website)
        try container.encode(description, forKey: .description)
        try container.encode(sample, forKey: .sample)
        try container.encode(source, forKey: .source)
    }
}

/// Reads organisations for the list page and the API.
struct OrganisationQuery: Sendable {
    let sql: any SQLDatabase

    func page(_ filter: OrganisationFilter, _ page: PageQuery) async throws -> Page<OrganisationDTO> {
        let builder = sql.select().columns(OrganisationDTO.columns.map { SQLColumn($0) }).from(Organisation.schema)
        if let type = filter.type { builder.where("type", .equal, type.rawValue) }
        if let country = filter.country { builder.where("country_code", .equal, country.value) }
        if let sector = filter.sector { builder.where("sectors", .like, "%,\(sector.rawValue),%") }
        if let sample = filter.sample { builder.where("sample", .equal, sample) }
        let rows = try await builder.matching(filter.query).after(page.cursor, page: page.limit).all()
        return Page.from(rows: try rows.map(OrganisationDTO.init(row:)), limit: page.limit, cursorOf: \.cursor)
    }

    func find(_ id: UUID) async throws -> OrganisationDTO? {
        try await sql.select().columns(OrganisationDTO.columns.map { SQLColumn($0) }).from(Organisation.schema)
            .where("id", .equal, id).first().map(OrganisationDTO.init(row:))
    }

    /// The organisations of one country, for the country page (at most 200).
    func inCountry(_ code: String) async throws -> [OrganisationDTO] {
        try await sql.select().columns(OrganisationDTO.columns.map { SQLColumn($0) }).from(Organisation.schema)
            .where("country_code", .equal, code).orderBy("sort_key").limit(200).all().map(OrganisationDTO.init(row:))
    }
}
