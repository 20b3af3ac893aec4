import Fluent
import SQLKit

/// The search index, the same on SQLite and PostgreSQL: one entry per searchable record
/// (`search_entries`), its analysed tokens as impact-ordered postings (`search_postings`, keyed
/// by token then impact, so a query reads each token's best postings first; tokens as 64-bit
/// hashes and entries by number keep them small), each token's
/// document frequency (`search_terms`) and the index's size (`search_stats`, one row) for BM25.
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
        let postgres = sql.dialect.name == "postgresql"
        let rowid = postgres ? "" : " WITHOUT ROWID"
        // An entry's number in the postings: SQLite's rowid, a sequence on PostgreSQL.
        if postgres { try await sql.raw("ALTER TABLE search_entries ADD COLUMN seq BIGSERIAL UNIQUE").run() }
        // Postings are small integers: the token's 64-bit hash, the term weight ×10,000, the entry's number.
        try await sql.raw("""
            CREATE TABLE search_postings (token BIGINT NOT NULL, impact INTEGER NOT NULL, entry BIGINT NOT NULL,
            tf_title INTEGER NOT NULL, tf_body INTEGER NOT NULL, length INTEGER NOT NULL,
            PRIMARY KEY (token, impact, entry))\(unsafeRaw: rowid)
            """).run()
        try await sql.raw("CREATE INDEX search_postings_entry ON search_postings (entry)").run()
        try await sql.raw("CREATE TABLE search_terms (token BIGINT NOT NULL PRIMARY KEY, df INTEGER NOT NULL)\(unsafeRaw: rowid)").run()
        try await sql.raw("CREATE TABLE search_stats (id INTEGER NOT NULL PRIMARY KEY, documents INTEGER NOT NULL, total_length INTEGER NOT NULL)").run()
        try await sql.raw("INSERT INTO search_stats (id, documents, total_length) VALUES (1, 0, 0)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["search_stats", "search_terms", "search_postings"] { try await sql.raw("DROP TABLE \(unsafeRaw: table)").run() }
        try await database.schema("search_entries").delete()
    }
}
