import Foundation
import Vapor

/// The API of the directory.
enum DirectoryAPI: APIRoute {
    case countries
    case country(Parameter<String>)
    case sectors
    case cities
    case city(Parameter<UUID>)
    case organisations
    case organisation(Parameter<UUID>)
    case organisationPeople(Parameter<UUID>)
    case person(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .countries: return ["countries"]
        case .country(let code): return ["countries", Self.segment(.code, code)]
        case .sectors: return ["sectors"]
        case .cities: return ["cities"]
        case .city(let id): return ["cities", Self.segment(.id, id)]
        case .organisations: return ["organisations"]
        case .organisation(let id): return ["organisations", Self.segment(.id, id)]
        case .organisationPeople(let id): return ["organisations", Self.segment(.id, id), "people"]
        case .person(let id): return ["people", Self.segment(.id, id)]
        }
    }
}
