import Fluent
import Foundation
import SconDomain

/// A reviewer's expertise and load limit (one per user).
final class ReviewerProfileRecord: Model, @unchecked Sendable {
    static let schema = "reviewer_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "sectors") var sectors: String
    @Field(key: "countries") var countries: String
    @Field(key: "languages") var languages: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "available") var available: Bool
    /// Periods of absence, `start/end` separated by `;`.
    @Field(key: "unavailable") var unavailable: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var profile: ReviewerProfile {
        get throws {
            ReviewerProfile(sectors: try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) }, countries: try Self.storedList(countries, separator: ",", "countries") { CountryCode($0) },
                            languages: try Self.storedList(languages, separator: ",", "languages") { Language(rawValue: $0) },
                            capacity: capacity, available: available,
                            unavailable: try Self.storedList(unavailable, separator: ";", "unavailable") { DayRange(Substring($0)) })
        }
    }

    func apply(_ profile: ReviewerProfile) {
        sectors = Sector.storageText(profile.sectors)
        countries = profile.countries.map(\.value).joined(separator: ",")
        languages = profile.languages.map(\.rawValue).joined(separator: ",")
        capacity = profile.capacity
        available = profile.available
        unavailable = profile.unavailable.map(\.description).joined(separator: ";")
    }
}

/// A conflict of interest a reviewer declared for a proposal.
final class ReviewConflict: Model, @unchecked Sendable {
    static let schema = "review_conflicts"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "reason") var reason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One reviewer on one proposal: assigned (by the solver or pinned by an officer) or removed
/// by an officer (a removed pair stays out when the rest is solved again).
final class ReviewAssignment: Model, @unchecked Sendable {
    static let schema = "review_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "status") var status: String
    @Field(key: "pinned") var pinned: Bool
    @Field(key: "affinity") var affinity: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    static let assigned = "assigned"
    static let removed = "removed"
}

/// A reviewer's scores and comment for one assigned proposal: a draft until submitted.
final class Review: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "scores") var scoresJSON: String
    @Field(key: "comment") var comment: String
    @Field(key: "private_note") var privateNote: String
    @Field(key: "state") var state: String
    @OptionalField(key: "total") var total: Int?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var scores: [String: Int] {
        get throws { try Self.storedJSON(scoresJSON, "scores") }
    }

    func setScores(_ scores: [String: Int]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        scoresJSON = (try? encoder.encode(scores)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
