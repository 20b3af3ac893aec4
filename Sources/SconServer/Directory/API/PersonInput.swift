import SconDomain
import Vapor

/// The body of `POST /api/v1/organisations/{id}/people` and `PATCH /api/v1/people/{id}`.
struct PersonInput: Decodable, Sendable {
    var name: String?
    var title: LocalizedTextInput?
    var email: PatchField<String>
    var phone: PatchField<String>

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(["name", "title", "email", "phone"])
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        name = try container.value("name", as: String.self)
        title = try container.value("title", as: LocalizedTextInput.self)
        email = try container.patch(String.self, forKey: AnyCodingKey("email"))
        phone = try container.patch(String.self, forKey: AnyCodingKey("phone"))
    }

    func applied(to base: PersonDraft) -> PersonDraft {
        var draft = base
        if let name { draft.name = name }
        if let title { draft.titleEn = title.en ?? draft.titleEn; draft.titleKo = title.ko ?? draft.titleKo }
        draft.email = email.applied(to: draft.email)
        draft.phone = phone.applied(to: draft.phone)
        return draft
    }
}
