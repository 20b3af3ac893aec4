import Fluent
import SconDomain
import Vapor

/// `/api/v1/me`: who the token or session belongs to, with their roles.
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(AccountAPI.me, use: me)
        signedIn.get(AccountAPI.myData, use: myData)
        signedIn.delete(AccountAPI.me, use: erase)
    }

    /// Everything the platform holds about the caller, as one JSON file.
    @Sendable func myData(_ req: Request) async throws -> Response {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        let data = try await PersonalData(db: req.db, audit: req.auditLog).download(of: user.id, now: req.now)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"k-scon-my-data.json\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    struct EraseInput: Decodable {
        var password: String
        enum Field: String, CodingKey, CaseIterable { case password }
        init(from decoder: any Decoder) throws {
            let container = try decoder.strictFields(Field.self)
            password = try container.decode(String.self, forKey: .password)
        }
    }

    /// Erases the caller's account (the password confirms it): 204.
    @Sendable func erase(_ req: Request) async throws -> HTTPStatus {
        guard let signedIn = req.signedInUser, let user = try await User.find(signedIn.id, on: req.db) else { throw DomainError.unauthenticated }
        let input = try req.decodeJSON(EraseInput.self)
        try await PersonalData(db: req.db, audit: req.auditLog).erase(user, confirmedBy: input.password) { password, hash in
            (try? await req.password.async.verify(password, created: hash).get()) ?? false
        }
        return .noContent
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
