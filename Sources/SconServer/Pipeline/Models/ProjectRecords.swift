import Fluent
import Foundation
import SconDomain

/// An organisation taking part in a project, in one role.
final class ProjectParticipant: Model, @unchecked Sendable {
    static let schema = "project_participants"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "role") var role: String

    init() {}
}

/// A document the project owes (a study report, terms of reference…), in versions.
final class Deliverable: Model, @unchecked Sendable {
    static let schema = "deliverables"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// Public documents are on the portal; the others only for the project's participants and officers.
    @Field(key: "public") var isPublic: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One version of a deliverable; an officer approves a version.
final class DeliverableVersion: Model, @unchecked Sendable {
    static let schema = "deliverable_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "deliverable_id") var deliverableID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "note") var note: String
    @Field(key: "submitted_by") var submittedBy: UUID
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalField(key: "approved_by") var approvedBy: UUID?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    /// The document itself (PDF, PNG or JPEG, checked by content), when one was uploaded.
    @OptionalField(key: "filename") var filename: String?
    @OptionalField(key: "media_type") var mediaType: String?
    @OptionalField(key: "size") var size: Int?
    @OptionalField(key: "sha256") var sha256: String?
    @OptionalField(key: "content") var content: Data?

    init() {}
}

/// A step of the work with its planned and actual days.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "planned") var planned: String
    @OptionalField(key: "actual") var actual: String?

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
}

/// The tender for the Korean consultancy that delivers the support, against terms of reference
/// agreed with the applicant government; awarded to one bid.
final class Tender: Model, @unchecked Sendable {
    static let schema = "tenders"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "terms") var terms: String
    @Field(key: "agreed_on") var agreedOn: String
    @Field(key: "closes_on") var closesOn: String
    @OptionalField(key: "awarded_bid_id") var awardedBidID: UUID?
    @OptionalField(key: "awarded_at") var awardedAt: Date?

    init() {}
}

/// A consultancy's bid: its price and the technical score the evaluation gave it.
final class Bid: Model, @unchecked Sendable {
    static let schema = "bids"

    @ID(key: .id) var id: UUID?
    @Field(key: "tender_id") var tenderID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "amount_krw") var amountKRW: Int
    @Field(key: "technical_score") var technicalScore: Int

    init() {}
}

/// A results indicator with its baseline; values per period in `IndicatorPeriod`.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "result_type") var resultType: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "measure") var measure: String
    @Field(key: "baseline_year") var baselineYear: Int
    @Field(key: "baseline_value") var baselineValue: String

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
}

final class IndicatorPeriod: Model, @unchecked Sendable {
    static let schema = "indicator_periods"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "start") var start: String
    @Field(key: "end") var end: String
    @OptionalField(key: "target") var target: String?
    @OptionalField(key: "actual") var actual: String?

    init() {}
}

/// Why a readiness flag is acceptable: the flag turns from red to "justified".
final class ReadinessJustification: Model, @unchecked Sendable {
    static let schema = "readiness_justifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "flag") var flag: String
    @Field(key: "reason") var reason: String
    @Field(key: "justified_by") var justifiedBy: UUID
    @Field(key: "justified_at") var justifiedAt: Date

    init() {}
}
