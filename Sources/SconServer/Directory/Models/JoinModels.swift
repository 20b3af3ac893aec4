import Fluent
import SconDomain
import Vapor

/// A person's request to join an organisation (`JoinRequest`).
final class JoinRequestRecord: Model, @unchecked Sendable {
    static let schema = "organisation_join_requests"

    @ID(key: .id) var id: UUID?
    /// Null once the requester's account is erased.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "message") var message: String
    @Field(key: "state") var state: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "requested_at") var requestedAt: Date

    init() {}

    init(_ request: JoinRequest, at now: Date) {
        id = request.id
        requestedAt = now
        apply(request)
    }

    func apply(_ request: JoinRequest) {
        userID = request.user
        organisationID = request.organisation
        message = request.message
        state = request.state.rawValue
        decidedBy = request.decidedBy
        decidedAt = request.decidedAt
        reason = request.reason
    }

    var joinState: JoinRequestState { get throws { try Self.known(state, "state") } }

    /// The domain value; a request whose account was erased has no requester any more.
    var request: JoinRequest {
        get throws {
            guard let userID else { throw DomainError.notFound("join request") }
            return JoinRequest(id: storedID, user: userID, organisation: organisationID, message: message, state: try joinState,
                               decidedBy: decidedBy, decidedAt: decidedAt, reason: reason)
        }
    }
}

/// An organisation proposed for the directory (`OrganisationRegistration`).
final class OrganisationRegistrationRecord: Model, @unchecked Sendable {
    static let schema = "organisation_registrations"

    @ID(key: .id) var id: UUID?
    /// Null once the proposer's account is erased.
    @OptionalField(key: "proposer_id") var proposerID: UUID?
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @Field(key: "type") var type: String
    @Field(key: "country_code") var countryCode: String
    @OptionalField(key: "city_id") var cityID: UUID?
    @OptionalField(key: "website") var website: String?
    @Field(key: "state") var state: String
    /// The organisation the approval created.
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "proposed_at") var proposedAt: Date

    init() {}

    init(_ registration: OrganisationRegistration, at now: Date) {
        id = registration.id
        proposedAt = now
        apply(registration)
    }

    func apply(_ registration: OrganisationRegistration) {
        proposerID = registration.proposer
        nameEn = registration.fields.name.en
        nameKo = registration.fields.name.ko
        type = registration.fields.type.rawValue
        countryCode = registration.fields.country.value
        cityID = registration.city
        website = registration.fields.website
        state = registration.state.rawValue
        decidedBy = registration.decidedBy
        decidedAt = registration.decidedAt
        reason = registration.reason
    }

    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }
    var registrationState: OrganisationRegistrationState { get throws { try Self.known(state, "state") } }

    var registration: OrganisationRegistration {
        get throws {
            guard let proposerID else { throw DomainError.notFound("registration") }
            guard let country = CountryCode(countryCode) else { throw UnknownStoredValue(table: Self.schema, column: "country_code", value: countryCode) }
            let fields = OrganisationDraft.Fields(name: name, acronym: nil, type: try Self.known(type, "type"), country: country, sectors: [],
                                                  website: website, description: LocalizedText(en: "", ko: ""))
            return OrganisationRegistration(id: storedID, proposer: proposerID, fields: fields, city: cityID, state: try registrationState,
                                            decidedBy: decidedBy, decidedAt: decidedAt, reason: reason)
        }
    }
}
