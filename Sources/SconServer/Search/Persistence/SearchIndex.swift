import Fluent
import Foundation
import SconDomain
import SQLKit

/// The search index in the database, the same on SQLite and PostgreSQL: `search_entries` (what
/// a hit shows and the facets) and impact-ordered postings (`search_postings`: for each token,
/// the entries it occurs in with its counts in title and body, ordered by the token's BM25 term
/// weight in that entry), the tokens' document frequencies (`search_terms`) and the index's size
/// (`search_stats`). A query reads each of its tokens' best `SearchIndex.candidatesPerToken`
/// postings and scores them with FTS5's BM25 (title counted twice the body), so its cost does
/// not grow with the number of documents a common word is in (docs/search.md).
struct SearchIndex: Sendable {
    let db: any Database

    /// How many postings of each query token are read: every one of a token in at most this many
    /// entries (the ranking is then exactly BM25's), the strongest ones beyond.
    static let candidatesPerToken = 1_000

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// BM25's parameters as FTS5 uses them.
    static let k1 = 1.2, b = 0.75, titleWeight = 2.0

    /// Adds or replaces a record's entry and postings (inside the caller's transaction when `db`
    /// is one); `isNew` skips looking for an entry to replace (a record indexed for the first time).
    func upsert(_ document: SearchDocument, now: Date, isNew: Bool = false) async throws {
        let indexed = document.indexed
        let existing = isNew ? nil : try await SearchEntry.query(on: db).filter(\.$kind == document.kind.rawValue)
            .filter(\.$objectID == document.objectID).first()
        if let existing { try await removePostings(of: existing) }
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
        let number = try await self.number(of: try entry.requireID())
        let stats = try await self.stats()
        let averageLength = stats.documents > 0 ? Double(stats.totalLength + indexed.length) / Double(stats.documents + 1) : Double(max(indexed.length, 1))
        let postings = indexed.postings
        // Every value of a posting is an integer computed here (the token's hash, the weight, the
        // counts), written as literals: hundreds of binds per entry cost more than the insert.
        for chunk in stride(from: 0, to: postings.count, by: 400) {
            let part = postings[chunk..<min(chunk + 400, postings.count)]
            var rows = ""
            var terms = ""
            rows.reserveCapacity(part.count * 48)
            for posting in part {
                let impact = Int((Self.termWeight(title: posting.titleCount, body: posting.bodyCount, length: indexed.length, averageLength: averageLength) * 10_000).rounded())
                let key = Self.key(posting.token)
                if !rows.isEmpty { rows += ","; terms += "," }
                rows += "(\(key),\(impact),\(number),\(posting.titleCount),\(posting.bodyCount),\(indexed.length))"
                terms += "(\(key),1)"
            }
            try await sql.raw("INSERT INTO search_postings (token, impact, entry, tf_title, tf_body, length) VALUES \(unsafeRaw: rows)").run()
            try await sql.raw("INSERT INTO search_terms (token, df) VALUES \(unsafeRaw: terms) ON CONFLICT (token) DO UPDATE SET df = search_terms.df + 1").run()
        }
        try await sql.raw("UPDATE search_stats SET documents = documents + 1, total_length = total_length + \(bind: indexed.length) WHERE id = 1").run()
    }

