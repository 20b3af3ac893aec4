import Fluent
import Foundation
import SconDomain

/// An open call (a round of K-SCON). Its rules live in `terms`, the JSON of
/// `SconDomain.CallTerms`; `opens_at` and `closes_at` repeat the schedule's UTC instants so
/// that deadlines can be queried.
final class Call: Model, @unchecked Sendable {
    static let schema = "calls"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "seed_key") var seedKey: String?
    @Field(key: "state") var state: String
    @Field(key: "terms") var termsJSON: String
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "sample") var sample: Bool
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// The last day of the review (`YYYY-MM-DD`), set when reviewers are assigned.
    @OptionalField(key: "reviews_due") var reviewsDue: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var callState: CallState { get throws { try Self.known(state, "state") } }

    func terms() throws -> CallTerms {
        try CallTermsCoding.decoder.decode(CallTerms.self, from: Data(termsJSON.utf8))
    }

    func apply(_ terms: CallTerms) throws {
        termsJSON = String(decoding: try CallTermsCoding.encoder.encode(terms), as: UTF8.self)
        opensAt = terms.schedule.opensAt
        closesAt = terms.schedule.closesAt
    }
}

/// How `CallTerms` is kept in the `terms` column: sorted keys, dates in ISO 8601 UTC.
enum CallTermsCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
