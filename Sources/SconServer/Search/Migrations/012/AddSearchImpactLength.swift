import Fluent
import SQLKit

/// The smallest average length any stored impact was computed with (`search_stats.
/// impact_average_length`): a posting's BM25 term weight at query time is at most its impact ×
/// (today's average length ÷ that one), which is what lets a search stop reading a token's
/// postings once no unread one can change the page (`SearchIndex`, docs/search.md). The impacts
/// already stored are computed again with today's average length, which becomes that smallest one.
struct AddSearchImpactLength: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("search_stats").field("impact_average_length", .double).update()
        try await Self.recomputeImpacts(on: database as! any SQLDatabase)
    }

    /// The stored impacts computed again with today's average length, which becomes the smallest.
    static func recomputeImpacts(on sql: any SQLDatabase) async throws {
        struct Size: Decodable { var documents: Int; var total_length: Int }
        guard let size = try await sql.raw("SELECT documents, total_length FROM search_stats WHERE id = 1").first(decoding: Size.self),
              size.documents > 0 else { return }
        let average = max(Double(size.total_length) / Double(size.documents), 1)
        // FTS5's BM25 term weight (k1 1.2, b 0.75, the title counted twice), ×10,000, as written
        // when the index was made: frozen here as the literals of that day.
        try await sql.raw("""
            UPDATE search_postings SET impact = CAST(ROUND((2.0 * tf_title + tf_body) * 2.2
              / ((2.0 * tf_title + tf_body) + 1.2 * (0.25 + 0.75 * length / \(bind: average))) * 10000) AS INTEGER)
            """).run()
        try await sql.raw("UPDATE search_stats SET impact_average_length = \(bind: average) WHERE id = 1").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("search_stats").deleteField("impact_average_length").update()
    }
}
