import Fluent
import SQLKit

struct CreateAppeal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("appeals")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("text", .string, .required)
            .field("lodged_by", .uuid, .required)
            .field("lodged_at", .datetime, .required)
            .field("answer", .string)
            .field("upheld", .bool)
            .field("answered_by", .uuid)
            .field("answered_at", .datetime)
            .unique(on: "proposal_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("appeals").delete()
    }
}
