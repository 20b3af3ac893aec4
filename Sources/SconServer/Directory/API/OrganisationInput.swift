import SconDomain
import Vapor

/// The body of `POST /api/v1/organisations` and `PATCH /api/v1/organisations/{id}`.
struct OrganisationInput: Decodable, Sendable {
    var name: LocalizedTextInput?
    var acronym: PatchField<String>
    var type: String?
    var country: String?
    var sectors: [String]?
    var website: PatchField<String>
    var description: LocalizedTextInput?

    static let keys: Set<String> = ["name", "acronym", "type", "country", "sectors", "website", "description"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Self.keys, nonEmpty: true)
        name = try container.value("name", as: LocalizedTextInput.self)
        acronym = try container.patch(String.self, forKey: AnyCodingKey("acronym"))
        type = try container.value("type", as: String.self)
        country = try container.value("country", as: String.self)
        sectors = try container.value("sectors", as: [String].self)
        website = try container.patch(String.self, forKey: AnyCodingKey("website"))
        description = try container.value("description", as: LocalizedTextInput.self)
    }

    /// The draft for a new organisation.
    var draft: OrganisationDraft {
        applied(to: OrganisationDraft())
    }

    /// `base` with the fields this input names replaced.
    func applied(to base: OrganisationDraft) -> OrganisationDraft {
        var draft = base
        if let name { draft.nameEn = name.en ?? draft.nameEn; draft.nameKo = name.ko ?? draft.nameKo }
        draft.acronym = acronym.applied(to: draft.acronym)
        if let type { draft.type = type }
        if let country { draft.country = country }
        if let sectors { draft.sectors = sectors }
        draft.website = website.applied(to: draft.website)
        if let description { draft.descriptionEn = description.en ?? draft.descriptionEn; draft.descriptionKo = description.ko ?? draft.descriptionKo }
        return draft
    }
}
