import Fluent
import SconDomain
import SQLKit
import Vapor

/// Two-factor sign-in: setting up an authenticator, checking its codes and the recovery
/// codes, turning it off. A code or recovery code is used at most once, even when two
/// requests bring it at the same moment (a conditional update decides which one counts).
struct SecondFactorStore: Sendable {
    let db: any Database
    let audit: AuditLog
    let now: Date

    init(request: Request) {
        db = request.db
        audit = request.auditLog
        now = request.now
    }

    /// How a person proved the second factor.
    enum Proof: String, Sendable { case code, recoveryCode = "recovery-code" }

    static func hasConfirmedFactor(_ userID: UUID, on db: any Database) async throws -> Bool {
        try await UserSecondFactor.query(on: db).filter(\.$userID == userID).filter(\.$confirmedAt != nil).count() > 0
    }

    func factor(of userID: UUID) async throws -> UserSecondFactor? {
        try await UserSecondFactor.query(on: db).filter(\.$userID == userID).first()
    }

    func unusedRecoveryCodes(of userID: UUID) async throws -> Int {
        try await RecoveryCode.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }

    /// The authenticator being set up: the one started earlier (so the QR code stays the same
    /// when the page is shown again), or a new secret. Refused once one is confirmed.
    func enrolment(of userID: UUID) async throws -> UserSecondFactor {
        if let existing = try await factor(of: userID) {
            guard existing.confirmedAt == nil else { throw DomainError.conflict("two-factor sign-in is already set up") }
            return existing
        }
        let factor = UserSecondFactor(userID: userID, secret: TOTPEnrolment.newSecret())
        do {
            try await factor.create(on: db)
        } catch {
            // Started meanwhile by another request of the same person: show that one.
            guard (error as? any DatabaseError)?.isConstraintFailure == true, let existing = try await self.factor(of: userID) else { throw error }
            return existing
        }
        return factor
    }

    /// Confirms the authenticator being set up with a code from the app; answers the ten
    /// recovery codes, shown once.
    func confirm(_ userID: UUID, code: String) async throws -> [String] {
        guard let factor = try await factor(of: userID), factor.confirmedAt == nil else {
            throw DomainError.conflict("two-factor sign-in is already set up")
        }
        let step = try Self.accepted(try factor.totp.verify(code, at: now, lastUsedStep: nil))
        let recovery = RecoveryCodes.generate()
        try await audit.record(.account(userID)) { tx in
            factor.confirmedAt = self.now
            factor.lastUsedStep = Int64(step)
            try await factor.update(on: tx)
            try await self.replaceRecoveryCodes(of: userID, with: recovery.digests, on: tx)
            return ((), [AuditEvent(actor: userID, action: "account.two-factor.enable", subject: "user:\(UUIDText.string(userID))",
                                    details: [String: String]())])
        }
        return recovery.codes
    }

    /// Checks a code from the app or a recovery code for an account with a confirmed
    /// authenticator; marks it used. A wrong, reused or malformed code is a field issue on `code`.
    func verify(_ userID: UUID, typed: String) async throws -> Proof {
        guard let factor = try await factor(of: userID), factor.confirmedAt != nil, let factorID = factor.id else {
            throw DomainError.conflict("two-factor sign-in is not set up")
        }
        if RecoveryCodes.normalised(typed) != nil {
            let codes = try await RecoveryCode.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).all()
            guard let index = RecoveryCodes.redeem(typed, unusedDigests: codes.map(\.digest)), let codeID = codes[index].id else {
                throw Self.issue("code-wrong", "this recovery code is not one of yours, or it was used already.")
            }
            let taken = try await sql.update(RecoveryCode.schema).set("used_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(codeID)).where("used_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !taken.isEmpty else { throw Self.issue("code-reused", "this recovery code was used already.") }
            return .recoveryCode
        }
        let step = try Self.accepted(try factor.totp.verify(typed, at: now, lastUsedStep: factor.lastUsedStep.map { UInt64($0) }))
        let taken = try await sql.update(UserSecondFactor.schema).set("last_used_step", to: SQLBind(Int64(step)))
            .where("id", .equal, SQLBind(factorID))
            .where { $0.where("last_used_step", .is, SQLLiteral.null).orWhere("last_used_step", .lessThan, SQLBind(Int64(step))) }
            .returning("id").all()
        guard !taken.isEmpty else { throw Self.issue("code-reused", "this code was used already; wait for the next one.") }
        return .code
    }

    /// Ten new recovery codes (the old ones stop working), after a code or recovery code.
    func renewRecoveryCodes(_ userID: UUID, code: String) async throws -> [String] {
        _ = try await verify(userID, typed: code)
        let recovery = RecoveryCodes.generate()
        try await audit.record(.account(userID)) { tx in
            try await self.replaceRecoveryCodes(of: userID, with: recovery.digests, on: tx)
            return ((), [AuditEvent(actor: userID, action: "account.recovery-codes.renew", subject: "user:\(UUIDText.string(userID))",
                                    details: [String: String]())])
        }
        return recovery.codes
    }

    /// Turns two-factor sign-in off after a code or recovery code.
    func disable(_ userID: UUID, code: String) async throws {
        _ = try await verify(userID, typed: code)
        try await audit.record(.account(userID)) { tx in
            try await RecoveryCode.query(on: tx).filter(\.$userID == userID).delete()
            try await UserSecondFactor.query(on: tx).filter(\.$userID == userID).delete()
            return ((), [AuditEvent(actor: userID, action: "account.two-factor.disable", subject: "user:\(UUIDText.string(userID))",
                                    details: [String: String]())])
        }
    }

    private var sql: any SQLDatabase { db as! any SQLDatabase }

    private func replaceRecoveryCodes(of userID: UUID, with digests: [String], on tx: any Database) async throws {
        try await RecoveryCode.query(on: tx).filter(\.$userID == userID).delete()
        for digest in digests { try await RecoveryCode(userID: userID, digest: digest).create(on: tx) }
    }

    private static func accepted(_ check: SconDomain.TOTP.Check) throws -> UInt64 {
        switch check {
        case .accepted(let step): return step
        case .reused: throw issue("code-reused", "this code was used already; wait for the next one.")
        case .wrong: throw issue("code-wrong", "the code does not match; check the time on your phone and type the code it shows now.")
        case .malformed: throw issue("code-malformed", "type the 6 digits your authenticator app shows, or a recovery code.")
        }
    }

    private static func issue(_ code: String, _ detail: String) -> DomainError {
        .invalid([FieldIssue(field: "code", code: code, detail: detail)])
    }
}
