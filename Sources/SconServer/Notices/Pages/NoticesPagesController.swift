import Fluent
import SconDomain
import Vapor

/// `/inbox` (the signed-in person's notices, mark read, mark all read), the e-mail preferences
/// form of the account page, and the unsubscribe links of e-mails (no sign-in: the token is the
/// authority; GET asks, POST does).
struct NoticesPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(NoticesURL.inbox, use: inbox)
        routes.signedIn.post(NoticesURL.read(.key), use: markRead)
        routes.signedIn.post(NoticesURL.readAll, use: markAllRead)
        routes.signedIn.post(NoticesURL.preferences, use: savePreferences)
        routes.get(NoticesURL.unsubscribe(.key, .key), use: confirmUnsubscribe)
        routes.post(NoticesURL.unsubscribe(.key, .key), use: unsubscribe)
    }

    @Sendable func inbox(_ req: Request) async throws -> HTML {
        guard let user = req.signedInUser else { throw DomainError.unauthenticated }
        let store = NoticeStore(db: req.db)
        let page = try req.pageQuery()
        let notices = try await store.page(for: req.principal, PageQuery(limit: 30, cursor: page.cursor))
        let unread = try await store.unreadCount(of: user.id)
        return InboxPage.render(PageContext(request: req), notices: notices, unread: unread, isFirstPage: page.cursor == nil,
                                allRead: req.queryItem("read") == "all")
    }

    @Sendable func markRead(_ req: Request) async throws -> Response {
        _ = try await NoticeStore(db: req.db).markRead(try req.uuid(), by: req.principal, at: req.now)
        return req.redirect(to: NoticesURL.inbox.path, redirectType: .normal)
    }

    @Sendable func markAllRead(_ req: Request) async throws -> Response {
        try await NoticeStore(db: req.db).markAllRead(by: req.principal, at: req.now)
        return req.redirect(to: NoticesURL.inbox.path + "?read=all", redirectType: .normal)
    }

    /// The account page's form: the digest on or off and a box per kind (ticked = wanted).
    @Sendable func savePreferences(_ req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let preferences = NoticePreferences(digest: fields["digest"] != nil,
                                            unsubscribed: Set(NoticeKind.allCases.filter { fields["kind-\($0.rawValue)"] == nil }))
        try await NoticeStore(db: req.db).setPreferences(preferences, by: req.principal, audit: req.auditLog)
        return req.redirect(to: AccountURL.account.path + "?email=saved#email", redirectType: .normal)
    }

    /// The kind of an unsubscribe link (`all`: the whole digest) and its account, or a 404.
    private func link(_ req: Request) async throws -> (kind: NoticeKind?, token: String) {
        let kindText = req.parameter(.kind)
        let kind = NoticeKind(rawValue: kindText)
        let token = req.parameter(.token)
        guard kind != nil || kindText == "all", try await NoticeStore(db: req.db).preferences(token: token) != nil else {
            throw DomainError.notFound("unsubscribe link")
        }
        return (kind, token)
    }

    @Sendable func confirmUnsubscribe(_ req: Request) async throws -> Response {
        let (kind, token) = try await link(req)
        let response = try await UnsubscribePage.render(PageContext(request: req), kind: kind, token: token, done: false).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func unsubscribe(_ req: Request) async throws -> HTML {
        let (kind, token) = try await link(req)
        try await NoticeStore(db: req.db).unsubscribe(token: token, kind: kind, audit: req.auditLog)
        return UnsubscribePage.render(PageContext(request: req), kind: kind, token: token, done: true)
    }
}
