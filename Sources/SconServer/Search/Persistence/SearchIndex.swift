import Fluent
import Foundation
import SconDomain
import SQLKit

/// The search index in the database, the same on SQLite and PostgreSQL: `search_entries` (what
/// a hit shows and the facets) and impact-ordered postings (`search_postings`: for each token,
/// the entries it occurs in with its counts in title and body, ordered by the token's BM25 term
/// weight in that entry), the tokens' document frequencies (`search_terms`) and the index's size
/// (`search_stats`). A query reads its tokens' postings strongest first, block by block, and
/// stops once no unread posting can change its page (`ThresholdTopK`); it scores them with FTS5's
/// BM25 (title counted twice the body), so its cost follows what the page needs rather than the
/// number of documents a common word is in (docs/search.md).
struct SearchIndex: Sendable {
    let db: any Database

    /// How many postings of each query token a search reads (its strongest): a token in at most
    /// this many entries is read whole.
    static let firstBlock = 128
    /// How many blocks of a token's postings a search may read, each twice the one before, while
    /// the page is still open (`ThresholdTopK`). One: measured at 100,000 entries, a second block
    /// gave no better pages (189 against 190 of 204 queries equal to exhaustive BM25) for 2.7× the
    /// postings read (docs/search.md).
    static let blocks = 1
    /// How many candidates are scored in full over all their postings: every open one when there
    /// are no more, else the most promising ones.
    static let rescored = 64

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A posting's impact: its term weight times this, as an integer.
    static let impactScale = 10_000.0

    /// BM25's parameters as FTS5 uses them.
    static let k1 = 1.2, b = 0.75, titleWeight = 2.0

    /// Adds or replaces a record's entry and postings (inside the caller's transaction when `db`
    /// is one); `isNew` skips looking for an entry to replace (a record indexed for the first time).
    func upsert(_ document: SearchDocument, now: Date, isNew: Bool = false) async throws {
        let existing = isNew ? nil : try await SearchEntry.query(on: db).filter(\.$kind == document.kind.rawValue)
            .filter(\.$objectID == document.objectID).first()
        if let existing { try await removePostings(of: existing) }
        let analysed = document.analysed
        let entry = existing ?? SearchEntry()
        Self.fill(entry, with: document, analysed: analysed, now: now)
        try await entry.save(on: db)
        try await write([(try await number(of: try entry.requireID()), analysed.indexed)])
    }

    /// Adds records indexed for the first time, many in one go (a re-index, a large import, the
    /// benchmark): their entries in one insert, their postings in token order, each token's
    /// document frequency raised once. One record at a time cost six statements and a posting
    /// insert spread over the whole table each.
    func add(_ documents: [SearchDocument], now: Date) async throws {
        guard !documents.isEmpty else { return }
        let analysed = documents.map(\.analysed)
        let entries = zip(documents, analysed).map { document, analysed in
            let entry = SearchEntry()
            entry.id = UUID()
            Self.fill(entry, with: document, analysed: analysed, now: now)
            return entry
        }
        // A large batch touches most pages of the postings: SQLite's default page cache (2 MB)
        // would write them out and read them back many times within the transaction.
        let large = documents.count >= 1_000 && sql.dialect.name == "sqlite"
        if large { try await sql.raw("PRAGMA cache_size = -262144").run() }
        do {
            try await entries.create(on: db)
            let numbers = try await self.numbers(of: entries.map { try $0.requireID() })
            try await write(try zip(entries, analysed).map { entry, analysed in
                guard let number = numbers[try entry.requireID()] else { throw DomainError.notFound("search entry") }
                return (number, analysed.indexed)
            })
        } catch {
            if large { try? await sql.raw("PRAGMA cache_size = -2000").run() }
            throw error
        }
        if large { try await sql.raw("PRAGMA cache_size = -2000").run() }
    }

    private static func fill(_ entry: SearchEntry, with document: SearchDocument, analysed: SearchDocument.Analysed, now: Date) {
        let original = document.texts.first
        entry.kind = document.kind.rawValue
        entry.objectID = document.objectID
        entry.externalRef = document.externalRef
        entry.language = original?.language.rawValue ?? ContentLanguage.en.rawValue
        entry.title = original?.title ?? ""
        entry.body = String((original?.body ?? "").prefix(SearchDocument.bodyCharacters))
        entry.countryCode = document.country
        entry.sectors = Sector.storageText(document.sectors)
        entry.length = analysed.indexed.length
        entry.updatedAt = now
        entry.titleSpans = Data(analysed.titleSpans)
        entry.bodySpans = Data(analysed.bodySpans)
    }

