import Fluent

/// The review's foreign keys that conflict sheets, standings and a reviewer's list filter on.
struct UpdateReviewAddIndexes: AsyncMigration {
    static let indexes = [
        IndexSpec("review_conflicts_call", on: "review_conflicts", "call_id", "reviewer_id"),
        IndexSpec("reviews_call", on: "reviews", "call_id"),
        IndexSpec("reviews_reviewer", on: "reviews", "reviewer_id"),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
    }
}
