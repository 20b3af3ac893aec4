import Fluent
import SQLKit

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("seed_key", .string)
            .field("name_en", .string, .required)
            .field("name_ko", .string, .required)
            .field("acronym", .string)
            .field("type", .string, .required)
            .field("country_code", .string, .required, .references("countries", "code"))
            .field("sectors", .string, .required)
            .field("website", .string)
            .field("description_en", .string, .required)
            .field("description_ko", .string, .required)
            .field("sample", .bool, .required)
            .field("source", .string)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "seed_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "organisations_sort").on("organisations").column("sort_key").column("id").run()
        try await sql.create(index: "organisations_type").on("organisations").column("type").run()
        try await sql.create(index: "organisations_country").on("organisations").column("country_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
