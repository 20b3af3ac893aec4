import Fluent
import SQLKit

/// The search index: one entry per searchable record, and its terms — an FTS5 table on SQLite
/// (`search_fts`, rowid = the entry's rowid, columns title and body of analysed tokens), postings
/// and lengths on PostgreSQL (BM25 computed in SQL, docs/search.md).
struct CreateSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("search_entries")
            .id()
            .field("kind", .string, .required)
            .field("object_id", .uuid, .required)
            .field("external_ref", .string)
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("country_code", .string, .required)
            .field("sectors", .string, .required)
            .field("length", .int64, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kind", "object_id")
            .create()
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE TABLE search_postings (entry_id UUID NOT NULL REFERENCES search_entries(id) ON DELETE CASCADE,
                token TEXT NOT NULL, tf_title INTEGER NOT NULL, tf_body INTEGER NOT NULL, PRIMARY KEY (token, entry_id))
                """).run()
            try await sql.raw("CREATE INDEX search_postings_entry ON search_postings (entry_id)").run()
        } else {
            try await sql.raw("CREATE VIRTUAL TABLE search_fts USING fts5(title, body)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TABLE search_postings").run()
        } else {
            try await sql.raw("DROP TABLE search_fts").run()
        }
        try await database.schema("search_entries").delete()
    }
}
