import Fluent
import Foundation
import SconDomain
import SQLKit

/// Each entry's tokens with their counts in one row (`search_forward`: `ForwardTerms`), so that
/// scoring a candidate in full is one read by the entry's number; filled here from the postings of
/// the entries already indexed.
struct CreateSearchForward: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let postgres = sql.dialect.name == "postgresql"
        // On SQLite the entry's number is the table's rowid (INTEGER PRIMARY KEY): one B-tree.
        try await sql.raw(postgres
            ? "CREATE TABLE search_forward (entry BIGINT NOT NULL PRIMARY KEY, length INTEGER NOT NULL, terms BYTEA NOT NULL)"
            : "CREATE TABLE search_forward (entry INTEGER NOT NULL PRIMARY KEY, length INTEGER NOT NULL, terms BLOB NOT NULL)").run()
        struct Bounds: Decodable { var low: Int64?; var high: Int64? }
        guard let bounds = try await sql.raw("SELECT MIN(entry) AS low, MAX(entry) AS high FROM search_postings").first(decoding: Bounds.self),
              let low = bounds.low, let high = bounds.high else { return }
        struct Posting: Decodable { var entry: Int64; var token: Int64; var tf_title: Int; var tf_body: Int; var length: Int }
        for start in stride(from: low, through: high, by: 1_000) {
            let postings = try await sql.raw("""
                SELECT entry, token, tf_title, tf_body, length FROM search_postings
                WHERE entry >= \(bind: start) AND entry < \(bind: start + 1_000) ORDER BY entry
                """).all(decoding: Posting.self)
            let entries = Dictionary(grouping: postings, by: \.entry).sorted { $0.key < $1.key }
            for chunk in stride(from: 0, to: entries.count, by: 300) {
                let values = entries[chunk..<min(chunk + 300, entries.count)].map { entry, postings in
                    let terms = Data(ForwardTerms.encode(postings.map { (key: $0.token, title: $0.tf_title, body: $0.tf_body) }))
                    return SQLQueryString("(\(bind: entry), \(bind: postings[0].length), \(bind: terms))")
                }.joined(separator: ", ")
                try await sql.raw("INSERT INTO search_forward (entry, length, terms) VALUES \(values)").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE search_forward").run()
    }
}
