import Foundation

/// Who may see and change agreements. Public agreements are for everyone; a restricted one
/// for programme officers, administrators and the members of its parties' organisations.
/// Programme officers (of the whole programme) record agreements and their status moves.
public enum AgreementAccess {
    /// What the policy needs to know of an agreement.
    public struct Facts: Sendable, Hashable {
        public var isPublic: Bool
        public var partyOrganisations: Set<UUID>

        public init(isPublic: Bool, partyOrganisations: Set<UUID>) {
            self.isPublic = isPublic
            self.partyOrganisations = partyOrganisations
        }
    }

    public enum Action: Sendable, Hashable {
        case read(Facts)
        /// Record an agreement, its parties' status moves, its links.
        case manage
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .read(let facts):
            facts.isPublic || principal.isProgrammeOfficer || principal.isAdministrator
                || !facts.partyOrganisations.isDisjoint(with: principal.organisations)
        case .manage: principal.isProgrammeOfficer
        }
    }

    /// The agreements a person sees, as a predicate lists apply in SQL: every agreement, or the
    /// public ones and those with a party among `organisations`.
    public static func visibility(for principal: Principal) -> AgreementVisibility {
        AgreementVisibility(everything: principal.isProgrammeOfficer || principal.isAdministrator, organisations: principal.organisations)
    }
}

/// The predicate of `AgreementAccess.visibility` (a test keeps it equal to `allows(.read)`).
public struct AgreementVisibility: Sendable, Hashable {
    public var everything: Bool
    public var organisations: Set<UUID>

    public func includes(_ facts: AgreementAccess.Facts) -> Bool {
        everything || facts.isPublic || !facts.partyOrganisations.isDisjoint(with: organisations)
    }
}

extension AgreementAccess {
    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, o2 = AccessMatrix.Object.organisation2
        return AccessMatrix.Table(context: "Agreements", columns: [
            ("read a public agreement", { allows($0, .read(Facts(isPublic: true, partyOrganisations: [o2]))) }),
            ("read a restricted agreement of org 1", { allows($0, .read(Facts(isPublic: false, partyOrganisations: [o1]))) }),
            ("read a restricted agreement of org 2", { allows($0, .read(Facts(isPublic: false, partyOrganisations: [o2]))) }),
            ("record agreements and status moves", { allows($0, .manage) }),
        ])
    }
}
