import SconDomain
import Vapor

/// The body of `POST /api/v1/organisations/{id}/people` and `PATCH /api/v1/people/{id}`.
struct PersonInput: Decodable, Sendable {
    var name: String?
    var title: LocalizedTextInput?
    var email: PatchField<String>
    var phone: PatchField<String>

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case name, title, email, phone
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self)
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        name = try container.decodeIfPresent(String.self, forKey: .name)
        title = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .title)
        email = try container.patch(String.self, forKey: .email)
        phone = try container.patch(String.self, forKey: .phone)
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
