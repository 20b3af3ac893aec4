import Fluent
import SQLKit

/// Requests to join an organisation, and organisations proposed for the directory (not
/// public until the programme office approves them).
struct CreateJoining: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisation_join_requests")
            .id()
            .field("user_id", .uuid)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("message", .string, .required)
            .field("state", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("requested_at", .datetime, .required)
            .create()
        try await database.schema("organisation_registrations")
            .id()
            .field("proposer_id", .uuid)
            .field("name_en", .string, .required)
            .field("name_ko", .string, .required)
            .field("type", .string, .required)
            .field("country_code", .string, .required, .references("countries", "code"))
            .field("city_id", .uuid)
            .field("website", .string)
            .field("state", .string, .required)
            .field("organisation_id", .uuid)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("proposed_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "join_requests_organisation").on("organisation_join_requests").column("organisation_id").column("state").run()
        try await sql.create(index: "join_requests_user").on("organisation_join_requests").column("user_id").column("state").run()
        try await sql.create(index: "registrations_state").on("organisation_registrations").column("state").column("proposed_at").run()
        try await sql.create(index: "registrations_proposer").on("organisation_registrations").column("proposer_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisation_registrations").delete()
        try await database.schema("organisation_join_requests").delete()
    }
}
