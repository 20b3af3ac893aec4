import Fluent

/// The open call's foreign keys that the appeal lists filter on.
struct UpdateOpenCallAddIndexes: AsyncMigration {
    static let indexes = [
        IndexSpec("appeals_call", on: "appeals", "call_id"),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
    }
}
