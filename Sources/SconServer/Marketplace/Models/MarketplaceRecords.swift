import Fluent
import Foundation
import SconDomain

/// One side's "we are interested" for a challenge–solution pair; both sides' make a match.
final class MarketplaceInterest: Model, @unchecked Sendable {
    static let schema = "marketplace_interests"

    @ID(key: .id) var id: UUID?
    @Field(key: "challenge_id") var challengeID: UUID
    @Field(key: "solution_id") var solutionID: UUID
    /// `challenge` or `solution`: whose side said it.
    @Field(key: "side") var side: String
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "by") var by: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A message in the conversation of a pair, once both sides are interested.
final class MarketplaceMessage: Model, @unchecked Sendable {
    static let schema = "marketplace_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "challenge_id") var challengeID: UUID
    @Field(key: "solution_id") var solutionID: UUID
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// What a mutual pair became: its lead on a centre's board and its draft proposal (each once).
final class MarketplacePair: Model, @unchecked Sendable {
    static let schema = "marketplace_pairs"

    @ID(key: .id) var id: UUID?
    @Field(key: "challenge_id") var challengeID: UUID
    @Field(key: "solution_id") var solutionID: UUID
    /// The lead (`centre_leads`) on the board of `leadCentreID`.
    @OptionalField(key: "lead_id") var leadID: UUID?
    @OptionalField(key: "lead_centre_id") var leadCentreID: UUID?
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A meeting request made for a mutual pair at an event where both sides are registered.
final class MarketplacePairMeeting: Model, @unchecked Sendable {
    static let schema = "marketplace_pair_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "challenge_id") var challengeID: UUID
    @Field(key: "solution_id") var solutionID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A file attached to a challenge (checked by the open call's `AttachmentRules`).
final class ChallengeAttachment: Model, @unchecked Sendable {
    static let schema = "challenge_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "challenge_id") var challengeID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
