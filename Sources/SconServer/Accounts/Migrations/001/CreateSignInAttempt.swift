import Fluent
import SQLKit

struct CreateSignInAttempt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_attempts")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_attempts_email").on("sign_in_attempts").column("email").column("at").run()
        try await sql.create(index: "sign_in_attempts_address").on("sign_in_attempts").column("address").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_attempts").delete()
    }
}
