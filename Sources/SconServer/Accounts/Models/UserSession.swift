import Fluent
import Vapor

/// A signed-in browser. Kept in the database so that several app servers share it; the
/// cookie holds a random token of which only the hash is stored.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "expires_at") var expiresAt: Date
    /// Waiting for the second step of sign-in (the authenticator's code): it signs nobody in.
    @Field(key: "pending") var pending: Bool
    /// When its person last gave their password (and code): granting roles and booking money
    /// ask again after `SecondFactorPolicy.reauthenticationWindow`.
    @OptionalField(key: "authenticated_at") var authenticatedAt: Date?

    init() {}
}