    /// Writes the postings and the forward terms of entries just saved, raises their tokens'
    /// document frequencies and the index's size. Every value is an integer computed here (the token's hash, the weight,
    /// the counts), written as literals: hundreds of binds per entry cost more than the insert.
    private func write(_ entries: [(number: Int, document: IndexedDocument)]) async throws {
        let stats = try await self.stats()
        let added = entries.reduce(0) { $0 + $1.document.length }
        let documents = stats.documents + entries.count
        let averageLength = documents > 0 ? Double(stats.totalLength + added) / Double(documents) : 1
        var rows: [(key: Int64, impact: Int, number: Int, title: Int, body: Int, length: Int)] = []
        var frequencies: [Int64: Int] = [:]
        var forward: [SQLQueryString] = []
        for (number, document) in entries {
            // `length` and `postings` are computed from the token text: once per document.
            let length = document.length
            let postings = document.postings
            let terms = ForwardTerms.encode(postings.map { (key: Self.key($0.token), title: $0.titleCount, body: $0.bodyCount) })
            forward.append("(\(bind: number), \(bind: length), \(bind: Data(terms)))")
            for posting in postings {
                let key = Self.key(posting.token)
                let weight = Self.termWeight(title: posting.titleCount, body: posting.bodyCount, length: length, averageLength: averageLength)
                rows.append((key, Int((weight * Self.impactScale).rounded()), number, posting.titleCount, posting.bodyCount, length))
                frequencies[key, default: 0] += 1
            }
        }
        // In the primary key's order, so that each page of the table is written once.
        rows.sort { ($0.key, $0.impact, $0.number) < ($1.key, $1.impact, $1.number) }
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let values = rows[chunk..<min(chunk + 500, rows.count)]
                .map { "(\($0.key),\($0.impact),\($0.number),\($0.title),\($0.body),\($0.length))" }.joined(separator: ",")
            try await sql.raw("INSERT INTO search_postings (token, impact, entry, tf_title, tf_body, length) VALUES \(unsafeRaw: values)").run()
        }
        for chunk in stride(from: 0, to: forward.count, by: 300) {
            let values = forward[chunk..<min(chunk + 300, forward.count)].joined(separator: ", ")
            try await sql.raw("INSERT INTO search_forward (entry, length, terms) VALUES \(values)").run()
        }
        let terms = frequencies.sorted { $0.key < $1.key }
        for chunk in stride(from: 0, to: terms.count, by: 500) {
            let values = terms[chunk..<min(chunk + 500, terms.count)].map { "(\($0.key),\($0.value))" }.joined(separator: ",")
            try await sql.raw("""
                INSERT INTO search_terms (token, df) VALUES \(unsafeRaw: values) ON CONFLICT (token) DO UPDATE SET df = search_terms.df + excluded.df
                """).run()
        }
        // The smallest average length the stored impacts were computed with bounds what an unread
        // posting can weigh at query time (`RowQuery.search`).
        let least: SQLQueryString = sql.dialect.name == "postgresql" ? "LEAST" : "MIN"
        let used = max(averageLength, 1)
        try await sql.raw("""
            UPDATE search_stats SET documents = documents + \(bind: entries.count), total_length = total_length + \(bind: added),
              impact_average_length = \(least)(COALESCE(impact_average_length, \(bind: used)), \(bind: used)) WHERE id = 1
            """).run()
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
        try await sql.raw("DELETE FROM search_forward WHERE entry = \(bind: number)").run()
        try await sql.raw("UPDATE search_stats SET documents = documents - 1, total_length = total_length - \(bind: entry.length) WHERE id = 1").run()
    }

    /// Replaces every entry of `kind` by `documents` (what the record's context says is searchable now).
    func replace(_ kind: SearchKind, with documents: [SearchDocument], now: Date) async throws {
        let keep = Set(documents.map(\.objectID))
        let indexed = Set(try await SearchEntry.query(on: db).filter(\.$kind == kind.rawValue).all(\.$objectID))
        for stale in indexed where !keep.contains(stale) { try await remove(kind, stale) }
        for document in documents where indexed.contains(document.objectID) { try await upsert(document, now: now) }
        try await add(documents.filter { !indexed.contains($0.objectID) }, now: now)
    }

    /// A token as the postings keep it: the 64-bit FNV-1a hash of its text.
    static func key(_ token: String) -> Int64 {
        Int64(bitPattern: IndexTerm.fnv1a64(token))
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

    /// The entries' numbers, by id.
    func numbers(of ids: [UUID]) async throws -> [UUID: Int] {
        struct Row: Decodable { var id: UUID; var number: Int }
        let column: SQLQueryString = sql.dialect.name == "postgresql" ? "seq" : "rowid"
        var numbers: [UUID: Int] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let list = ids[chunk..<min(chunk + 500, ids.count)].map { SQLQueryString("\(bind: $0)") }.joined(separator: ", ")
            for row in try await sql.raw("SELECT id, \(column) AS number FROM search_entries WHERE id IN (\(list))").all(decoding: Row.self) {
                numbers[row.id] = row.number
            }
        }
        return numbers
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
    /// Where the terms of `title` and `body` are (`TermSpans`), when the entry keeps them.
    var titleSpans: [UInt8]? = nil
    var bodySpans: [UInt8]? = nil
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
    /// How many blocks of postings a token may be read in (`SearchIndex.blocks`).
    var blocks = SearchIndex.blocks
    /// Every posting of every token read and summed: exactly BM25, what the benchmark compares with.
    var exhaustive = false
}

