import Fluent
import SQLKit

/// Agreements' follow-up milestones (dated records) and their documents (a PDF each, kept in
/// the database like proposals' attachments).
struct CreateAgreementFollowUp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreement_milestones")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id"))
            .field("title_en", .string, .required)
            .field("title_ko", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema("agreement_documents")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id"))
            .field("filename", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "agreement_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "agreement_milestones_agreement").on("agreement_milestones").column("agreement_id").column("due_on").run()
        try await sql.create(index: "agreement_milestones_open").on("agreement_milestones").column("done_on").column("due_on").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["agreement_documents", "agreement_milestones"] { try await database.schema(table).delete() }
    }
}
