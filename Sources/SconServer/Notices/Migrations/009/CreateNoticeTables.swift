import Fluent

/// The in-app inbox (`notices`) and each account's e-mail preferences (`notice_preferences`).
struct CreateNoticeTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notices")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("text_en", .string, .required)
            .field("text_ko", .string, .required)
            .field("link", .string, .required)
            .field("due_key", .string)
            .field("sort_key", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("digested_at", .datetime)
            .unique(on: "user_id", "due_key")
            .create()
        try await database.schema("notice_preferences")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("digest", .bool, .required)
            .field("unsubscribed", .string, .required)
            .field("token", .string, .required)
            .field("last_digest_at", .datetime)
            .field("last_digest_id", .string)
            .unique(on: "user_id")
            .unique(on: "token")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notice_preferences").delete()
        try await database.schema("notices").delete()
    }
}
