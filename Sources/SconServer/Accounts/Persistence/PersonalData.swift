import Fluent
import Foundation
import SconDomain
import Vapor

/// What the platform holds about one account, for its own download, and the erasure of it.
///
/// Each context says what it holds (`SconContext.personalData`) and how to erase it
/// (`erasePersonalData`). Erasure keeps the account's id, so that the records it is part of
/// (reviews, bookings, the audit log, which holds ids and hashes, never names or addresses)
/// stay whole and the hash chains verify; the account's name, e-mail, password, sessions,
/// tokens, roles and sign-in history are gone, and it can no longer sign in.
struct PersonalData {
    let db: any Database
    let audit: AuditLog

    struct Download: Encodable, Sendable {
        var exportedAt: String
        var sections: [String: PersonalDataSection]

        enum CodingKeys: String, CodingKey { case exportedAt }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(exportedAt, forKey: AnyCodingKey("exportedAt"))
            for (name, section) in sections { try container.encode(section, forKey: AnyCodingKey(name)) }
        }
    }

    func download(of user: UUID, now: Date) async throws -> Data {
        var sections: [String: PersonalDataSection] = [:]
        for context in SconContexts.all {
            sections.merge(try await context.personalData(of: user, on: db)) { first, _ in first }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(Download(exportedAt: AuditChain.timestamp(now), sections: sections))
    }

    /// Erases the account after its password is confirmed (refused with a field issue otherwise).
    func erase(_ user: User, confirmedBy password: String, verify: (String, String) async throws -> Bool) async throws {
        guard try await verify(password, user.passwordHash) else {
            throw DomainError.invalid([FieldIssue(field: "password", code: "wrong", detail: "the password is not this account's password.")])
        }
        let id = try user.requireID()
        try await audit.record(.account(id)) { tx in
            for context in SconContexts.all { try await context.erasePersonalData(of: id, on: tx) }
            return ((), [AuditEvent(actor: id, action: "account.erase", subject: "user:\(UUIDText.string(id))", details: [String: String]())])
        }
    }
}

extension AccountsContext {
    struct AccountSection: Encodable, Sendable {
        var id: UUID; var email: String; var displayName: String; var language: String; var createdAt: String?
    }
    struct RoleSection: Encodable, Sendable { var role: String; var scopeKind: String; var scopeID: String; var grantedAt: String? }
    struct TokenSection: Encodable, Sendable { var name: String; var endsWith: String; var createdAt: String?; var lastUsedAt: String?; var revokedAt: String? }
    struct SessionSection: Encodable, Sendable { var startedAt: String?; var expiresAt: String }
    struct AttemptSection: Encodable, Sendable { var at: String; var address: String; var succeeded: Bool }
    /// Whether two-factor sign-in is on and how many recovery codes are left (never the secret or the codes).
    struct SecondFactorSection: Encodable, Sendable { var enabled: Bool; var since: String?; var recoveryCodesLeft: Int }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        guard let account = try await User.find(user, on: db) else { return [:] }
        let time = { (date: Date?) in date.map(AuditChain.timestamp) }
        let roles = try await RoleGrant.query(on: db).filter(\.$userID == user).all()
            .map { RoleSection(role: $0.role, scopeKind: $0.scopeKind, scopeID: $0.scopeID, grantedAt: time($0.createdAt)) }
        let tokens = try await APIToken.query(on: db).filter(\.$userID == user).all()
            .map { TokenSection(name: $0.name, endsWith: $0.hint, createdAt: time($0.createdAt), lastUsedAt: time($0.lastUsedAt), revokedAt: time($0.revokedAt)) }
        let sessions = try await UserSession.query(on: db).filter(\.$userID == user).all()
            .map { SessionSection(startedAt: time($0.createdAt), expiresAt: AuditChain.timestamp($0.expiresAt)) }
        let attempts = try await SignInAttempt.query(on: db).filter(\.$email == account.email).sort(\.$at).all()
            .map { AttemptSection(at: AuditChain.timestamp(Date(timeIntervalSince1970: Double($0.at))), address: $0.address, succeeded: $0.succeeded) }
        let factor = try await UserSecondFactor.query(on: db).filter(\.$userID == user).filter(\.$confirmedAt != nil).first()
        let codesLeft = try await RecoveryCode.query(on: db).filter(\.$userID == user).filter(\.$usedAt == nil).count()
        return [
            "twoFactor": PersonalDataSection(SecondFactorSection(enabled: factor != nil, since: time(factor?.confirmedAt), recoveryCodesLeft: factor == nil ? 0 : codesLeft)),
            "account": PersonalDataSection(AccountSection(id: user, email: account.email, displayName: account.displayName,
                                                          language: account.language, createdAt: time(account.createdAt))),
            "roles": PersonalDataSection(roles), "apiTokens": PersonalDataSection(tokens),
            "sessions": PersonalDataSection(sessions), "signInAttempts": PersonalDataSection(attempts),
        ]
    }

    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        guard let account = try await User.find(user, on: db) else { return }
        try await SignInAttempt.query(on: db).filter(\.$email == account.email).delete()
        try await UserSession.query(on: db).filter(\.$userID == user).delete()
        try await RecoveryCode.query(on: db).filter(\.$userID == user).delete()
        try await UserSecondFactor.query(on: db).filter(\.$userID == user).delete()
        try await APIToken.query(on: db).filter(\.$userID == user).delete()
        try await RoleGrant.query(on: db).filter(\.$userID == user).delete()
        account.email = "erased-\(UUIDText.string(user))@erased.invalid"
        account.displayName = "—"
        account.passwordHash = "erased"  // no password verifies against this
        try await account.update(on: db)
    }
}
