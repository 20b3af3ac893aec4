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
    case joinRequestsOf(Parameter<UUID>)
    case joinRequests
    case joinRequestDecision(Parameter<UUID>)
    case registrations
    case registrationDecision(Parameter<UUID>)

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
        case .joinRequestsOf(let id): return ["organisations", Self.segment(.id, id), "join-requests"]
        case .joinRequests: return ["join-requests"]
        case .joinRequestDecision(let id): return ["join-requests", Self.segment(.id, id), "decision"]
        case .registrations: return ["organisation-registrations"]
        case .registrationDecision(let id): return ["organisation-registrations", Self.segment(.id, id), "decision"]
        }
    }
}
