import Fluent

struct CreateCountry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("countries")
            .field("code", .string, .identifier(auto: false))
            .field("iso3", .string, .required)
            .field("numeric", .string, .required)
            .field("name_en", .string, .required)
            .field("name_ko", .string, .required)
            .field("name_iso", .string, .required)
            .field("currency", .string, .required)
            .field("languages", .string, .required)
            .field("time_zones", .string, .required)
            .field("calling_code", .string, .required)
            .field("asean_member", .bool, .required)
            .unique(on: "iso3")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("countries").delete()
    }
}
