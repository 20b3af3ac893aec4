import Fluent
import SconDomain
import Vapor

/// A contact person; e-mail and phone only for signed-in readers.
struct PersonDTO: JSONWritable {
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

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("organisationId", organisationId)
            $0.field("name", name)
            $0.field("title", title)
            $0.field("email", email)
            $0.field("phone", phone)
            $0.field("sample", sample)
        }
    }
}

struct PersonQuery: Sendable {
    let db: any Database

    func of(organisation id: UUID, showContactDetails: Bool) async throws -> [PersonDTO] {
        try await Person.query(on: db).filter(\.$organisationID == id).sort(\.$name).all()
            .map { try PersonDTO($0, showContactDetails: showContactDetails) }
    }
}
