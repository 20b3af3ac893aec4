import Fluent
import Foundation
import SQLKit

/// A booking's idempotency record names the transaction it made, so that a retry's answer is
/// rendered from the ledger instead of a stored copy of the JSON. Earlier records get the id
/// their stored answer names.
struct UpdateIdempotencyKeysAddResult: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("idempotency_keys").field("result_id", .uuid).update()
        let sql = database as! any SQLDatabase
        struct Row: Decodable { var id: UUID; var body: String }
        struct Answer: Decodable { var id: UUID }
        for row in try await sql.raw("SELECT id, body FROM idempotency_keys").all(decoding: Row.self) {
            guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(row.body.utf8)) else { continue }
            try await sql.update("idempotency_keys").set("result_id", to: SQLBind(answer.id)).where("id", .equal, SQLBind(row.id)).run()
        }
        try await sql.create(index: "ledger_transactions_project").on("ledger_transactions").column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "ledger_transactions_project").run()
        try await database.schema("idempotency_keys").deleteField("result_id").update()
    }
}
