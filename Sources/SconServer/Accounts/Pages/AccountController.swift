import Fluent
import SconDomain
import Vapor

/// Sign-up, sign-in, sign-out and the account page with personal API tokens.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AccountURL.signIn, use: signInForm)
        routes.post(AccountURL.signIn, use: signIn)
        routes.get(AccountURL.signUp, use: signUpForm)
        routes.post(AccountURL.signUp, use: signUp)
        routes.post(AccountURL.signOut, use: signOut)
        routes.signedIn.get(AccountURL.account, use: account)
        routes.signedIn.post(AccountURL.accountTokens, use: createToken)
        routes.signedIn.post(AccountURL.accountToken(.key), use: revokeToken)
        routes.signedIn.post(AccountURL.accountErase, use: erase)
    }

    struct SignInForm: Content { var email: String?; var password: String?; var next: String? }
    struct SignUpForm: Content { var email: String?; var displayName: String?; var password: String?; var language: String?; var next: String? }
    struct TokenForm: Content { var name: String? }

    @Sendable func signInForm(_ req: Request) async throws -> HTML {
        var model = AccountForms.SignInModel(next: LocalPath.sanitise(req.queryItem("next")))
        if req.queryItem("created") == "1" {
            model.email = String((req.queryItem("email") ?? "").prefix(254))
            model.info = req.strings["signin.created"]
        }
        return AccountForms.signIn(PageContext(request: req), model)
    }

    @Sendable func signIn(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        // Without a page to go back to, people land on their home (what is due, what they own).
        let asked = LocalPath.sanitise(form.next)
        let next = asked == "/" ? ShellURL.home.path : asked
        do {
            let user = try await AccountStore(request: req).signIn(email: form.email ?? "", password: form.password ?? "")
            let userID = try user.requireID()
            let previous = req.cookies[req.sessionCookieName]?.string
            if try await SecondFactorStore.hasConfirmedFactor(userID, on: req.db) {
                let token = try await AccountStore(request: req).startSession(for: user, pending: true, replacing: previous)
                let response = req.redirect(to: AccountURL.signInSecondFactor.path + "?next=" + PercentEncoding.queryValue(next), redirectType: .normal)
                response.setSessionCookie(token, pending: true, for: req)
                keepLanguage(of: user, response, req)
                return response
            }
            let grants = try await RoleGrant.query(on: req.db).filter(\.$userID == userID).all().map { try $0.grant }
            // Roles that need a second factor: on to setting one up first.
            let target = SecondFactorPolicy.isRequired(for: grants)
                ? AccountURL.accountTwoFactor.path + "?next=" + PercentEncoding.queryValue(next) : next
            return try await startSession(user, req, redirect: target, replacing: previous)
        } catch let error as DomainError {
            var model = AccountForms.SignInModel(email: form.email ?? "", next: next)
            let status: HTTPResponseStatus
            switch error {
            case .rateLimited(let seconds):
                model.notice = req.strings.format("signin.throttled", ["seconds": String(seconds)])
                status = .tooManyRequests
            case .invalid(let issues):
                model.issues = issues
                status = .unprocessableEntity
            default: throw error
            }
            let response = try await AccountForms.signIn(PageContext(request: req), model).encodeResponse(status: status, for: req)
            if case .rateLimited(let seconds) = error { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
            return response
        }
    }

    @Sendable func signUpForm(_ req: Request) async throws -> HTML {
        AccountForms.signUp(PageContext(request: req), .init(language: req.language, next: LocalPath.sanitise(req.queryItem("next"))))
    }

    @Sendable func signUp(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SignUpForm.self)
        do {
            // The same answer whether or not the address had an account (nothing tells which):
            // on to the sign-in form with the address filled in.
            let email = try await AccountStore(request: req).signUp(SignUpDraft(email: form.email, displayName: form.displayName,
                                                                              password: form.password, language: form.language))
            let next = LocalPath.sanitise(form.next)
            return req.redirect(to: AccountURL.signIn.path + "?created=1&email=" + PercentEncoding.queryValue(email)
                                + (next == "/" ? "" : "&next=" + PercentEncoding.queryValue(next)), redirectType: .normal)
        } catch DomainError.rateLimited(let seconds) {
            let model = AccountForms.SignUpModel(email: form.email ?? "", displayName: form.displayName ?? "",
                                                 language: Language(rawValue: form.language ?? "") ?? req.language,
                                                 notice: req.strings.format("signup.throttled", ["seconds": String(seconds)]), next: LocalPath.sanitise(form.next))
            let response = try await AccountForms.signUp(PageContext(request: req), model).encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        } catch DomainError.invalid(let issues) {
            let model = AccountForms.SignUpModel(email: form.email ?? "", displayName: form.displayName ?? "",
                                                 language: Language(rawValue: form.language ?? "") ?? req.language, issues: issues,
                                                 next: LocalPath.sanitise(form.next))
            return try await AccountForms.signUp(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func signOut(_ req: Request) async throws -> Response {
        if let token = req.cookies[req.sessionCookieName]?.string {
            try await AccountStore(request: req).endSession(token: token)
        }
        let response = req.redirect(to: "/", redirectType: .normal)
        response.cookies[req.sessionCookieName] = SessionCookie.expired(secure: req.application.sconConfig.secureCookies)
        return response
    }

    struct EraseForm: Content { var password: String?; var confirm: String? }

    /// Erases the account after the password and the box confirm it; ends the session.
    @Sendable func erase(_ req: Request) async throws -> Response {
        guard let signedIn = req.signedInUser, let user = try await User.find(signedIn.id, on: req.db) else { throw DomainError.unauthenticated }
        let form = try req.content.decode(EraseForm.self)
        do {
            guard form.confirm == "yes" else {
                throw DomainError.invalid([FieldIssue(field: "confirm", code: "required", detail: "tick the box to confirm.")])
            }
            try await PersonalData(db: req.db, audit: req.auditLog).erase(user, confirmedBy: form.password ?? "") { password, hash in
                (try? await req.password.async.verify(password, created: hash).get()) ?? false
            }
        } catch DomainError.invalid(let issues) {
            var model = try await accountModel(req)
            model.eraseIssues = issues
            return try await AccountPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let response = req.redirect(to: "/?erased=1", redirectType: .normal)
        response.cookies[req.sessionCookieName] = SessionCookie.expired(secure: req.application.sconConfig.secureCookies)
        return response
    }

    @Sendable func account(_ req: Request) async throws -> HTML {
        AccountPage.render(PageContext(request: req), try await accountModel(req))
    }

    @Sendable func createToken(_ req: Request) async throws -> Response {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        let form = try req.content.decode(TokenForm.self)
        do {
            let (_, token) = try await AccountStore(request: req).issueToken(for: user.id, name: form.name ?? "")
            var model = try await accountModel(req)
            model.newToken = token
            return try await AccountPage.render(PageContext(request: req), model).encodeResponse(status: .created, for: req)
        } catch DomainError.invalid(let issues) {
            var model = try await accountModel(req)
            model.issues = issues
            return try await AccountPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func revokeToken(_ req: Request) async throws -> Response {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        try await AccountStore(request: req).revokeToken(try req.uuid(), of: user.id)
        return req.redirect(to: AccountURL.account.path + "#tokens", redirectType: .normal)
    }

    private func accountModel(_ req: Request) async throws -> AccountPage.Model {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        let grants = try await RoleGrant.query(on: req.db).filter(\.$userID == user.id).all().map { try $0.grant }
        let tokens = try await APIToken.query(on: req.db).filter(\.$userID == user.id).sort(\.$createdAt, .descending).all()
        return AccountPage.Model(user: user, grants: grants, tokens: tokens, newToken: nil,
                                 twoFactorOn: try await SecondFactorStore.hasConfirmedFactor(user.id, on: req.db),
                                 passwordChanged: req.queryItem("password") == "changed",
                                 organisations: try await JoinPagesController.accountSection(req), email: try await NoticePreferencesView.block(req))
    }

    private func startSession(_ user: User, _ req: Request, redirect: String, replacing previous: String?) async throws -> Response {
        let token = try await AccountStore(request: req).startSession(for: user, replacing: previous)
        let response = req.redirect(to: redirect, redirectType: .normal)
        response.setSessionCookie(token, for: req)
        keepLanguage(of: user, response, req)
        return response
    }

    /// The visitor's own choice of language (the switch's cookie) stands; without one, the account's.
    private func keepLanguage(of user: User, _ response: Response, _ req: Request) {
        let config = req.application.sconConfig
        if req.cookies[Request.languageCookie] == nil {
            response.cookies[Request.languageCookie] = HTTPCookies.Value(string: user.language, maxAge: 365 * 86_400, path: "/",
                                                                         isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension HTML {
    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let response = try await encodeResponse(for: request)
        response.status = status
        return response
    }
}
