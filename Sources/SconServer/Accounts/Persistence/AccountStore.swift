import Fluent
import SconDomain
import Vapor

/// Accounts, sign-in sessions and API tokens.
struct AccountStore: Sendable {
    let request: Request
    var db: any Database { request.db }

    /// Creates the account when the e-mail is new and returns the address, the same way whether
    /// or not it had an account (a password hash is made either way, so the time does not tell
    /// either). `SignUpThrottle` limits the sign-ups from one client address.
    func signUp(_ draft: SignUpDraft) async throws -> String {
        let fields = try draft.validated()
        let address = request.clientAddress
        let now = Int(request.now.timeIntervalSince1970)
        let recent = try await SignInAttempt.query(on: db).filter(\.$email == Self.signUpMarker)
            .filter(\.$address == address).filter(\.$at > now - 3_600).all(\.$at)
        try SignUpThrottle().check(now: now, recent: recent)
        let attempt = SignInAttempt()
        attempt.email = Self.signUpMarker; attempt.address = address; attempt.succeeded = true; attempt.at = now
        try await attempt.create(on: db)
        let hash = try await request.password.async.hash(fields.password).get()
        if try await User.query(on: db).filter(\.$email == fields.email.value).first() == nil {
            let user = User(email: fields.email, passwordHash: hash, displayName: fields.displayName, language: fields.language)
            do {
                try await user.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Taken meanwhile: the same answer.
            }
        }
        return fields.email.value
    }

    /// Sign-ups are counted in the sign-in attempts, under this address (not an e-mail), as
    /// successes (so that they never count as failed sign-ins).
    static let signUpMarker = "(sign-up)"

    func create(_ fields: SignUpDraft.Fields) async throws -> User {
        if try await User.query(on: db).filter(\.$email == fields.email.value).first() != nil {
            throw DomainError.invalid([FieldIssue(field: "email", code: "taken", detail: "an account with this e-mail already exists.")])
        }
        let hash = try await request.password.async.hash(fields.password).get()
        let user = User(email: fields.email, passwordHash: hash, displayName: fields.displayName, language: fields.language)
        do {
            try await user.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.invalid([FieldIssue(field: "email", code: "taken", detail: "an account with this e-mail already exists.")])
        }
        return user
    }

    /// Checks the password, with rate limiting shared by all app servers through the database.
    func signIn(email text: String, password: String) async throws -> User {
        let email = EmailAddress(text)?.value ?? text.lowercased()
        try await checkThrottle(email: email)
        let user = try await User.query(on: db).filter(\.$email == email).first()
        // Verify against a dummy hash when there is no such user, so timing does not tell.
        let digest = user?.passwordHash ?? "$2b$12$CwTycUXWue0Thq9StjUM0uJ8.bBJq8gQmqE5u5lFrWq5UuCk5yLxO"
        let matches = await passwordMatches(password, digest)
        try await recordAttempt(email: email, succeeded: matches && user != nil)
        guard let user, matches else {
            throw DomainError.invalid([FieldIssue(field: "email", code: "bad-credentials", detail: "e-mail or password is wrong.")])
        }
        return user
    }

