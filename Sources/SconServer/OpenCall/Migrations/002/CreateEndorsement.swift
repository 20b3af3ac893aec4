import Fluent
import SQLKit

struct CreateEndorsement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("endorsements")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("country_code", .string, .required)
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("rank", .int, .required)
            .field("endorsed_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "proposal_id")
            .unique(on: "call_id", "country_code", "rank")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("endorsements").delete()
    }
}
