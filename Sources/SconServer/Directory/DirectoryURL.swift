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
    /// The person's organisations: join one, propose a new one, the requests and their state.
    case myOrganisations
    case join
    case joinRequestDecision(Parameter<UUID>)
    case joinRequestWithdraw(Parameter<UUID>)
    case register
    /// The office's list of proposed organisations.
    case registrations
    case registrationDecision(Parameter<UUID>)
    /// Help and contact.
    case help

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
        case .myOrganisations: return ["account", "organisations"]
        case .join: return ["organisations", "join"]
        case .joinRequestDecision(let id): return ["join-requests", Self.segment(.id, id), "decision"]
        case .joinRequestWithdraw(let id): return ["join-requests", Self.segment(.id, id), "withdraw"]
        case .register: return ["organisations", "register"]
        case .registrations: return ["organisations", "registrations"]
        case .registrationDecision(let id): return ["organisations", "registrations", Self.segment(.id, id), "decision"]
        case .help: return ["help"]
        }
    }
}
