import Fluent
import Foundation
import SconDomain

/// A proposal to a call by an organisation, for a city, asking for a support type.
final class Proposal: Model, @unchecked Sendable {
    static let schema = "proposals"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "city_id") var cityID: UUID
    @Field(key: "country_code") var countryCode: String
    @OptionalField(key: "code") var code: String?
    @Field(key: "state") var state: String
    @Field(key: "title") var title: String
    @Field(key: "problem") var problem: String
    @Field(key: "objectives") var objectives: String
    @Field(key: "support_type") var supportType: String
    @Field(key: "budget") var budget: Int
    @Field(key: "counterpart") var counterpart: String
    @Field(key: "language") var language: String
    @Field(key: "sample") var sample: Bool
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var proposalState: ProposalState { get throws { try Self.known(state, "state") } }
    var country: CountryCode { CountryCode(countryCode)! }

    func apply(_ fields: ProposalDraft.Fields, country: CountryCode) {
        cityID = fields.cityID
        countryCode = country.value
        title = fields.title
        problem = fields.problem
        objectives = fields.objectives
        supportType = fields.supportType.rawValue
        budget = fields.budget
        counterpart = fields.counterpart
        language = fields.language.rawValue
    }

    var fields: ProposalDraft.Fields {
        get throws {
        ProposalDraft.Fields(cityID: cityID, title: title, problem: problem, objectives: objectives,
                             supportType: try Self.known(supportType, "support_type"), budget: budget,
                             counterpart: counterpart, language: try Self.known(language, "language"))
        }
    }
}

/// One place in a country's ranked endorsement of its proposals to a call.
final class Endorsement: Model, @unchecked Sendable {
    static let schema = "endorsements"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "country_code") var countryCode: String
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "rank") var rank: Int
    @OptionalField(key: "endorsed_by") var endorsedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
