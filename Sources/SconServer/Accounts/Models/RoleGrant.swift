import Fluent
import SconDomain
import Vapor

/// A role a user holds in a scope. `scope_id` is empty for global grants, so that the
/// unique constraint also holds for them on PostgreSQL.
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    @Field(key: "scope_kind") var scopeKind: String
    @Field(key: "scope_id") var scopeID: String
    @OptionalField(key: "granted_by") var grantedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, grant: Grant, grantedBy: UUID?) {
        self.userID = userID
        role = grant.role.rawValue
        scopeKind = grant.scope.kind.rawValue
        scopeID = grant.scope.id ?? ""
        self.grantedBy = grantedBy
    }

    var grant: Grant {
        get throws { Grant(role: try Self.known(role, "role"), scope: Scope(kind: try Self.known(scopeKind, "scope_kind"), id: scopeID.isEmpty ? nil : scopeID)) }
    }
}
