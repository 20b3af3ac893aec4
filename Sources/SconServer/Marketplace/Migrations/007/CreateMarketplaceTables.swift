import Fluent
import SQLKit

/// The marketplace: challenges, solutions, interests, messages.
struct CreateMarketplaceTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("challenges")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("city_id", .uuid, .references("cities", "id"))
            .field("country_code", .string, .required)
            .field("sectors", .string, .required)
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("title_ko", .string, .required)
            .field("body_ko", .string, .required)
            .field("title_en", .string, .required)
            .field("body_en", .string, .required)
            .field("people_affected", .int64)
            .field("budget_min_minor", .int64)
            .field("budget_max_minor", .int64)
            .field("budget_currency", .string)
            .field("timing", .string, .required)
            .field("contact", .string, .required)
            .field("status", .string, .required)
            .field("sample", .bool, .required)
            .field("external_ref", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "external_ref")
            .create()
        try await database.schema("solutions")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("country_code", .string, .required)
            .field("sectors", .string, .required)
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("title_ko", .string, .required)
            .field("body_ko", .string, .required)
            .field("title_en", .string, .required)
            .field("body_en", .string, .required)
            .field("readiness", .string, .required)
            .field("reference_cities", .string, .required)
            .field("price_model", .string, .required)
            .field("languages", .string, .required)
            .field("status", .string, .required)
            .field("sample", .bool, .required)
            .field("external_ref", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "external_ref")
            .create()
        try await database.schema("marketplace_interests")
            .id()
            .field("challenge_id", .uuid, .required, .references("challenges", "id"))
            .field("solution_id", .uuid, .required, .references("solutions", "id"))
            .field("side", .string, .required)
            .field("organisation_id", .uuid, .required)
            .field("by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "challenge_id", "solution_id", "side")
            .create()
        try await database.schema("marketplace_messages")
            .id()
            .field("challenge_id", .uuid, .required, .references("challenges", "id"))
            .field("solution_id", .uuid, .required, .references("solutions", "id"))
            .field("author_id", .uuid, .required)
            .field("organisation_id", .uuid, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await IndexSpec.create(Self.indexes, on: database)
    }

    static let indexes = [
        IndexSpec("challenges_list", on: "challenges", "status", "created_at", "id"),
        IndexSpec("challenges_country", on: "challenges", "country_code"),
        IndexSpec("challenges_organisation", on: "challenges", "organisation_id"),
        IndexSpec("solutions_list", on: "solutions", "status", "created_at", "id"),
        IndexSpec("solutions_organisation", on: "solutions", "organisation_id"),
        IndexSpec("marketplace_messages_pair", on: "marketplace_messages", "challenge_id", "solution_id", "created_at"),
    ]

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
        for table in ["marketplace_messages", "marketplace_interests", "solutions", "challenges"] {
            try await database.schema(table).delete()
        }
    }
}
