import SconDomain
import SQLKit
import Vapor

/// An organisation as the API and the pages read it.
struct OrganisationDTO: JSONWritable {
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
    /// The columns as one quoted list, serialised once rather than column by column per query.
    static let selectList = SQLRaw(columns.map { "\"\($0)\"" }.joined(separator: ", "))
    /// The columns without the two descriptions, for lists that do not show them.
    static let summaryList = SQLRaw(columns.filter { !$0.hasPrefix("description_") }.map { "\"\($0)\"" }.joined(separator: ", "))

    init(row: any RowReader) throws {
        id = try row.uuid("id")
        name = LocalizedText(en: try row.string("name_en"), ko: try row.string("name_ko"))
        acronym = try row.optionalString("acronym")
        type = try row.string("type")
        country = try row.string("country_code")
        sectors = try row.string("sectors").utf8.split(separator: UInt8(ascii: ",")).map { String(Substring($0)) }
        website = try row.optionalString("website")
        description = row.contains("description_en")
            ? LocalizedText(en: try row.string("description_en"), ko: try row.string("description_ko")) : LocalizedText(en: "", ko: "")
        sample = try row.bool("sample")
        source = try row.optionalString("source")
        sortKey = try row.string("sort_key")
    }

    init(_ model: Organisation) throws {
        id = try model.requireID()
        name = LocalizedText(en: model.nameEn, ko: model.nameKo)
        acronym = model.acronym
        type = model.type
        country = model.countryCode
        sectors = try model.sectorList.map(\.rawValue)
        website = model.website
        description = LocalizedText(en: model.descriptionEn, ko: model.descriptionKo)
        sample = model.sample
        source = model.source
        sortKey = model.sortKey
    }

    /// Not encoded: the key the list is sorted by, for the cursor.
    private(set) var sortKey: String = ""
    var cursor: PageCursor { PageCursor(key: sortKey, id: id) }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("name", name)
            $0.field("acronym", acronym)
            $0.field("type", type)
            $0.field("country", country)
            $0.field("sectors", sectors)
            $0.field("website", website)
            $0.field("description", description)
            $0.field("sample", sample)
            $0.field("source", source)
        }
    }
}

/// Reads organisations for the list page and the API.
struct OrganisationQuery: Sendable {
    let rows: RowQuery
    private var select: SQLSelectBuilder {
        rows.sql.select().column(OrganisationDTO.selectList).from(Organisation.schema)
    }

    /// A page of the list; `summary` leaves the descriptions out (empty), for the list page.
    func page(_ filter: OrganisationFilter, _ page: PageQuery, summary: Bool = false) async throws -> Page<OrganisationDTO> {
        let columns = summary ? OrganisationDTO.summaryList : OrganisationDTO.selectList
        let builder = filtered(rows.sql.select().column(columns).from(Organisation.schema), filter, page)
        let found = try await rows.all(builder, OrganisationDTO.init(row:))
        return Page.from(rows: found, limit: page.limit, cursorOf: \.cursor)
    }

    private func filtered(_ builder: SQLSelectBuilder, _ filter: OrganisationFilter, _ page: PageQuery) -> SQLSelectBuilder {
        if let type = filter.type { builder.where("type", .equal, type.rawValue) }
        if let country = filter.country { builder.where("country_code", .equal, country.value) }
        if let sector = filter.sector { builder.where("sectors", .like, "%,\(sector.rawValue),%") }
        if let sample = filter.sample { builder.where("sample", .equal, sample) }
        return builder.matching(filter.query).after(page.cursor, page: page.limit)
    }

    func find(_ id: UUID) async throws -> OrganisationDTO? {
        try await rows.first(select.where("id", .equal, id), OrganisationDTO.init(row:))
    }

    /// The organisations of one country, for the country page (at most 200).
    func inCountry(_ code: String) async throws -> [OrganisationDTO] {
        try await rows.all(select.where("country_code", .equal, code).orderBy("sort_key").limit(200), OrganisationDTO.init(row:))
    }
}
