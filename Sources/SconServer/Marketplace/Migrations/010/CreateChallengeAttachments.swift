import Fluent

/// The files attached to challenges (PDF, PNG, JPEG; kept in the database like proposals' attachments).
struct CreateChallengeAttachments: AsyncMigration {
    static let indexes = [IndexSpec("challenge_attachments_challenge", on: "challenge_attachments", "challenge_id", "created_at")]

    func prepare(on database: any Database) async throws {
        try await database.schema("challenge_attachments")
            .id()
            .field("challenge_id", .uuid, .required, .references("challenges", "id"))
            .field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
        try await database.schema("challenge_attachments").delete()
    }
}
