import Fluent
import SQLKit

struct CreateProposal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("proposals")
            .id()
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("country_code", .string, .required, .references("countries", "code"))
            .field("code", .string)
            .field("state", .string, .required)
            .field("title", .string, .required)
            .field("problem", .string, .required)
            .field("objectives", .string, .required)
            .field("support_type", .string, .required)
            .field("budget", .int64, .required)
            .field("counterpart", .string, .required)
            .field("language", .string, .required)
            .field("sample", .bool, .required)
            .field("submitted_at", .datetime)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "proposals_call").on("proposals").column("call_id").column("country_code").run()
        try await sql.create(index: "proposals_organisation").on("proposals").column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("proposals").delete()
    }
}
