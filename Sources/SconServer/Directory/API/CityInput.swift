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

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(["name", "country", "latitude", "longitude", "population", "kind"])
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        name = try container.value("name", as: LocalizedTextInput.self)
        country = try container.value("country", as: String.self)
        latitude = try container.value("latitude", as: Double.self)
        longitude = try container.value("longitude", as: Double.self)
        population = try container.patch(Int.self, forKey: AnyCodingKey("population"))
        kind = try container.value("kind", as: String.self)
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
