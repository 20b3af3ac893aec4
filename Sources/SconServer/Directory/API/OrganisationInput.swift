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

    /// The fields of the body, declared once: decoding and the check for unknown fields use them.

    enum Field: String, CodingKey, CaseIterable {

        case name, acronym, type, country, sectors, website, description

    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self, nonEmpty: true)
        name = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .name)
        acronym = try container.patch(String.self, forKey: .acronym)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        sectors = try container.decodeIfPresent([String].self, forKey: .sectors)
        website = try container.patch(String.self, forKey: .website)
        description = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .description)
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
