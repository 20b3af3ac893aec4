import Fluent
import SQLKit

struct CreateAttachment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("attachments")
            .id()
            .field("proposal_id", .uuid, .required, .references("proposals", "id", onDelete: .cascade))
            .field("document_index", .int)
            .field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "attachments_proposal").on("attachments").column("proposal_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("attachments").delete()
    }
}
