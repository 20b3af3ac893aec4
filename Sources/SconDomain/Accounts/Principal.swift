import Foundation

/// Who is asking: anonymous, or a signed-in user with the grants they hold. Whether they may
/// see or do something is the answer of one access policy per context (`DirectoryAccess`,
/// `CallAccess`, `ReviewAccess`, `ProjectAccess`, `FundAccess`, `AccountAccess`), from the
/// principal and the object's facts; SconServer asks the policies and never looks at roles.
public struct Principal: Sendable, Hashable {
    public var userID: UUID?
    public var grants: Set<Grant>

    public init(userID: UUID?, grants: Set<Grant>) {
        self.userID = userID
        self.grants = grants
    }

    public static let anonymous = Principal(userID: nil, grants: [])

    public var isSignedIn: Bool { userID != nil }

    /// Whether the person holds `role` in `scope`. Policies ask this; the server asks policies.
    func holds(_ role: Role, in scope: Scope = .global) -> Bool {
        grants.contains(Grant(role: role, scope: scope))
    }

    var isAdministrator: Bool { holds(.administrator) }
    /// A programme officer for the whole programme (not only one call).
    var isProgrammeOfficer: Bool { holds(.programmeOfficer) }

    /// The organisations this person acts for.
    public var organisationIDs: Set<String> {
        Set(grants.filter { $0.role == .organisationMember }.compactMap(\.scope.id))
    }

    /// The organisations this person acts for, as ids.
    public var organisations: Set<UUID> {
        Set(organisationIDs.compactMap(UUID.init(uuidString:)))
    }

    /// Whether the person holds `role` in any scope.
    func holdsAnywhere(_ role: Role) -> Bool {
        grants.contains { $0.role == role }
    }

    /// The ids of the scopes of one kind in which the person holds `role`.
    func scopes(of role: Role, _ kind: ScopeKind) -> Set<String> {
        Set(grants.filter { $0.role == role && $0.scope.kind == kind }.compactMap(\.scope.id))
    }

    /// Throws `unauthenticated` for anonymous callers and `forbidden` for signed-in ones.
    public func require(_ allowed: Bool, _ what: String) throws(DomainError) {
        guard allowed else { throw isSignedIn ? .forbidden(what) : .unauthenticated }
    }
}
