import Fluent
import Vapor

/// A personal API token. Only its SHA-256 hash is stored; the token is shown once.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    static let prefix = "scon_"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "hint") var hint: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
