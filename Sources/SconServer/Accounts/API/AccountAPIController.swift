import Fluent
import SconDomain
import Vapor

/// `/api/v1/me`: who the token or session belongs to, with their roles.
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(AccountAPI.me, use: me)
    }

    struct Me: Content {
        var id: UUID
        var email: String
        var displayName: String
        var language: String
        var roles: [GrantDTO]
    }

    @Sendable func me(_ req: Request) async throws -> Me {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        let grants = try await RoleGrant.query(on: req.db).filter(\.$userID == user.id).all()
        return Me(id: user.id, email: user.email, displayName: user.displayName, language: user.language.rawValue,
                  roles: try grants.map(GrantDTO.init))
    }
}

/// A role grant as the API shows it.
struct GrantDTO: Content, Sendable {
    struct ScopeDTO: Content, Sendable {
        var kind: String
        var id: String?
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(id, forKey: .id)
        }
    }

    var id: UUID
    var role: String
    var scope: ScopeDTO

    init(_ model: RoleGrant) throws {
        id = try model.requireID()
        role = model.role
        scope = ScopeDTO(kind: model.scopeKind, id: model.scopeID.isEmpty ? nil : model.scopeID)
    }
}
