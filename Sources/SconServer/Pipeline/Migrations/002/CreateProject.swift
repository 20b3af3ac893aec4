import Fluent
import SQLKit

struct CreateProject: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("code", .string, .required)
            .field("proposal_id", .uuid, .references("proposals", "id"))
            .field("call_id", .uuid, .references("calls", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("country_code", .string, .required)
            .field("title", .string, .required)
            .field("support_type", .string, .required)
            .field("stage", .string, .required)
            .field("sample", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .unique(on: "proposal_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("projects").delete()
    }
}