    /// BM25's term weight without the IDF (FTS5's formula, title twice the body): the order of a
    /// token's postings.
    static func termWeight(title: Int, body: Int, length: Int, averageLength: Double) -> Double {
        let frequency = titleWeight * Double(title) + Double(body)
        return frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / max(averageLength, 1)))
    }

    /// Takes a record out of the index (a challenge back in draft, an archived solution).
    func remove(_ kind: SearchKind, _ objectID: UUID) async throws {
        guard let entry = try await SearchEntry.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$objectID == objectID).first() else { return }
        try await removePostings(of: entry)
        try await entry.delete(on: db)
    }

    private func removePostings(of entry: SearchEntry) async throws {
        let number = try await self.number(of: try entry.requireID())
        try await sql.raw("""
            UPDATE search_terms SET df = df - 1 WHERE token IN (SELECT token FROM search_postings WHERE entry = \(bind: number))
            """).run()
        try await sql.raw("DELETE FROM search_postings WHERE entry = \(bind: number)").run()
        try await sql.raw("UPDATE search_stats SET documents = documents - 1, total_length = total_length - \(bind: entry.length) WHERE id = 1").run()
    }

    /// Replaces every entry of `kind` by `documents` (what the record's context says is searchable now).
    func replace(_ kind: SearchKind, with documents: [SearchDocument], now: Date) async throws {
        let keep = Set(documents.map(\.objectID))
        for stale in try await SearchEntry.query(on: db).filter(\.$kind == kind.rawValue).all(\.$objectID) where !keep.contains(stale) {
            try await remove(kind, stale)
        }
        for document in documents { try await upsert(document, now: now) }
    }

    /// A token as the postings keep it: the 64-bit FNV-1a hash of its text.
    static func key(_ token: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// The entry's number in the postings (SQLite's rowid, PostgreSQL's `seq`).
    func number(of id: UUID) async throws -> Int {
        struct Row: Decodable { var number: Int }
        let column: SQLQueryString = sql.dialect.name == "postgresql" ? "seq" : "rowid"
        guard let row = try await sql.raw("SELECT \(column) AS number FROM search_entries WHERE id = \(bind: id)").first(decoding: Row.self) else {
            throw DomainError.notFound("search entry")
        }
        return row.number
    }

    struct Stats: Decodable { var documents: Int; var totalLength: Int }

    func stats() async throws -> Stats {
        struct Row: Decodable { var documents: Int; var total_length: Int }
        let row = try await sql.raw("SELECT documents, total_length FROM search_stats WHERE id = 1").first(decoding: Row.self)
        return Stats(documents: row?.documents ?? 0, totalLength: row?.total_length ?? 0)
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
    /// The hits of a search, best first: for each distinct token of the query its strongest
    /// postings (within the facets), scored with BM25 — IDF from `search_terms` and the index's
    /// size, computed here; term weights from the counts in SQL — and summed per entry.
    func search(_ request: SearchRequest) async throws -> [SearchHit] {
        guard !request.query.isEmpty else { return [] }
        let sql = self.sql
        // Each distinct token once, weighted by how often the query repeats it (concepts).
        var repeats: [String: Int] = [:]
        var order: [String] = []
        for token in request.query.tokens {
            if repeats[token] == nil { order.append(token) }
            repeats[token, default: 0] += 1
        }
        struct Term: Decodable { var token: Int64; var df: Int }
        struct Size: Decodable { var documents: Int; var total_length: Int }
        let keys = Dictionary(order.map { (SearchIndex.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let terms = try await sql.raw("SELECT token, df FROM search_terms WHERE token IN (\(keys.keys.sorted().map { SQLQueryString("\(bind: $0)") }.joined(separator: ", ")))")
            .all(decoding: Term.self).filter { $0.df > 0 }
        guard !terms.isEmpty, let size = try await sql.raw("SELECT documents, total_length FROM search_stats WHERE id = 1").first(decoding: Size.self),
              size.documents > 0 else { return [] }
        let documents = Double(size.documents)
        let averageLength = Double(size.total_length) / documents
        // FTS5's IDF: ln((N - df + 0.5) / (df + 0.5)), at least 1e-6.
        let weights = terms.map { term in
            (term.token, Double(repeats[keys[term.token] ?? ""] ?? 1) * max(log((documents - Double(term.df) + 0.5) / (Double(term.df) + 0.5)), 1e-6))
        }
        var facets: [SQLQueryString] = []
        if let kind = request.kind { facets.append("e.kind = \(bind: kind.rawValue)") }
        if let country = request.country { facets.append("e.country_code = \(bind: country)") }
        if let sector = request.sector { facets.append("e.sectors LIKE \(bind: "%,\(sector.rawValue),%")") }
        if let language = request.language { facets.append("e.language = \(bind: language.rawValue)") }
        let filter: SQLQueryString = facets.isEmpty ? "" : " AND " + facets.joined(separator: " AND ")
        let postgres = sql.dialect.name == "postgresql"
        let number: SQLQueryString = postgres ? "e.seq" : "e.rowid"
        let join: SQLQueryString = facets.isEmpty ? "" : " JOIN search_entries e ON \(number) = p.entry"
        let branches = weights.enumerated().map { index, weight -> SQLQueryString in
            """
            SELECT * FROM (SELECT p.token, p.entry, p.tf_title, p.tf_body, p.length FROM search_postings p\(join)
            WHERE p.token = \(bind: weight.0)\(filter) ORDER BY p.impact DESC LIMIT \(unsafeRaw: String(SearchIndex.candidatesPerToken))) AS c\(unsafeRaw: String(index))
            """
        }
        let values = weights.map { SQLQueryString("(\(bind: $0.0), \(bind: $0.1))") }
        let k1 = String(SearchIndex.k1), b = String(SearchIndex.b), title = String(SearchIndex.titleWeight)
        let query: SQLQueryString = """
            WITH c AS (\(branches.joined(separator: " UNION ALL "))),
            w (token, weight) AS (VALUES \(values.joined(separator: ", "))),
            scored AS (SELECT c.entry, sum(w.weight * (\(unsafeRaw: title) * c.tf_title + c.tf_body) * \(unsafeRaw: String(SearchIndex.k1 + 1))
                / ((\(unsafeRaw: title) * c.tf_title + c.tf_body) + \(unsafeRaw: k1) * (1 - \(unsafeRaw: b) + \(unsafeRaw: b) * c.length / \(bind: averageLength)))) AS score
              FROM c JOIN w ON w.token = c.token GROUP BY c.entry)
            SELECT e.kind, e.object_id, e.external_ref, e.language, e.title, e.body, scored.score AS score
            FROM scored JOIN search_entries e ON \(number) = scored.entry
            ORDER BY score DESC, e.id LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        return try await all(sql: query) { row in
            SearchHit(kind: try SearchEntry.known(try row.string("kind"), "kind"), objectID: try row.uuid("object_id"),
                      externalRef: try row.optionalString("external_ref"),
                      language: try SearchEntry.known(try row.string("language"), "language"),
                      title: try row.string("title"), body: try row.string("body"), score: try row.double("score"))
        }
    }
}
