import Fluent
import SQLKit

struct CreateCallDecision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("call_decisions")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("outcome", .string, .required)
            .field("scores", .string, .required)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "call_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("call_decisions").delete()
    }
}
