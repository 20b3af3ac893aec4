import Fluent
import SconDomain
import Vapor

/// Changing the password (every session ends; this browser gets a new one) and confirming
/// who you are before a sensitive action (`RequireRecentSignIn`).
struct PasswordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(AccountURL.accountPassword, use: passwordForm)
        routes.signedIn.post(AccountURL.accountPassword, use: changePassword)
        routes.signedIn.get(AccountURL.accountConfirm, use: confirmForm)
        routes.signedIn.post(AccountURL.accountConfirm, use: confirm)
    }

    struct PasswordForm: Content { var current: String?; var new: String?; var `repeat`: String? }
    struct ConfirmForm: Content { var password: String?; var code: String?; var next: String? }

    @Sendable func passwordForm(_ req: Request) async throws -> HTML {
        PasswordPages.change(PageContext(request: req))
    }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let user = try await account(req)
        let form = try req.content.decode(PasswordForm.self)
        do {
            let token = try await AccountStore(request: req).changePassword(user, current: form.current ?? "", new: form.new ?? "", repeated: form.repeat ?? "")
            let response = req.redirect(to: AccountURL.account.path + "?password=changed", redirectType: .normal)
            response.setSessionCookie(token, for: req)
            return response
        } catch DomainError.invalid(let issues) {
            return try await PasswordPages.change(PageContext(request: req), issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        } catch DomainError.rateLimited(let seconds) {
            let issue = FieldIssue(field: "current", code: "throttled", detail: req.strings.format("signin.throttled", ["seconds": String(seconds)]))
            let response = try await PasswordPages.change(PageContext(request: req), issues: [issue]).encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    @Sendable func confirmForm(_ req: Request) async throws -> HTML {
        let user = try await account(req)
        return PasswordPages.confirm(PageContext(request: req), next: LocalPath.sanitise(req.queryItem("next") ?? AccountURL.account.path),
                                     withCode: try await SecondFactorStore.hasConfirmedFactor(try user.requireID(), on: req.db))
    }

    @Sendable func confirm(_ req: Request) async throws -> Response {
        let user = try await account(req)
        let form = try req.content.decode(ConfirmForm.self)
        let next = LocalPath.sanitise(form.next ?? AccountURL.account.path)
        guard let token = req.cookies[req.sessionCookieName]?.string, req.signedInUser?.credential == .session else {
            throw DomainError.conflict("only a browser session confirms who it is")
        }
        do {
            try await AccountStore(request: req).reauthenticate(user, session: token, password: form.password ?? "", code: form.code ?? "")
            return req.redirect(to: next, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let withCode = try await SecondFactorStore.hasConfirmedFactor(try user.requireID(), on: req.db)
            return try await PasswordPages.confirm(PageContext(request: req), next: next, withCode: withCode, issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch DomainError.rateLimited(let seconds) {
            let issue = FieldIssue(field: "password", code: "throttled", detail: req.strings.format("signin.throttled", ["seconds": String(seconds)]))
            let withCode = try await SecondFactorStore.hasConfirmedFactor(try user.requireID(), on: req.db)
            let response = try await PasswordPages.confirm(PageContext(request: req), next: next, withCode: withCode, issues: [issue])
                .encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
    }

    private func account(_ req: Request) async throws -> User {
        guard let signedIn = req.signedInUser, let user = try await User.find(signedIn.id, on: req.db) else { throw DomainError.unauthenticated }
        return user
    }
}

/// The routes that grant roles or move money: a browser session whose person last gave their
/// password (and code) more than `SecondFactorPolicy.reauthenticationWindow` ago is asked to
/// confirm first (a page with the form; for the API a 403 problem). API tokens are not asked:
/// they are made by a confirmed session or by an operator on the server.
struct RequireRecentSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.signedInUser, user.credential == .session,
              SecondFactorPolicy.needsReauthentication(authenticatedAt: user.authenticatedAt, now: request.now) else {
            return try await next.respond(to: request)
        }
        if request.wantsProblemJSON {
            throw DomainError.forbidden("confirm your password again (\(AccountURL.accountConfirm.path)) before this action")
        }
        let back = LocalPath.sanitise(request.headers.first(name: .referer).flatMap { URI(string: $0).path }.flatMap { $0.isEmpty ? nil : $0 } ?? AccountURL.account.path)
        let withCode = try await SecondFactorStore.hasConfirmedFactor(user.id, on: request.db)
        let page = PasswordPages.confirm(PageContext(request: request), next: back, withCode: withCode,
                                         issues: [])
        return try await page.encodeResponse(status: .forbidden, for: request)
    }
}

extension RoutesBuilder {
    /// The routes of this builder that ask a browser session to confirm who it is first.
    var recentlySignedIn: any RoutesBuilder { grouped(RequireRecentSignIn()) }
}
