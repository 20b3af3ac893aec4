import SconDomain
import Vapor

/// The account behind a request, and how it proved itself.
struct SignedInUser: Sendable {
    enum Credential: Sendable { case session, apiToken }

    var id: UUID
    var email: String
    var displayName: String
    var language: Language
    var credential: Credential
    /// For a browser session: when its person last gave their password (and code).
    var authenticatedAt: Date? = nil
    /// Roles the account holds but this session works without until a second factor is set up.
    var heldBackRoles: [Role] = []
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct UserKey: StorageKey { typealias Value = SignedInUser }

    /// Who is asking, with their grants. Anonymous unless `Authentication` found a credential.
    var principal: Principal {
        get { storage[PrincipalKey.self] ?? .anonymous }
        set { storage[PrincipalKey.self] = newValue }
    }

    var signedInUser: SignedInUser? {
        get { storage[UserKey.self] }
        set { storage[UserKey.self] = newValue }
    }
}
