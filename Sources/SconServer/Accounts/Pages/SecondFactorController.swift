import Fluent
import SconDomain
import Vapor

/// Two-factor sign-in: the code after the password, setting up an authenticator, new
/// recovery codes and turning it off.
struct SecondFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AccountURL.signInSecondFactor, use: codeForm)
        routes.post(AccountURL.signInSecondFactor, use: code)
        routes.signedIn.get(AccountURL.accountTwoFactor, use: settings)
        routes.signedIn.post(AccountURL.accountTwoFactor, use: confirm)
        routes.signedIn.post(AccountURL.accountTwoFactorRecovery, use: renewCodes)
        routes.signedIn.post(AccountURL.accountTwoFactorDisable, use: disable)
    }

    struct CodeForm: Content { var code: String?; var next: String? }

    @Sendable func codeForm(_ req: Request) async throws -> HTML {
        let next = LocalPath.sanitise(req.queryItem("next"))
        var pending: User?
        if let token = pendingToken(req) { pending = try await AccountStore(request: req).pendingUser(token: token) }
        return SecondFactorPages.signInCode(PageContext(request: req), .init(next: next, expired: pending == nil))
    }

    @Sendable func code(_ req: Request) async throws -> Response {
        let form = try req.content.decode(CodeForm.self)
        let next = LocalPath.sanitise(form.next)
        guard let token = pendingToken(req) else {
            return try await SecondFactorPages.signInCode(PageContext(request: req), .init(next: next, expired: true)).encodeResponse(for: req)
        }
        do {
            let (_, session) = try await AccountStore(request: req).completeSignIn(pendingToken: token, code: form.code ?? "")
            let response = req.redirect(to: next, redirectType: .normal)
            response.setSessionCookie(session, for: req)
            return response
        } catch DomainError.unauthenticated {
            return try await SecondFactorPages.signInCode(PageContext(request: req), .init(next: next, expired: true)).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await SecondFactorPages.signInCode(PageContext(request: req), .init(next: next, issues: issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch DomainError.rateLimited(let seconds) {
            let notice = req.strings.format("signin.throttled", ["seconds": String(seconds)])
            let response = try await SecondFactorPages.signInCode(PageContext(request: req), .init(next: next, notice: notice))
                .encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    /// Setting up (with the QR code) while none is confirmed, else managing it.
    @Sendable func settings(_ req: Request) async throws -> HTML {
        try await page(req, issues: [], failedForm: nil)
    }

    @Sendable func confirm(_ req: Request) async throws -> Response {
        let user = try signedInUser(req)
        let form = try req.content.decode(CodeForm.self)
        do {
            let codes = try await SecondFactorStore(request: req).confirm(user.id, code: form.code ?? "")
            return try await SecondFactorPages.recoveryCodes(PageContext(request: req), codes, next: LocalPath.sanitise(form.next ?? AccountURL.account.path))
                .encodeResponse(status: .created, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, issues: issues, failedForm: "enrol", next: form.next).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func renewCodes(_ req: Request) async throws -> Response {
        let user = try signedInUser(req)
        let form = try req.content.decode(CodeForm.self)
        do {
            let codes = try await SecondFactorStore(request: req).renewRecoveryCodes(user.id, code: form.code ?? "")
            return try await SecondFactorPages.recoveryCodes(PageContext(request: req), codes, next: AccountURL.accountTwoFactor.path)
                .encodeResponse(status: .created, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, issues: issues, failedForm: "renew").encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func disable(_ req: Request) async throws -> Response {
        let user = try signedInUser(req)
        let form = try req.content.decode(CodeForm.self)
        do {
            try await SecondFactorStore(request: req).disable(user.id, code: form.code ?? "")
            return req.redirect(to: AccountURL.account.path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await page(req, issues: issues, failedForm: "disable").encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func page(_ req: Request, issues: [FieldIssue], failedForm: String?, next: String? = nil) async throws -> HTML {
        let user = try signedInUser(req)
        let store = SecondFactorStore(request: req)
        let context = PageContext(request: req)
        if let factor = try await store.factor(of: user.id), factor.confirmedAt != nil {
            return SecondFactorPages.manage(context, .init(confirmedAt: factor.confirmedAt, codesLeft: try await store.unusedRecoveryCodes(of: user.id),
                                                           issues: issues, failedForm: failedForm))
        }
        let factor = try await store.enrolment(of: user.id)
        let totp = try factor.totp
        return SecondFactorPages.enrol(context, .init(uri: TOTPEnrolment.uri(for: totp, account: EmailAddress(user.email) ?? EmailAddress("account@k-scon.invalid")!),
                                                      typedSecret: TOTPEnrolment.typedSecret(totp.secret),
                                                      required: !user.heldBackRoles.isEmpty,
                                                      next: LocalPath.sanitise(next ?? req.queryItem("next") ?? AccountURL.account.path),
                                                      issues: failedForm == "enrol" ? issues : []))
    }

    private func signedInUser(_ req: Request) throws -> SignedInUser {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        return user
    }

    private func pendingToken(_ req: Request) -> String? {
        guard let token = req.cookies[req.sessionCookieName]?.string, !token.isEmpty else { return nil }
        return token
    }
}
