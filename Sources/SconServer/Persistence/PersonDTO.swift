import Fluent
import SconDomain
import Vapor

/// A contact person; e-mail and phone only for signed-in readers.
struct PersonDTO: Content, Sendable {
    var id: UUID
    var organisationId: UUID
    var name: String
    var title: LocalizedText
    var email: String?
    var phone: String?
    var sample: Bool

    init(_ model: Person, showContactDetails: Bool) throws {
        id = try model.requireID()
        organisationId = model.organisationID
        name = model.name
        title = LocalizedText(en: model.titleEn, ko: model.titleKo)
        email = showContactDetails ? model.email : nil
        phone = showContactDetails ? model.phone : nil
        sample = model.sample
    }

    /// Encodes `email` and `phone` as null rather than leaving them out, as the OpenAPI document says.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(organisationId, forKey: .organisationId)
        try container.encode(name, forKey: .name)
        try container.encode(title, forKey: .title)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(sample, forKey: .sample)
    }
}

struct PersonQuery: Sendable {
    let db: any Database

    func of(organisation id: UUID, showContactDetails: Bool) async throws -> [PersonDTO] {
        try await Person.query(on: db).filter(\.$organisationID == id).sort(\.$name).all()
            .map { try PersonDTO($0, showContactDetails: showContactDetails) }
    }
}
