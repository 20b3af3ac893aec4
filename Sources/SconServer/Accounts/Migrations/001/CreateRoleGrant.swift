import Fluent

struct CreateRoleGrant: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("role_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("scope_kind", .string, .required)
            .field("scope_id", .string, .required)
            .field("granted_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "user_id", "role", "scope_kind", "scope_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("role_grants").delete()
    }
}