    /// Refuses with `rateLimited` while the account or the client address has to wait
    /// (`SignInThrottle`: failures slow an account down, they never lock it).
    func checkThrottle(email: String) async throws {
        let address = request.clientAddress
        let now = Int(request.now.timeIntervalSince1970)
        let throttle = SignInThrottle()
        let since = now - throttle.window
        let accountFailures = try await SignInAttempt.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$at > since).all(\.$at)
        let addressFailures = try await SignInAttempt.query(on: db)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since).all(\.$at)
        try throttle.check(now: now, accountFailures: accountFailures, addressFailures: addressFailures)
    }

    /// Records a password or code check for the throttle and the person's sign-in history.
    func recordAttempt(email: String, succeeded: Bool) async throws {
        let attempt = SignInAttempt()
        attempt.email = email
        attempt.address = request.clientAddress
        attempt.succeeded = succeeded
        attempt.at = Int(request.now.timeIntervalSince1970)
        try await attempt.create(on: db)
    }

    /// Starts a session for the user and returns the cookie token (only its hash is stored).
    /// A pending session waits for the authenticator's code: it lives ten minutes and signs
    /// nobody in. The session the browser held before (if any) ends: a new sign-in always
    /// gets a new token.
    func startSession(for user: User, pending: Bool = false, replacing previous: String? = nil) async throws -> String {
        if let previous { try await endSession(token: previous) }
        let token = SecureToken.random()
        let session = UserSession()
        session.tokenHash = SecureToken.hash(token)
        session.userID = try user.requireID()
        session.pending = pending
        session.authenticatedAt = pending ? nil : request.now
        session.expiresAt = pending ? request.now.addingTimeInterval(SecondFactorPolicy.pendingLifetime)
            : request.now.addingTimeInterval(Double(request.application.sconConfig.sessionDays) * 86_400)
        try await session.create(on: db)
        return token
    }

    /// The account of a pending session that has not expired.
    func pendingUser(token: String) async throws -> User? {
        guard let session = try await UserSession.query(on: db).filter(\.$tokenHash == SecureToken.hash(token))
            .filter(\.$pending == true).filter(\.$expiresAt > request.now).first() else { return nil }
        return try await User.find(session.userID, on: db)
    }

    /// The second step of sign-in: the code (or a recovery code) for the pending session's
    /// account, throttled like passwords; answers the account and the token of a new full session.
    func completeSignIn(pendingToken: String, code: String) async throws -> (User, String) {
        guard let user = try await pendingUser(token: pendingToken) else { throw DomainError.unauthenticated }
        try await checkThrottle(email: user.email)
        do {
            _ = try await SecondFactorStore(request: request).verify(try user.requireID(), typed: code)
        } catch let error as DomainError {
            if case .invalid = error { try await recordAttempt(email: user.email, succeeded: false) }
            throw error
        }
        try await recordAttempt(email: user.email, succeeded: true)
        return (user, try await startSession(for: user, replacing: pendingToken))
    }

    /// Confirms who the person of a browser session is (password, and the code when two-factor
    /// sign-in is set up) before a sensitive action; the session counts as just signed in.
    func reauthenticate(_ user: User, session token: String, password: String, code: String) async throws {
        try await checkThrottle(email: user.email)
        let userID = try user.requireID()
        let matches = await passwordMatches(password, user.passwordHash)
        var issues: [FieldIssue] = matches ? [] : [FieldIssue(field: "password", code: "password-wrong", detail: "the password is not this account's password.")]
        if try await SecondFactorStore.hasConfirmedFactor(userID, on: db), matches {
            do { _ = try await SecondFactorStore(request: request).verify(userID, typed: code) } catch DomainError.invalid(let codeIssues) { issues += codeIssues }
        }
        try await recordAttempt(email: user.email, succeeded: issues.isEmpty)
        guard issues.isEmpty else { throw DomainError.invalid(issues) }
        try await UserSession.query(on: db).filter(\.$tokenHash == SecureToken.hash(token)).filter(\.$pending == false)
            .set(\.$authenticatedAt, to: request.now).update()
    }

    /// Changes the password after the current one is confirmed: every session of the account
    /// ends (other browsers are signed out) and this browser gets a new one, whose token is answered.
    func changePassword(_ user: User, current: String, new: String, repeated: String) async throws -> String {
        try await checkThrottle(email: user.email)
        let matches = await passwordMatches(current, user.passwordHash)
        try await recordAttempt(email: user.email, succeeded: matches)
        var issues: [FieldIssue] = matches ? [] : [FieldIssue(field: "current", code: "password-wrong", detail: "the password is not this account's password.")]
        issues += PasswordPolicy.check(new, email: EmailAddress(user.email)).map { FieldIssue(field: "new", code: $0.code, detail: $0.detail) }
        if new != repeated { issues.append(FieldIssue(field: "repeat", code: "mismatch", detail: "the two new passwords differ.")) }
        if matches, new == current { issues.append(FieldIssue(field: "new", code: "unchanged", detail: "the new password is the current one.")) }
        guard issues.isEmpty else { throw DomainError.invalid(issues) }
        let hash = try await request.password.async.hash(new).get()
        let userID = try user.requireID()
        try await request.auditLog.record(.account(userID)) { tx in
            user.passwordHash = hash
            try await user.update(on: tx)
            try await UserSession.query(on: tx).filter(\.$userID == userID).delete()
            return ((), [AuditEvent(actor: userID, action: "account.password.change", subject: "user:\(UUIDText.string(userID))",
                                    details: [String: String]())])
        }
        return try await startSession(for: user)
    }

    /// Whether `password` is the one the Bcrypt `digest` was made from (a malformed digest: no).
    func passwordMatches(_ password: String, _ digest: String) async -> Bool {
        (try? await request.password.async.verify(password, created: digest).get()) ?? false
    }

    func endSession(token: String) async throws {
        try await UserSession.query(on: db).filter(\.$tokenHash == SecureToken.hash(token)).delete()
    }

    /// Issues a personal API token; returns the model and the token, shown once.
    func issueToken(for userID: UUID, name rawName: String) async throws -> (APIToken, String) {
        var rules = FieldRules()
        let name = rules.text(rawName, field: "name", max: 80)
        try rules.check()
        let token = APIToken.prefix + SecureToken.random()
        let model = APIToken()
        model.userID = userID
        model.name = name
        model.tokenHash = SecureToken.hash(token)
        model.hint = String(token.suffix(4))
        try await model.create(on: db)
        return (model, token)
    }

    /// Revokes one of the user's own tokens; another user's token is "not found".
    func revokeToken(_ id: UUID, of userID: UUID) async throws {
        guard let token = try await APIToken.find(id, on: db), token.userID == userID else {
            throw DomainError.notFound("token")
        }
        if token.revokedAt == nil {
            token.revokedAt = request.now
            try await token.update(on: db)
        }
    }
}
