import Fluent
import SQLKit

struct CreateProposal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Proposal.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .field("city_id", .uuid, .required, .references(City.schema, "id"))
            .field("country_code", .string, .required, .references(Country.schema, "code"))
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
        try await sql.create(index: "proposals_call").on(Proposal.schema).column("call_id").column("country_code").run()
        try await sql.create(index: "proposals_organisation").on(Proposal.schema).column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Proposal.schema).delete()
    }
}

struct CreateEndorsement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Endorsement.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("country_code", .string, .required)
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id"))
            .field("rank", .int, .required)
            .field("endorsed_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "proposal_id")
            .unique(on: "call_id", "country_code", "rank")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Endorsement.schema).delete()
    }
}
