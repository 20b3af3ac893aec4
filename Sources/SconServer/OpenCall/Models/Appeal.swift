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
