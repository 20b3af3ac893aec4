import Fluent
import Foundation
import SconDomain

/// A project on the way from a study to the main project. Projects of the open call are
/// created by the decision, one per selected proposal, at stage `selected`.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    @OptionalField(key: "call_id") var callID: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "city_id") var cityID: UUID
    @Field(key: "country_code") var countryCode: String
    @Field(key: "title") var title: String
    @Field(key: "support_type") var supportType: String
    @Field(key: "stage") var stage: String
    /// The sectors, stored as `Sector.storageText` (`,transport,water,`).
    @Field(key: "sectors") var sectors: String
    @Field(key: "description_en") var descriptionEn: String
    @Field(key: "description_ko") var descriptionKo: String
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var projectStage: ProjectStage { get throws { try Self.known(stage, "stage") } }
    /// The sectors, stored as `,a,b,`.
    var sectorList: [Sector] { get throws { try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) } } }
    var description: LocalizedText { LocalizedText(en: descriptionEn, ko: descriptionKo) }
}
