import Foundation

/// Who may see and change the directory. Everyone reads countries, cities and organisations;
/// the programme office creates organisations and cities; an organisation's members keep its
/// profile and contacts. Contact details (e-mail, phone) are for the organisation's members,
/// for people whose organisation works with it on a project, and for the programme office.
public enum DirectoryAccess {
    public enum Action: Sendable, Hashable {
        case createOrganisation
        case editOrganisation(UUID)
        case editCities
        /// Read the e-mail and phone of an organisation's contact people. `worksWithCaller`: one
        /// of the caller's organisations takes part in a project with it.
        case readContactDetails(organisation: UUID, worksWithCaller: Bool)
        /// Ask to join an organisation, or propose a new one for review: any signed-in person.
        case requestToJoin
        /// Approve or refuse someone's request to join `organisation`: its members and the
        /// programme office, never the requester themself.
        case decideJoinRequest(organisation: UUID, requester: UUID)
        /// See a join request: the requester and those who may decide it.
        case seeJoinRequest(organisation: UUID, requester: UUID)
        /// Approve or refuse proposed organisations (and see them all): the programme office.
        case reviewRegistrations
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        let office = principal.isAdministrator || principal.isProgrammeOfficer
        switch action {
        case .createOrganisation, .editCities:
            return office
        case .editOrganisation(let id):
            return office || principal.holds(.organisationMember, in: .organisation(scopeID(id)))
        case .readContactDetails(let id, let worksWithCaller):
            return office || principal.holds(.organisationMember, in: .organisation(scopeID(id))) || (principal.isSignedIn && worksWithCaller)
        case .requestToJoin:
            return principal.isSignedIn
        case .decideJoinRequest(let id, let requester):
            guard principal.isSignedIn, principal.userID != requester else { return false }
            return office || principal.holds(.organisationMember, in: .organisation(scopeID(id)))
        case .seeJoinRequest(let id, let requester):
            return (principal.isSignedIn && principal.userID == requester) || allows(principal, .decideJoinRequest(organisation: id, requester: requester))
        case .reviewRegistrations:
            return office
        }
    }
}

extension DirectoryAccess {
    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, o2 = AccessMatrix.Object.organisation2
        let someone = UUID(uuidString: "00000000-0000-4000-8000-0000000000f1")!
        return AccessMatrix.Table(context: "Directory", columns: [
            ("create organisation", { allows($0, .createOrganisation) }),
            ("edit org 1", { allows($0, .editOrganisation(o1)) }),
            ("edit cities", { allows($0, .editCities) }),
            ("contacts of org 1", { allows($0, .readContactDetails(organisation: o1, worksWithCaller: false)) }),
            ("contacts of org 2", { allows($0, .readContactDetails(organisation: o2, worksWithCaller: false)) }),
            ("contacts of org 2, working with it", { allows($0, .readContactDetails(organisation: o2, worksWithCaller: true)) }),
            ("ask to join / propose an org", { allows($0, .requestToJoin) }),
            ("decide a request to join org 1", { allows($0, .decideJoinRequest(organisation: o1, requester: someone)) }),
            ("decide one's own request to join org 1", { allows($0, .decideJoinRequest(organisation: o1, requester: $0.userID ?? someone)) }),
            ("see a request to join org 2", { allows($0, .seeJoinRequest(organisation: o2, requester: someone)) }),
            ("review proposed orgs", { allows($0, .reviewRegistrations) }),
        ])
    }
}

/// Which join requests a person sees in a list, as a filter SQL can apply: all (the office),
/// or their own and those of their organisations. Agrees with `.seeJoinRequest` (a test checks).
public struct JoinRequestVisibility: Sendable, Hashable {
    public var all: Bool
    public var user: UUID
    public var organisations: Set<UUID>

    public static func of(_ principal: Principal) -> JoinRequestVisibility? {
        guard let user = principal.userID else { return nil }
        return JoinRequestVisibility(all: DirectoryAccess.allows(principal, .reviewRegistrations), user: user, organisations: principal.organisations)
    }

    public func includes(organisation: UUID, requester: UUID) -> Bool {
        all || requester == user || organisations.contains(organisation)
    }
}
