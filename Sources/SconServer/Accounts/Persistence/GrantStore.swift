import Fluent
import SconDomain
import Vapor

/// Grants and revokes roles; administrators only.
struct GrantStore: Sendable {
    let db: any Database

    func grant(_ grant: Grant, to userID: UUID, by principal: Principal) async throws {
        try principal.require(AccountAccess.allows(principal, .manageAccounts), "manage roles")
        guard try await User.find(userID, on: db) != nil else { throw DomainError.notFound("user") }
        try await checkScopeExists(grant.scope)
        let existing = try await RoleGrant.query(on: db).filter(\.$userID == userID)
            .filter(\.$role == grant.role.rawValue).filter(\.$scopeKind == grant.scope.kind.rawValue)
            .filter(\.$scopeID == (grant.scope.id ?? "")).first()
        guard existing == nil else { return }
        try await RoleGrant(userID: userID, grant: grant, grantedBy: principal.userID).create(on: db)
    }

    /// Revokes a grant; returns the user it belonged to. An administrator cannot revoke their own administrator role.
    @discardableResult
    func revoke(_ id: UUID, by principal: Principal) async throws -> UUID {
        try principal.require(AccountAccess.allows(principal, .manageAccounts), "manage roles")
        guard let grant = try await RoleGrant.find(id, on: db) else { throw DomainError.notFound("grant") }
        if let refusal = AccountAccess.revocationRefusal(try grant.grant, heldByCaller: grant.userID == principal.userID) {
            throw refusal
        }
        try await grant.delete(on: db)
        return grant.userID
    }

    private func checkScopeExists(_ scope: Scope) async throws {
        let missing: Bool
        switch scope.kind {
        case .global: missing = false
        case .organisation:
            missing = try await UUID(uuidString: scope.id ?? "").asyncFlatMap { try await Organisation.find($0, on: db) } == nil
        case .country:
            missing = try await Country.find(scope.id?.uppercased(), on: db) == nil
        case .centre:
            missing = try await UUID(uuidString: scope.id ?? "").asyncFlatMap { try await Centre.find($0, on: db) } == nil
        case .call:
            // Calls arrive with their own issue; until then the identifier is kept as given.
            missing = false
        }
        if missing {
            throw DomainError.invalid([FieldIssue(field: "scope.id", code: "unknown", detail: "no \(scope.kind.rawValue) with this identifier.")])
        }
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
