import Fluent
import SQLKit

/// Two-factor sign-in: the authenticators, the recovery codes, and two columns of the
/// sessions (a session that waits for its code; when its person last confirmed who they are).
struct UpdateAccountsAddSecondFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_second_factors")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("secret", .string, .required)
            .field("confirmed_at", .datetime)
            .field("last_used_step", .int64)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema("user_recovery_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("digest", .string, .required)
            .field("used_at", .datetime)
            .create()
        try await IndexSpec.create([IndexSpec("user_recovery_codes_user", on: "user_recovery_codes", "user_id")], on: database)
        try await database.schema("user_sessions")
            .field("pending", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema("user_sessions")
            .field("authenticated_at", .datetime)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("user_sessions").deleteField("authenticated_at").update()
        try await database.schema("user_sessions").deleteField("pending").update()
        try await database.schema("user_recovery_codes").delete()
        try await database.schema("user_second_factors").delete()
    }
}