extension RowQuery {
    /// The hits of a search, best first: for each distinct token of the query its strongest
    /// postings (within the facets), scored here with BM25 — IDF from `search_terms` and the
    /// index's size, FTS5's term weight from the counts — and summed per entry; then the entries
    /// of the page. Summing in SQL (a temporary B-tree grouping some ten thousand rows) cost
    /// several times the read itself at 100,000 entries, and one statement for all tokens (a
    /// UNION ALL) was a new text to prepare for each number of tokens (docs/search.md).
    func search(_ request: SearchRequest) async throws -> [SearchHit] {
        guard !request.query.isEmpty, let weights = try await queryWeights(request.query) else { return [] }
        let sql = self.sql
        var facets: [SQLQueryString] = []
        if let kind = request.kind { facets.append("e.kind = \(bind: kind.rawValue)") }
        if let country = request.country { facets.append("e.country_code = \(bind: country)") }
        if let sector = request.sector { facets.append("e.sectors LIKE \(bind: "%,\(sector.rawValue),%")") }
        if let language = request.language { facets.append("e.language = \(bind: language.rawValue)") }
        let filter: SQLQueryString = facets.isEmpty ? "" : " AND " + facets.joined(separator: " AND ")
        let number: SQLQueryString = sql.dialect.name == "postgresql" ? "e.seq" : "e.rowid"
        let join: SQLQueryString = facets.isEmpty ? "" : " JOIN search_entries e ON \(number) = p.entry"
        let scores = request.exhaustive
            ? try await allPostings(weights, join: join, filter: filter)
            : try await strongestPostings(weights, join: join, filter: filter, page: request.offset + request.limit,
                                          blocks: request.blocks)
        let page = SearchRanking.best(scores, count: request.offset + request.limit).dropFirst(request.offset)
        guard !page.isEmpty else { return [] }
        // Numbers as binds: the statement's text depends only on how many (a reader keeps it prepared).
        let numbers = page.map { SQLQueryString("\(bind: $0.entry)") }.joined(separator: ", ")
        let rows = try await all(sql: SQLQueryString("""
            SELECT \(number) AS number, e.kind, e.object_id, e.external_ref, e.language, e.title, e.body, e.title_spans, e.body_spans
            FROM search_entries e
            WHERE \(number) IN (\(numbers))
            """)) { row in
            (Int64(try row.int("number")), SearchHit(kind: try SearchEntry.known(try row.string("kind"), "kind"), objectID: try row.uuid("object_id"),
                                                    externalRef: try row.optionalString("external_ref"),
                                                    language: try SearchEntry.known(try row.string("language"), "language"),
                                                    title: try row.string("title"), body: try row.string("body"), score: 0,
                                                    titleSpans: try row.optionalBytes("title_spans"), bodySpans: try row.optionalBytes("body_spans")))
        }
        let hits = Dictionary(rows, uniquingKeysWith: { first, _ in first })
        return page.compactMap { ranked in
            hits[ranked.entry].map { hit in
                var hit = hit
                hit.score = ranked.score
                return hit
            }
        }
    }
}
