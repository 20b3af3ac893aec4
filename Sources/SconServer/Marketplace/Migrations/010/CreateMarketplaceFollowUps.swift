import Fluent

/// What a mutual challenge–solution pair became: one row per pair with the lead on a centre's
/// board and the draft proposal (each once, nullable until made), and the meeting requests made
/// for it at events.
struct CreateMarketplaceFollowUps: AsyncMigration {
    static let indexes = [IndexSpec("marketplace_pair_meetings_pair", on: "marketplace_pair_meetings", "challenge_id", "solution_id", "created_at")]

    func prepare(on database: any Database) async throws {
        try await database.schema("marketplace_pairs")
            .id()
            .field("challenge_id", .uuid, .required, .references("challenges", "id"))
            .field("solution_id", .uuid, .required, .references("solutions", "id"))
            .field("lead_id", .uuid)
            .field("lead_centre_id", .uuid)
            .field("proposal_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "challenge_id", "solution_id")
            .create()
        try await database.schema("marketplace_pair_meetings")
            .id()
            .field("challenge_id", .uuid, .required, .references("challenges", "id"))
            .field("solution_id", .uuid, .required, .references("solutions", "id"))
            .field("event_id", .uuid, .required)
            .field("request_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
        for table in ["marketplace_pair_meetings", "marketplace_pairs"] { try await database.schema(table).delete() }
    }
}
