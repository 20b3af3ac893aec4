import Fluent
import Foundation
import SconDomain
import SQLKit

/// The search index in the database: `search_entries` (what a hit shows and the facets), and the
/// analysed tokens — in SQLite's FTS5 table `search_fts` (ranked by its `bm25()`), or on
/// PostgreSQL in `search_postings` with FTS5's BM25 computed in SQL (docs/search.md), so that both
/// rank alike.
struct SearchIndex: Sendable {
    let db: any Database

    var sql: any SQLDatabase { db as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// Adds or replaces a record's entry and tokens (inside the caller's transaction when `db` is
    /// one); `isNew` skips looking for an entry to replace (a record indexed for the first time).
    func upsert(_ document: SearchDocument, now: Date, isNew: Bool = false) async throws {
        let indexed = document.indexed
        let existing = isNew ? nil : try await SearchEntry.query(on: db).filter(\.$kind == document.kind.rawValue)
            .filter(\.$objectID == document.objectID).first()
        let entry = existing ?? SearchEntry()
        let original = document.texts.first
        entry.kind = document.kind.rawValue
        entry.objectID = document.objectID
        entry.externalRef = document.externalRef
        entry.language = original?.language.rawValue ?? ContentLanguage.en.rawValue
        entry.title = original?.title ?? ""
        entry.body = String((original?.body ?? "").prefix(4_000))
        entry.countryCode = document.country
        entry.sectors = Sector.storageText(document.sectors)
        entry.length = indexed.length
        entry.updatedAt = now
        try await entry.save(on: db)
        let id = try entry.requireID()
        if isPostgres {
            if existing != nil { try await sql.delete(from: "search_postings").where("entry_id", .equal, SQLBind(id)).run() }
            let postings = indexed.postings
            for chunk in stride(from: 0, to: postings.count, by: 500) {
                let part = postings[chunk..<min(chunk + 500, postings.count)]
                var insert = sql.insert(into: "search_postings").columns("entry_id", "token", "tf_title", "tf_body")
                for posting in part {
                    insert = insert.values(SQLBind(id), SQLBind(posting.token), SQLBind(posting.titleCount), SQLBind(posting.bodyCount))
                }
                try await insert.run()
            }
        } else {
            let rowid = try await rowID(of: id)
            if existing != nil { try await sql.raw("DELETE FROM search_fts WHERE rowid = \(bind: rowid)").run() }
            try await sql.raw("INSERT INTO search_fts(rowid, title, body) VALUES (\(bind: rowid), \(bind: indexed.titleTokens), \(bind: indexed.bodyTokens))").run()
        }
    }

    /// Takes a record out of the index (a challenge back in draft, an archived solution).
    func remove(_ kind: SearchKind, _ objectID: UUID) async throws {
        guard let entry = try await SearchEntry.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$objectID == objectID).first() else { return }
        let id = try entry.requireID()
        if isPostgres {
            try await sql.delete(from: "search_postings").where("entry_id", .equal, SQLBind(id)).run()
        } else {
            let rowid = try await rowID(of: id)
            try await sql.raw("DELETE FROM search_fts WHERE rowid = \(bind: rowid)").run()
        }
        try await entry.delete(on: db)
    }

    /// Replaces every entry of `kind` by `documents` (what the record's context says is searchable now).
    func replace(_ kind: SearchKind, with documents: [SearchDocument], now: Date) async throws {
        let keep = Set(documents.map(\.objectID))
        for stale in try await SearchEntry.query(on: db).filter(\.$kind == kind.rawValue).all(\.$objectID) where !keep.contains(stale) {
            try await remove(kind, stale)
        }
        for document in documents { try await upsert(document, now: now) }
    }

    private func rowID(of id: UUID) async throws -> Int {
        struct Row: Decodable { var rowid: Int }
        guard let row = try await sql.raw("SELECT rowid FROM search_entries WHERE id = \(bind: id)").first(decoding: Row.self) else {
            throw DomainError.notFound("search entry")
        }
        return row.rowid
    }
}

/// One hit of a search, best first.
struct SearchHit: Sendable {
    var kind: SearchKind
    var objectID: UUID
    var externalRef: String?
    var language: ContentLanguage
    var title: String
    var body: String
    var score: Double
}

/// A search: the analysed query, facets, and the page.
struct SearchRequest: Sendable {
    var query: AnalyzedQuery
    var kind: SearchKind?
    var country: String?
    var sector: Sector?
    var language: ContentLanguage?
    var limit: Int
    var offset: Int
}

extension RowQuery {
    /// The hits of a search, ranked by BM25 (title twice the body), with the facets applied.
    func search(_ request: SearchRequest) async throws -> [SearchHit] {
        guard !request.query.isEmpty else { return [] }
        let postgres = sql.dialect.name == "postgresql"
        var filters: [SQLQueryString] = []
        if let kind = request.kind { filters.append("e.kind = \(bind: kind.rawValue)") }
        if let country = request.country { filters.append("e.country_code = \(bind: country)") }
        if let sector = request.sector { filters.append("e.sectors LIKE \(bind: "%,\(sector.rawValue),%")") }
        if let language = request.language { filters.append("e.language = \(bind: language.rawValue)") }
        let facets: SQLQueryString = filters.isEmpty ? "" : " AND " + filters.joined(separator: " AND ")
        let query: SQLQueryString
        if postgres {
            // FTS5's BM25 (k1 1.2, b 0.75, title weight 2, IDF floored) over the postings, docs/search.md.
            query = """
            WITH q(token) AS (SELECT unnest(\(bind: request.query.tokens)::text[])),
            stats AS (SELECT count(*)::float8 AS n, coalesce(avg(length), 1)::float8 AS avgdl FROM search_entries),
            df AS (SELECT token, count(*)::float8 AS df FROM search_postings WHERE token IN (SELECT token FROM q) GROUP BY token),
            scored AS (SELECT p.entry_id,
                sum(greatest(ln((s.n - df.df + 0.5) / (df.df + 0.5)), 1e-6) * (2.0 * p.tf_title + p.tf_body) * 2.2
                    / ((2.0 * p.tf_title + p.tf_body) + 1.2 * (0.25 + 0.75 * l.length / s.avgdl))) AS score
              FROM search_postings p JOIN q USING (token) JOIN df USING (token)
                   JOIN search_entries l ON l.id = p.entry_id CROSS JOIN stats s
              GROUP BY p.entry_id)
            SELECT e.kind, e.object_id, e.external_ref, e.language, e.title, e.body, scored.score AS score
            FROM scored JOIN search_entries e ON e.id = scored.entry_id WHERE 1 = 1\(facets)
            ORDER BY score DESC, e.id LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        } else {
            query = """
            SELECT e.kind, e.object_id, e.external_ref, e.language, e.title, e.body, -bm25(search_fts, 2.0, 1.0) AS score
            FROM search_fts JOIN search_entries e ON e.rowid = search_fts.rowid
            WHERE search_fts MATCH \(bind: request.query.ftsExpression)\(facets)
            ORDER BY score DESC, e.rowid LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        }
        return try await all(sql: query) { row in
            SearchHit(kind: try SearchEntry.known(try row.string("kind"), "kind"), objectID: try row.uuid("object_id"),
                      externalRef: try row.optionalString("external_ref"),
                      language: try SearchEntry.known(try row.string("language"), "language"),
                      title: try row.string("title"), body: try row.string("body"), score: try row.double("score"))
        }
    }
}
