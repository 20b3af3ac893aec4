import Fluent
import SQLKit

struct CreateCall: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calls")
            .id()
            .field("seed_key", .string)
            .field("state", .string, .required)
            .field("terms", .string, .required)
            .field("opens_at", .datetime, .required)
            .field("closes_at", .datetime, .required)
            .field("sample", .bool, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "seed_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "calls_opens_at").on("calls").column("opens_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calls").delete()
    }
}
