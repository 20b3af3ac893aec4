import Foundation
import SconDomain
import Vapor

/// A path parameter: `.key` when a route is registered, `.value` when a link is built.
enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)
}

/// Every page of the web interface, once: the same case registers the route and builds the
/// link, so that no URL string is typed twice (after SwiftPackageIndex-Server's SiteURL).
enum SiteURL: Sendable {
    case home
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
    case signIn
    case signUp
    case signOut
    case account
    case accountTokens
    case accountToken(Parameter<UUID>)
    case adminUsers
    case adminUserGrants(Parameter<UUID>)
    case adminGrant(Parameter<UUID>)
    case calls
    case call(Parameter<UUID>)
    case callNew
    case callEdit(Parameter<UUID>)
    case callTransition(Parameter<UUID>)
    case callProposalNew(Parameter<UUID>)
    case callEndorsement(Parameter<UUID>, Parameter<String>)
    case proposals
    case proposal(Parameter<UUID>)
    case proposalEdit(Parameter<UUID>)
    case proposalSubmit(Parameter<UUID>)
    case proposalWithdraw(Parameter<UUID>)
    case proposalAttachments(Parameter<UUID>)
    case reviewerProfile
    case reviews
    case review(Parameter<UUID>)
    case callConflicts(Parameter<UUID>)
    case callAssignment(Parameter<UUID>)
    case callAssignmentPair(Parameter<UUID>)
    case callDecision(Parameter<UUID>)
    case proposalAppeal(Parameter<UUID>)
    case projects
    case project(Parameter<UUID>)
    case projectStage(Parameter<UUID>)
    case projectReadiness(Parameter<UUID>)
    case projectApproval(Parameter<UUID>, Parameter<UUID>)
    case projectBooking(Parameter<UUID>)
    case projectEdit(Parameter<UUID>, Parameter<String>)
    case fund
    case proposalAppealAnswer(Parameter<UUID>)
    case attachmentDelete(Parameter<UUID>)
    case language(Parameter<String>)
    case area(Area)
    case stylesheet
    case mapImage

    /// The parts of the platform whose own issues are still open; each has a page saying so.
    enum Area: String, Sendable, CaseIterable {
        case marketplace, centres, training, agreements, portal
    }

    var pathComponents: [PathComponent] {
        func param<T>(_ name: String, _ parameter: Parameter<T>) -> PathComponent {
            switch parameter {
            case .key: .parameter(name)
            case .value(let value): .constant(Self.text(value))
            }
        }
        switch self {
        case .home: return []
        case .countries: return ["countries"]
        case .country(let code): return ["countries", param("code", code)]
        case .cities: return ["cities"]
        case .city(let id): return ["cities", param("id", id)]
        case .organisations: return ["organisations"]
        case .organisation(let id): return ["organisations", param("id", id)]
        case .organisationNew: return ["organisations", "new"]
        case .organisationEdit(let id): return ["organisations", param("id", id), "edit"]
        case .organisationPeople(let id): return ["organisations", param("id", id), "people"]
        case .person(let id): return ["people", param("id", id)]
        case .personDelete(let id): return ["people", param("id", id), "delete"]
        case .signIn: return ["signin"]
        case .signUp: return ["signup"]
        case .signOut: return ["signout"]
        case .account: return ["account"]
        case .accountTokens: return ["account", "tokens"]
        case .accountToken(let id): return ["account", "tokens", param("id", id), "revoke"]
        case .adminUsers: return ["admin", "users"]
        case .adminUserGrants(let id): return ["admin", "users", param("id", id), "grants"]
        case .adminGrant(let id): return ["admin", "grants", param("id", id), "revoke"]
        case .calls: return ["calls"]
        case .call(let id): return ["calls", param("id", id)]
        case .callNew: return ["calls", "new"]
        case .callEdit(let id): return ["calls", param("id", id), "edit"]
        case .callTransition(let id): return ["calls", param("id", id), "state"]
        case .callProposalNew(let id): return ["calls", param("id", id), "proposals", "new"]
        case .callEndorsement(let id, let country): return ["calls", param("id", id), "endorsements", param("country", country)]
        case .proposals: return ["proposals"]
        case .proposal(let id): return ["proposals", param("id", id)]
        case .proposalEdit(let id): return ["proposals", param("id", id), "edit"]
        case .proposalSubmit(let id): return ["proposals", param("id", id), "submit"]
        case .proposalWithdraw(let id): return ["proposals", param("id", id), "withdraw"]
        case .proposalAttachments(let id): return ["proposals", param("id", id), "attachments"]
        case .reviewerProfile: return ["account", "reviewer"]
        case .reviews: return ["reviews"]
        case .review(let id): return ["reviews", param("id", id)]
        case .callConflicts(let id): return ["calls", param("id", id), "conflicts"]
        case .callAssignment(let id): return ["calls", param("id", id), "assignment"]
        case .callAssignmentPair(let id): return ["calls", param("id", id), "assignment", "pair"]
        case .callDecision(let id): return ["calls", param("id", id), "decision"]
        case .proposalAppeal(let id): return ["proposals", param("id", id), "appeal"]
        case .projects: return ["projects"]
        case .project(let id): return ["projects", param("id", id)]
        case .projectStage(let id): return ["projects", param("id", id), "stage"]
        case .projectReadiness(let id): return ["projects", param("id", id), "readiness"]
        case .projectApproval(let id, let deliverable): return ["projects", param("id", id), "deliverables", param("deliverable", deliverable), "approval"]
        case .projectBooking(let id): return ["projects", param("id", id), "bookings"]
        case .projectEdit(let id, let part): return ["projects", param("id", id), "edit", param("part", part)]
        case .fund: return ["fund"]
        case .proposalAppealAnswer(let id): return ["proposals", param("id", id), "appeal", "answer"]
        case .attachmentDelete(let id): return ["attachments", param("id", id), "delete"]
        case .language(let code): return ["language", param("code", code)]
        case .area(let area): return [.constant(area.rawValue)]
        case .stylesheet: return ["assets", "kscon.css"]
        case .mapImage: return ["assets", "asean-korea-map.svg"]
        }
    }

    /// The absolute path of the link.
    var path: String {
        "/" + pathComponents.map(\.description).joined(separator: "/")
    }

    private static func text<T>(_ value: T) -> String {
        if let uuid = value as? UUID { return UUIDText.string(uuid) }
        let description = "\(value)"
        return description.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? description
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        get(url.pathComponents, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        post(url.pathComponents, use: closure)
    }
}
