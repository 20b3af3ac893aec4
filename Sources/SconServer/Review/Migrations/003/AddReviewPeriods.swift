import Fluent

/// Reviewers' periods of absence (`2026-12-10/2027-01-05;…`) and the day a call's reviews are
/// due, set when the assignment runs.
struct AddReviewPeriods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reviewer_profiles").field("unavailable", .string, .required, .sql(.default(""))).update()
        try await database.schema("calls").field("reviews_due", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reviewer_profiles").deleteField("unavailable").update()
        try await database.schema("calls").deleteField("reviews_due").update()
    }
}
