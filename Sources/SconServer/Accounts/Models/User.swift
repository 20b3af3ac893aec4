import Fluent
import SconDomain
import Vapor

/// An account. The password is kept only as a Bcrypt hash.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "language") var language: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(email: EmailAddress, passwordHash: String, displayName: String, language: Language) {
        self.email = email.value
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.language = language.rawValue
    }
}
