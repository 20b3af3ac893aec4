import Fluent
import SQLKit

struct CreatePerson: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("title_en", .string, .required)
            .field("title_ko", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("sample", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "people_organisation").on("people").column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").delete()
    }
}
