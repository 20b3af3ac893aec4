import Fluent

/// Where each term of an entry's stored title and body is (`TermSpans`), so that a hit's
/// highlight needs no analysis at query time. Entries indexed before stay without (null) and are
/// highlighted by analysing their texts until they are indexed again (`scon search reindex --all`).
struct AddSearchEntrySpans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("search_entries").field("title_spans", .data).update()
        try await database.schema("search_entries").field("body_spans", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("search_entries").deleteField("body_spans").update()
        try await database.schema("search_entries").deleteField("title_spans").update()
    }
}
