import Fluent
import Foundation
import SconDomain
import SQLKit
import Vapor

/// `scon bench search`: the search's quality on the judged set of `bench/search` and its speed on
/// a large index, through the database path the API uses (`SearchIndex.upsert`, `RowQuery.search`),
/// on a fresh database of its own (a temporary SQLite file, or a PostgreSQL schema dropped afterwards).
///
/// Quality: nDCG@10 per language, per kind of query and overall, of the analysis as the database
/// ranks it, next to plain BM25 over whitespace tokens and SQLite FTS5's trigram tokenizer (OR of
/// the query's tokens of three or more characters, `bm25()`), all on the same 400 documents.
/// Speed: `--count` entries (default 100,000: the corpus, then variants that join one document's
/// body to another's title in the same language), the index build time and size, then `--clients`
/// (default 16) clients running the judged queries in turn, `--runs` rounds each (default 10) after
/// a warm pass on every reader: p50 and p99.
enum SearchBench {
    static var directory: String { Environment.get("SCON_BENCH_SEARCH_DIR") ?? "bench/search" }

    static func run(count: Int, clients: Int, rounds: Int, postgres: String?) async throws -> String {
        let corpusText = try String(contentsOfFile: directory + "/corpus.jsonl", encoding: .utf8)
        let entries = try MarketplaceEntry.decodeLines(corpusText).map { try $0.validated() }
        let queries = try JudgedQuery.decodeLines(try String(contentsOfFile: directory + "/queries.jsonl", encoding: .utf8))
        return try await BenchDatabase.with(postgres: postgres) { app in
            let database = postgres == nil ? "SQLite" : "PostgreSQL"
            let quality = try await measureQuality(app, entries: entries, queries: queries, postgres: postgres != nil)
            let speed = try await measureSpeed(app, entries: entries, queries: queries, count: count, clients: clients, rounds: rounds, database: database)
            return quality + "\n\n" + speed
        }
    }

    // MARK: quality

    static func measureQuality(_ app: Application, entries: [MarketplaceEntry.Fields], queries: [JudgedQuery], postgres: Bool) async throws -> String {
        try await clear(app.db)
        try await index(entries, on: app.db)
        var database: [String: [String]] = [:]
        for query in queries {
            let request = SearchRequest(query: SearchAnalyzer.queryTerms(query.q), kind: nil, country: nil, sector: nil, language: nil, limit: 10, offset: 0)
            database[query.id] = try await RowQuery(db: app.db).search(request).compactMap(\.externalRef)
        }
        let memory = SearchBenchmark(entries: entries)
        var whitespace: [String: [String]] = [:]
        for query in queries { whitespace[query.id] = memory.rankWhitespace(query.q) }
        let trigram = try await trigramRuns(app, entries: entries, queries: queries)
        var systems: [(name: String, report: SearchEvaluationReport)] = [("analysis", SearchEvaluation.report(queries, rankings: database)),
                                                                          ("white", SearchEvaluation.report(queries, rankings: whitespace))]
        if let trigram { systems.append(("trigram", SearchEvaluation.report(queries, rankings: trigram))) }
        var lines = ["### Quality: nDCG@10 on bench/search (\(queries.count) judged queries, \(entries.count) documents; analysis ranked by \(postgres ? "PostgreSQL" : "SQLite"))", "",
                     "```", SearchBenchmark.table(systems, queries: queries), "```"]
        let held = queries.filter { $0.split == "heldout" }
        if !held.isEmpty {
            lines.append(String(format: "held-out queries only (%d): analysis %.3f, whitespace %.3f, trigram %.3f", held.count,
                                SearchEvaluation.report(held, rankings: database).overall, SearchEvaluation.report(held, rankings: whitespace).overall,
                                trigram.map { SearchEvaluation.report(held, rankings: $0).overall } ?? 0))
        }
        if let trigram {
            lines.append(String(format: "analysis / trigram overall: %.2f×", systems[0].report.overall / max(SearchEvaluation.report(queries, rankings: trigram).overall, 1e-9)))
        }
        let languages = Dictionary(uniqueKeysWithValues: entries.map { ($0.ref, $0.language) })
        let cross = queries.filter { $0.kind == "cross" && ($0.lang == .ko || $0.lang == .en) }
        if !cross.isEmpty {
            let rate = SearchEvaluation.crossLanguageHitRate(cross, rankings: database, languages: languages, targets: [.th, .vi])
            lines.append(String(format: "cross-language: a ko/en query brings a Thai or Vietnamese document on its topic into the top 10 in %.0f%% of %d queries", rate * 100, cross.count))
        }
        return lines.joined(separator: "\n")
    }

