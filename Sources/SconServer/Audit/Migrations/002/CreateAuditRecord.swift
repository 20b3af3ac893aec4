import Fluent
import SQLKit

struct CreateAuditRecord: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field("sequence", .int64, .identifier(auto: false))
            .field("recorded_at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_entries_subject").on("audit_entries").column("subject").column("sequence").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
