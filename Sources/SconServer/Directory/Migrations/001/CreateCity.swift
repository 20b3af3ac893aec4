import Fluent
import SQLKit

struct CreateCity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cities")
            .id()
            .field("name_en", .string, .required)
            .field("name_ko", .string, .required)
            .field("country_code", .string, .required, .references("countries", "code"))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("population", .int64)
            .field("geonames_id", .int64)
            .field("kind", .string, .required)
            .field("sample", .bool, .required)
            .field("source", .string, .required)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "cities_sort").on("cities").column("sort_key").column("id").run()
        try await sql.create(index: "cities_country").on("cities").column("country_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cities").delete()
    }
}
