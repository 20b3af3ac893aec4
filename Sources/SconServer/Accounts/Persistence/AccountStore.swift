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
        let address = request.clientAddress
        let now = Int(request.now.timeIntervalSince1970)
        let throttle = SignInThrottle()
        let since = now - throttle.window
        let accountFailures = try await SignInAttempt.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$at > since).all(\.$at)
        let addressFailures = try await SignInAttempt.query(on: db)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since).all(\.$at)
        try throttle.check(now: now, accountFailures: accountFailures, addressFailures: addressFailures)

        let user = try await User.query(on: db).filter(\.$email == email).first()
        // Verify against a dummy hash when there is no such user, so timing does not tell.
        let digest = user?.passwordHash ?? "$2b$12$CwTycUXWue0Thq9StjUM0uJ8.bBJq8gQmqE5u5lFrWq5UuCk5yLxO"
        let matches = (try? await request.password.async.verify(password, created: digest).get()) ?? false
        let attempt = SignInAttempt()
        attempt.email = email
        attempt.address = address
        attempt.succeeded = matches && user != nil
        attempt.at = now
        try await attempt.create(on: db)
        guard let user, matches else {
            throw DomainError.invalid([FieldIssue(field: "email", code: "bad-credentials", detail: "e-mail or password is wrong.")])
        }
        return user
    }

    /// Starts a session for the user and returns the cookie token (only its hash is stored).
    func startSession(for user: User) async throws -> String {
        let token = SecureToken.random()
        let session = UserSession()
        session.tokenHash = SecureToken.hash(token)
        session.userID = try user.requireID()
        session.expiresAt = request.now.addingTimeInterval(Double(request.application.sconConfig.sessionDays) * 86_400)
        try await session.create(on: db)
        return token
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
