import Fluent
import SQLKit

struct CreateReviewTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewerProfileRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("sectors", .string, .required)
            .field("countries", .string, .required)
            .field("languages", .string, .required)
            .field("capacity", .int, .required)
            .field("available", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema(ReviewConflict.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id"))
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id"))
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        try await database.schema(ReviewAssignment.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id"))
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id"))
            .field("status", .string, .required)
            .field("pinned", .bool, .required)
            .field("affinity", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        try await database.schema(Review.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id"))
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id"))
            .field("scores", .string, .required)
            .field("comment", .string, .required)
            .field("private_note", .string, .required)
            .field("state", .string, .required)
            .field("total", .int)
            .field("submitted_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "review_assignments_reviewer").on(ReviewAssignment.schema).column("reviewer_id").column("call_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [Review.schema, ReviewAssignment.schema, ReviewConflict.schema, ReviewerProfileRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
