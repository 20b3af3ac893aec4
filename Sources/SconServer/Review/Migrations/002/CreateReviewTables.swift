import Fluent
import SQLKit

struct CreateReviewTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reviewer_profiles")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("sectors", .string, .required)
            .field("countries", .string, .required)
            .field("languages", .string, .required)
            .field("capacity", .int, .required)
            .field("available", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema("review_conflicts")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("reviewer_id", .uuid, .required, .references("users", "id"))
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        try await database.schema("review_assignments")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("reviewer_id", .uuid, .required, .references("users", "id"))
            .field("status", .string, .required)
            .field("pinned", .bool, .required)
            .field("affinity", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "proposal_id", "reviewer_id")
            .create()
        try await database.schema("reviews")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("reviewer_id", .uuid, .required, .references("users", "id"))
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
        try await sql.create(index: "review_assignments_reviewer").on("review_assignments").column("reviewer_id").column("call_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in ["reviews", "review_assignments", "review_conflicts", "reviewer_profiles"] {
            try await database.schema(schema).delete()
        }
    }
}
