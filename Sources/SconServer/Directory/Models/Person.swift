import Fluent
import SconDomain
import Vapor

/// A contact person of an organisation. E-mail and phone are shown to signed-in members only.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    func apply(_ fields: PersonDraft.Fields) {
        name = fields.name
        titleEn = fields.title.en
        titleKo = fields.title.ko
        email = fields.email?.value
        phone = fields.phone
    }

    var fields: PersonDraft.Fields {
        PersonDraft.Fields(name: name, title: LocalizedText(en: titleEn, ko: titleKo),
                           email: email.flatMap(EmailAddress.init), phone: phone)
    }
}
