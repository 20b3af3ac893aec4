import Fluent
import SQLKit

/// When a call's results were published: the start of the appeal period.
struct AddCallPublishedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calls").field("published_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("calls").deleteField("published_at").update()
    }
}
