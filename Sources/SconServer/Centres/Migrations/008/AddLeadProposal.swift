import Fluent

/// The draft proposal of an open call a lead became (once), kept on the lead's board entry.
struct AddLeadProposal: AsyncMigration {
    static let indexes = [IndexSpec("centre_leads_proposal", on: "centre_leads", "proposal_id")]

    func prepare(on database: any Database) async throws {
        try await database.schema("centre_leads").field("proposal_id", .uuid).update()
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
        try await database.schema("centre_leads").deleteField("proposal_id").update()
    }
}
