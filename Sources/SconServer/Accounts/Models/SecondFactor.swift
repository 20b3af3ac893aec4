import Fluent
import SconDomain
import Vapor

/// An account's authenticator (TOTP, RFC 6238). Made unconfirmed when the person starts to
/// set it up; it counts from the moment a code from their app confirms it. `lastUsedStep`
/// keeps a code from being accepted twice.
final class UserSecondFactor: Model, @unchecked Sendable {
    static let schema = "user_second_factors"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// The secret, Base32 without padding.
    @Field(key: "secret") var secret: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "last_used_step") var lastUsedStep: Int64?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, secret: [UInt8]) {
        self.userID = userID
        self.secret = Base32.encode(secret, padding: false)
    }

    /// The authenticator the secret describes; a stored secret that does not decode is an error naming the column.
    var totp: SconDomain.TOTP {
        get throws {
            guard let bytes = Base32.decode(secret), let totp = try? SconDomain.TOTP(secret: bytes) else {
                throw UnknownStoredValue(table: Self.schema, column: "secret", value: "(not shown)")
            }
            return totp
        }
    }
}

/// One of an account's ten one-time recovery codes: only its SHA-256 digest.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "user_recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "digest") var digest: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, digest: String) {
        self.userID = userID
        self.digest = digest
    }
}
