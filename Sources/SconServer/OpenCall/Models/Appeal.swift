import Fluent
import Foundation
import SconDomain

/// An applicant's appeal of its proposal's published result, and the officer's answer.
final class Appeal: Model, @unchecked Sendable {
    static let schema = "appeals"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "text") var text: String
    @Field(key: "lodged_by") var lodgedBy: UUID
    @Field(key: "lodged_at") var lodgedAt: Date
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "upheld") var upheld: Bool?
    @OptionalField(key: "answered_by") var answeredBy: UUID?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

struct CreateAppeal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Appeal.schema)
            .id()
            .field("call_id", .uuid, .required, .references(Call.schema, "id"))
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id"))
            .field("text", .string, .required)
            .field("lodged_by", .uuid, .required)
            .field("lodged_at", .datetime, .required)
            .field("answer", .string)
            .field("upheld", .bool)
            .field("answered_by", .uuid)
            .field("answered_at", .datetime)
            .unique(on: "proposal_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Appeal.schema).delete()
    }
}

/// When a call's results were published: the start of the appeal period.
struct AddCallPublishedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Call.schema).field("published_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Call.schema).deleteField("published_at").update()
    }
}
