import Fluent
import SconDomain
import Vapor

/// Finds who is asking from the session cookie or an `Authorization: Bearer` API token and
/// loads their grants. Requests with neither cost no database query.
struct Authentication: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token {
            guard try await authenticate(apiToken: bearer, request) else {
                throw DomainError.unauthenticated
            }
        } else if let token = request.cookies[request.sessionCookieName]?.string, !token.isEmpty {
            try await authenticate(sessionToken: token, request)
        }
        return try await next.respond(to: request)
    }

    private func authenticate(sessionToken token: String, _ request: Request) async throws {
        guard let session = try await UserSession.query(on: request.db)
            .filter(\.$tokenHash == SecureToken.hash(token))
            .filter(\.$expiresAt > request.now)
            .filter(\.$pending == false)
            .first(),
              let user = try await User.find(session.userID, on: request.db)
        else { return }
        try await signIn(user, credential: .session, authenticatedAt: session.authenticatedAt, request)
    }

    private func authenticate(apiToken token: String, _ request: Request) async throws -> Bool {
        guard token.hasPrefix(APIToken.prefix),
              let stored = try await APIToken.query(on: request.db)
                .filter(\.$tokenHash == SecureToken.hash(token))
                .filter(\.$revokedAt == nil)
                .first(),
              let user = try await User.find(stored.userID, on: request.db)
        else { return false }
        if (stored.lastUsedAt ?? .distantPast) < request.now.addingTimeInterval(-3600) {
            stored.lastUsedAt = request.now
            try await stored.update(on: request.db)
        }
        try await signIn(user, credential: .apiToken, request)
        return true
    }

    /// Loads the grants. A browser session of an account whose roles need a second factor that
    /// it has not set up works without those roles (`SecondFactorPolicy`); API tokens are made
    /// by a signed-in person or an operator (`scon token create`) and carry the account's roles.
    private func signIn(_ user: User, credential: SignedInUser.Credential, authenticatedAt: Date? = nil, _ request: Request) async throws {
        let userID = try user.requireID()
        var grants = Set(try await RoleGrant.query(on: request.db).filter(\.$userID == userID).all().map { try $0.grant })
        var heldBack: [Role] = []
        if credential == .session, SecondFactorPolicy.isRequired(for: grants) {
            let hasFactor = try await SecondFactorStore.hasConfirmedFactor(userID, on: request.db)
            (grants, heldBack) = SecondFactorPolicy.effective(grants, hasSecondFactor: hasFactor)
        }
        request.signedInUser = SignedInUser(id: userID, email: user.email, displayName: user.displayName,
                                            language: try User.known(user.language, "language"), credential: credential,
                                            authenticatedAt: authenticatedAt, heldBackRoles: heldBack)
        request.principal = Principal(userID: userID, grants: grants)
    }
}
