import Foundation
import Vapor

/// The pages of the directory: countries, cities, organisations and their people.
enum DirectoryURL: SiteRoute {
    case countries
    case country(Parameter<String>)
    case cities
    case city(Parameter<UUID>)
    case organisations
    case organisation(Parameter<UUID>)
    case organisationNew
    case organisationEdit(Parameter<UUID>)
    case organisationPeople(Parameter<UUID>)
    case person(Parameter<UUID>)
    case personDelete(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .countries: return ["countries"]
        case .country(let code): return ["countries", Self.segment(.code, code)]
        case .cities: return ["cities"]
        case .city(let id): return ["cities", Self.segment(.id, id)]
        case .organisations: return ["organisations"]
        case .organisation(let id): return ["organisations", Self.segment(.id, id)]
        case .organisationNew: return ["organisations", "new"]
        case .organisationEdit(let id): return ["organisations", Self.segment(.id, id), "edit"]
        case .organisationPeople(let id): return ["organisations", Self.segment(.id, id), "people"]
        case .person(let id): return ["people", Self.segment(.id, id)]
        case .personDelete(let id): return ["people", Self.segment(.id, id), "delete"]
        }
    }
}
