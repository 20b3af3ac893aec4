import Fluent

/// What an event is linked to: a call of the open call, pipeline projects (`kind` call or
/// project, the target's id), in the order the organiser gave.
struct CreateEventLinks: AsyncMigration {
    static let indexes = [IndexSpec("centre_event_links_target", on: "centre_event_links", "kind", "target_id")]

    func prepare(on database: any Database) async throws {
        try await database.schema("centre_event_links")
            .id()
            .field("event_id", .uuid, .required, .references("centre_events", "id"))
            .field("kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("position", .int, .required)
            .unique(on: "event_id", "kind", "target_id")
            .create()
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
        try await database.schema("centre_event_links").delete()
    }
}
