import Fluent

/// The account tables' foreign keys that sign-out, token lists and deletion filter on.
struct UpdateAccountsAddIndexes: AsyncMigration {
    static let indexes = [
        IndexSpec("api_tokens_user", on: "api_tokens", "user_id"),
        IndexSpec("user_sessions_user", on: "user_sessions", "user_id"),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
    }
}
