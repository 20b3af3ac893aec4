import Fluent
import Foundation
import SconDomain
import SQLKit
import Testing
import Vapor
@testable import SconServer

/// The index stops reading a token's postings once no unread one can change the page: its pages
/// are the ones reading every posting gives.
@Suite struct SearchStoppingTests {
    static let words = ["flood", "drain", "river", "parking", "sensor", "waste", "bus", "lamp", "water", "traffic", "smart", "city"]

    /// `count` English entries from a small vocabulary: every word is in hundreds of entries, more
    /// than a first block of postings, with different counts and lengths.
    static func documents(_ count: Int, seed: UInt64, longer: Int = 0) -> [SearchDocument] {
        var random = SplitMix64(seed: seed)
        func text(_ length: Int) -> String {
            (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        return (0..<count).map { number in
            SearchDocument(kind: number % 3 == 0 ? .solution : .challenge, objectID: UUID(), externalRef: "stop-\(seed)-\(number)",
                           texts: [.init(title: text(2 + Int(random.next() % 3)), body: text(4 + longer + Int(random.next() % 20)), language: .en)],
                           country: "TH", sectors: [])
        }
    }

    /// The page's hits (entry and score); `blocks` nil reads as the API does, else as many blocks
    /// as it takes.
    static func hits(_ app: Application, _ text: String, kind: SearchKind? = nil, offset: Int = 0, limit: Int = 10,
                     blocks: Int? = 8, exhaustive: Bool = false) async throws -> [(id: UUID, score: Double)] {
        var request = SearchRequest(query: SearchAnalyzer.queryTerms(text), kind: kind, country: nil, sector: nil, language: nil, limit: limit, offset: offset)
        request.exhaustive = exhaustive
        if let blocks { request.blocks = blocks }
        return try await RowQuery(db: app.db).search(request).map { ($0.objectID, ($0.score * 1e9).rounded()) }
    }

    static func scores(_ app: Application, _ text: String, kind: SearchKind? = nil, offset: Int = 0, exhaustive: Bool = false) async throws -> [Double] {
        try await hits(app, text, kind: kind, offset: offset, exhaustive: exhaustive).map(\.score)
    }

    static let queries = ["flood drain", "smart city parking sensor", "river water", "bus", "lamp traffic waste flood water"]

    @Test(arguments: TestDatabase.all)
    func pagesAreTheOnesEveryPostingGives(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: 600 entries, then 300 longer ones, so that the average length grows and the
            // first impacts understate today's weights.
            try await SearchIndex(db: app.db).add(Self.documents(600, seed: 3), now: app.clock.now())
            try await SearchIndex(db: app.db).add(Self.documents(300, seed: 4, longer: 30), now: app.clock.now())
            let stats = try await SearchIndex(db: app.db).stats()
            #expect(stats.documents >= 900)
            // Action and check: each query's first and second page, and within one kind, read
            // block by block until the page is closed, are exhaustive BM25's.
            for query in Self.queries {
                let first = try await Self.scores(app, query)
                #expect(first.count == 10, "\(query)")
                #expect(first == (try await Self.scores(app, query, exhaustive: true)), "\(query)")
                #expect((try await Self.scores(app, query, offset: 10)) == (try await Self.scores(app, query, offset: 10, exhaustive: true)), "\(query)")
                #expect((try await Self.scores(app, query, kind: .solution)) == (try await Self.scores(app, query, kind: .solution, exhaustive: true)), "\(query)")
                // Read as the API does (one block), a page may miss entries beyond the block, but
                // it is full and no hit shows more than its exact score.
                let exact = Dictionary(try await Self.hits(app, query, limit: 1_000, exhaustive: true).map { ($0.id, $0.score) },
                                       uniquingKeysWith: { first, _ in first })
                let bounded = try await Self.hits(app, query, blocks: nil)
                #expect(bounded.count == 10, "\(query)")
                #expect(bounded.allSatisfy { $0.score <= exact[$0.id] ?? -1 }, "\(query)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIndexMadeBeforeTheForwardTermsIsMigratedAndSearchesTheSame(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an index, then what 012 added taken away, as in a database made before it:
            // no forward terms, no impacts' average, impacts of another average length.
            try await SearchIndex(db: app.db).add(Self.documents(400, seed: 8), now: app.clock.now())
            var before: [[Double]] = []
            for query in Self.queries { before.append(try await Self.scores(app, query)) }
            let sql = app.db as! any SQLDatabase
            try await CreateSearchForward().revert(on: app.db)
            try await sql.raw("UPDATE search_stats SET impact_average_length = NULL").run()
            try await sql.raw("UPDATE search_postings SET impact = impact / 2").run()
            // Action: migrate forward again.
            try await AddSearchImpactLength.recomputeImpacts(on: sql)
            try await CreateSearchForward().prepare(on: app.db)
            // Check: every entry has its forward terms, the impacts' average is today's, the pages are the same.
            struct Count: Decodable { var count: Int }
            let forward = try await sql.raw("SELECT count(*) AS count FROM search_forward").first(decoding: Count.self)?.count
            let stats = try await Self.stats(sql)
            #expect(forward == stats.documents)
            #expect(abs((stats.impact_average_length ?? 0) - Double(stats.total_length) / Double(stats.documents)) < 1e-9)
            for (index, query) in Self.queries.enumerated() { #expect((try await Self.scores(app, query)) == before[index], "\(query)") }
        }
    }

    struct StatsRow: Decodable { var impact_average_length: Double?; var documents: Int; var total_length: Int }

    static func stats(_ sql: any SQLDatabase) async throws -> StatsRow {
        let row = try await sql.raw("SELECT impact_average_length, documents, total_length FROM search_stats WHERE id = 1").first(decoding: StatsRow.self)
        return try #require(row)
    }

    @Test(arguments: TestDatabase.all)
    func theSmallestAverageLengthOfTheImpactsIsKept(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = app.db as! any SQLDatabase
            func row() async throws -> StatsRow { try await Self.stats(sql) }
            try await SearchIndex(db: app.db).add(Self.documents(50, seed: 5), now: app.clock.now())
            let short = try await row()
            #expect(abs((short.impact_average_length ?? 0) - Double(short.total_length) / Double(short.documents)) < 1e-9)
            try await SearchIndex(db: app.db).add(Self.documents(50, seed: 6, longer: 40), now: app.clock.now())
            let after = try await row()
            // Longer entries raise the average; the impacts' smallest average stays the first one.
            #expect(Double(after.total_length) / Double(after.documents) > (short.impact_average_length ?? 0) + 5)
            #expect(after.impact_average_length == short.impact_average_length)
        }
    }
}
