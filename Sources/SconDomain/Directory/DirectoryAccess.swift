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
        }
    }
}

extension DirectoryAccess {
    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, o2 = AccessMatrix.Object.organisation2
        return AccessMatrix.Table(context: "Directory", columns: [
            ("create organisation", { allows($0, .createOrganisation) }),
            ("edit org 1", { allows($0, .editOrganisation(o1)) }),
            ("edit cities", { allows($0, .editCities) }),
            ("contacts of org 1", { allows($0, .readContactDetails(organisation: o1, worksWithCaller: false)) }),
            ("contacts of org 2", { allows($0, .readContactDetails(organisation: o2, worksWithCaller: false)) }),
            ("contacts of org 2, working with it", { allows($0, .readContactDetails(organisation: o2, worksWithCaller: true)) }),
        ])
    }
}