    /// FTS5's trigram tokenizer over the same documents (SQLite only; nil on PostgreSQL).
    static func trigramRuns(_ app: Application, entries: [MarketplaceEntry.Fields], queries: [JudgedQuery]) async throws -> [String: [String]]? {
        let sql = app.db as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return nil }
        try await sql.raw("DROP TABLE IF EXISTS bench_trigram").run()
        try await sql.raw("CREATE VIRTUAL TABLE bench_trigram USING fts5(ref UNINDEXED, title, body, tokenize='trigram')").run()
        for entry in entries {
            try await sql.raw("INSERT INTO bench_trigram(ref, title, body) VALUES (\(bind: entry.ref), \(bind: entry.title), \(bind: entry.body))").run()
        }
        struct Row: Decodable { var ref: String }
        var runs: [String: [String]] = [:]
        for query in queries {
            guard let expression = SearchBaselines.trigramExpression(query.q) else { runs[query.id] = []; continue }
            runs[query.id] = try await sql.raw("SELECT ref FROM bench_trigram WHERE bench_trigram MATCH \(bind: expression) ORDER BY bm25(bench_trigram) LIMIT 10")
                .all(decoding: Row.self).map(\.ref)
        }
        return runs
    }

    // MARK: speed

    static func measureSpeed(_ app: Application, entries: [MarketplaceEntry.Fields], queries: [JudgedQuery], count: Int, clients: Int, rounds: Int,
                             database: String) async throws -> String {
        try await clear(app.db)
        let sizeBefore = try await indexBytes(app.db)
        let clock = ContinuousClock()
        let started = clock.now
        var batch: [MarketplaceEntry.Fields] = []
        for number in 0..<count {
            batch.append(variant(number, of: entries))
            if batch.count == 10_000 || number == count - 1 {
                try await index(batch, on: app.db)
                batch.removeAll(keepingCapacity: true)
            }
        }
        let build = seconds(clock.now - started)
        let size = try await indexBytes(app.db) - sizeBefore
        if Environment.get("SCON_BENCH_KEEP") == "1" {
            // The queries' token lists, to try other SQL on the kept database.
            let lines = queries.map { SearchAnalyzer.queryTerms($0.q).tokens.joined(separator: " ") }.joined(separator: "\n")
            try lines.write(toFile: NSTemporaryDirectory() + "scon-bench-search-queries.txt", atomically: true, encoding: .utf8)
        }
        // What the API does for a search (`SearchService.run`: the analysis, the index's read,
        // the highlights of the page), through the reads the server uses (SQLite readers or
        // PostgreSQL's prepared statements), clients spread over the event loops as connections are.
        let texts = queries.map { SearchService.Query(text: $0.q, kind: nil, country: nil, sector: nil, language: nil, limit: 10, offset: 0) }
        let loops = Array(app.eventLoopGroup.makeIterator())
        let service: @Sendable (Int) -> SearchService = { client in SearchService(rows: app.rows(on: loops[client % loops.count], db: app.db)) }
        // Warm each event loop's reader (its statements, the pages it maps) with every query, as
        // a server that has been answering does; then measure.
        for loop in loops.indices { for text in texts { _ = try await service(loop).run(text) } }
        let searchStarted = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var times: [Double] = []
                    let search = service(client)
                    for round in 0..<rounds {
                        for index in stride(from: (client + round) % texts.count, to: texts.count, by: clients) {
                            let start = clock.now
                            _ = try await search.run(texts[index])
                            times.append(seconds(clock.now - start) * 1_000)
                        }
                    }
                    return times
                }
            }
            var all: [Double] = []
            for try await times in group { all += times }
            return all.sorted()
        }
        let elapsed = seconds(clock.now - searchStarted)
        // What stopping before every posting is read costs in ranking: the page of ten
        // against exhaustive BM25 (every posting read), compared by their scores (the large
        // index repeats documents, so equal scores are common and entries may differ on ties).
        var sameScores = 0, sameTop = 0
        for query in queries {
            var request = SearchRequest(query: SearchAnalyzer.queryTerms(query.q), kind: nil, country: nil, sector: nil, language: nil, limit: 10, offset: 0)
            let bounded = try await RowQuery(db: app.db).search(request)
            request.exhaustive = true
            let exhaustive = try await RowQuery(db: app.db).search(request)
            func rounded(_ hits: [SearchHit]) -> [Double] { hits.map { ($0.score * 1e6).rounded() } }
            if rounded(bounded) == rounded(exhaustive) { sameScores += 1 }
            if bounded.first.map({ ($0.score * 1e6).rounded() }) == exhaustive.first.map({ ($0.score * 1e6).rounded() }) { sameTop += 1 }
        }
        func percentile(_ p: Double) -> String { String(format: "%.1f", latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) }
        return """
        ### Speed: \(count) entries on \(database), \(clients) concurrent clients
        | database | entries | index build s | index MB | searches | searches/s | p50 ms | p99 ms |
        |---|---:|---:|---:|---:|---:|---:|---:|
        | \(database) | \(count) | \(String(format: "%.1f", build)) | \(String(format: "%.1f", Double(size) / 1_048_576)) | \(latencies.count) | \
        \(String(format: "%.0f", Double(latencies.count) / elapsed)) | \(percentile(0.5)) | \(percentile(0.99)) |

        Each search is what the API does (the analysis, the index's read, the highlights of the page).
        Reading each token's \(SearchIndex.firstBlock) strongest postings (then the candidates' missing ones) against reading \
        all of them: the ten best scores are the same for \(sameScores) of \(queries.count) queries, the best score for \(sameTop).
        """
    }

    /// Entry `number`: the corpus itself first, then a document's body under another document's
    /// title of the same language, so that the large index has the corpus's vocabulary and languages.
    static func variant(_ number: Int, of entries: [MarketplaceEntry.Fields]) -> MarketplaceEntry.Fields {
        var entry = entries[number % entries.count]
        entry.ref = "bench-\(number)"
        if number >= entries.count {
            let sameLanguage = entries.filter { $0.language == entry.language }
            let other = sameLanguage[(number / entries.count * 7 + number) % sameLanguage.count]
            entry.title = other.title
        }
        return entry
    }

    static func index(_ entries: [MarketplaceEntry.Fields], on db: any Database) async throws {
        try await db.transaction { tx in
            try await SearchIndex(db: tx).add(entries.map { entry in
                SearchDocument(kind: entry.kind == .challenge ? .challenge : .solution, objectID: UUID(), externalRef: entry.ref,
                               texts: [.init(title: entry.title, body: entry.body, language: entry.language)],
                               country: entry.country.value, sectors: entry.sectors)
            }, now: Date())
        }
    }

    static func clear(_ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for table in ["search_postings", "search_forward", "search_terms", "search_entries"] { try await sql.raw("DELETE FROM \(unsafeRaw: table)").run() }
        try await sql.raw("UPDATE search_stats SET documents = 0, total_length = 0, impact_average_length = NULL WHERE id = 1").run()
    }

    /// The bytes the search tables take: PostgreSQL's relation sizes; on SQLite, the file's pages
    /// (measured as a difference, after a checkpoint).
    static func indexBytes(_ db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        struct Size: Decodable { var bytes: Int }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("SELECT (pg_total_relation_size('search_entries') + pg_total_relation_size('search_postings') + pg_total_relation_size('search_terms') + pg_total_relation_size('search_forward'))::bigint AS bytes")
                .first(decoding: Size.self)?.bytes ?? 0
        }
        try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        return try await sql.raw("SELECT (page_count - freelist_count) * page_size AS bytes FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()")
            .first(decoding: Size.self)?.bytes ?? 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
