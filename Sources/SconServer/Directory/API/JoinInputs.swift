import Foundation
import SconDomain
import Vapor

/// `POST /api/v1/organisations/{id}/join-requests`.
struct JoinRequestInput: Decodable, Sendable {
    var message: String?

    enum Field: String, CodingKey, CaseIterable { case message }

    init(from decoder: any Decoder) throws {
        message = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .message)
    }
}

/// `POST /api/v1/join-requests/{id}/decision` and `POST /api/v1/organisation-registrations/{id}/decision`.
struct JoinDecisionInput: Decodable, Sendable {
    var decision: String?
    var reason: String?

    enum Field: String, CodingKey, CaseIterable { case decision, reason }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        decision = try c.decodeIfPresent(String.self, forKey: .decision)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
    }
}

/// `POST /api/v1/organisation-registrations`.
struct OrganisationRegistrationInput: Decodable, Sendable {
    var draft: OrganisationDraft
    var city: String?

    enum Field: String, CodingKey, CaseIterable { case name, type, country, city, website }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let name = try c.decodeIfPresent(LocalizedTextInput.self, forKey: .name)
        draft = OrganisationDraft(nameEn: name?.en, nameKo: name?.ko, type: try c.decodeIfPresent(String.self, forKey: .type),
                                  country: try c.decodeIfPresent(String.self, forKey: .country),
                                  website: try c.decodeIfPresent(String.self, forKey: .website))
        city = try c.decodeIfPresent(String.self, forKey: .city)
    }

}
