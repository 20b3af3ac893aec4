import Fluent
import SQLKit

/// One hash chain per aggregate: each entry names its chain and its place in it. The entries
/// written before are the registry chain `""` in their old format (version 1), their place in
/// the chain being their sequence. On PostgreSQL a sequence numbers the entries, so that
/// writers of different chains share no lock.
struct UpdateAuditEntriesAddChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field("chain", .string, .required, .sql(.default("")))
            .update()
        try await database.schema("audit_entries")
            .field("chain_sequence", .int64, .required, .sql(.default(0)))
            .update()
        try await database.schema("audit_entries")
            .field("version", .int64, .required, .sql(.default(1)))
            .update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE audit_entries SET chain_sequence = sequence").run()
        try await sql.create(index: "audit_entries_chain").on("audit_entries").column("chain").column("chain_sequence").unique().run()
        if sql.dialect.name == "postgresql" {
            struct Last: Decodable { var last: Int? }
            let last = try await sql.raw("SELECT MAX(sequence) AS last FROM audit_entries").first(decoding: Last.self)?.last ?? 0
            try await sql.raw("CREATE SEQUENCE audit_entries_sequence START WITH \(unsafeRaw: String(last + 1))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP SEQUENCE IF EXISTS audit_entries_sequence").run()
        }
        try await sql.drop(index: "audit_entries_chain").run()
        try await database.schema("audit_entries").deleteField("version").update()
        try await database.schema("audit_entries").deleteField("chain_sequence").update()
        try await database.schema("audit_entries").deleteField("chain").update()
    }
}
