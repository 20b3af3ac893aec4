import SconDomain
import Vapor

/// The body of `POST /api/v1/cities` and `PATCH /api/v1/cities/{id}`.
struct CityInput: Decodable, Sendable {
    var name: LocalizedTextInput?
    var country: String?
    var latitude: Double?
    var longitude: Double?
    var population: PatchField<Int>
    var kind: String?

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case name, country, latitude, longitude, population, kind
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self)
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        name = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .name)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        latitude = try container.decodeIfPresent(Double.self, forKey: .latitude)
        longitude = try container.decodeIfPresent(Double.self, forKey: .longitude)
        population = try container.patch(Int.self, forKey: .population)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
    }

    func applied(to base: CityDraft) -> CityDraft {
        var draft = base
        if let name { draft.nameEn = name.en ?? draft.nameEn; draft.nameKo = name.ko ?? draft.nameKo }
        if let country { draft.country = country }
        if let latitude { draft.latitude = latitude }
        if let longitude { draft.longitude = longitude }
        draft.population = population.applied(to: draft.population)
        if let kind { draft.kind = kind }
        return draft
    }
}
