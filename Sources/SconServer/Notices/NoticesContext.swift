import Fluent
import Foundation
import SconDomain
import Vapor

/// Notices: an inbox per account that what is due (and other contexts, through
/// `NoticeStore.post`) fills, and a daily e-mail digest through the system's `sendmail`
/// (`SCON_SENDMAIL`; off by default), with an unsubscribe link per kind.
struct NoticesContext: SconContext {
    let name = "Notices"

    var migrations: [any Migration] { [CreateNoticeTables()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: NoticesPagesController())
        try routes.app.register(collection: NoticesAPIController())
        routes.app.middleware.use(UnreadNotices())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .account, order: 5, label: "nav.inbox", route: NoticesURL.inbox, isShown: { $0.isSignedIn }, badge: { context in
            guard let count = context.request.unreadNotices, count > 0 else { return nil }
            return "<span class=\"badge badge-alert\" title=\"\(context.strings.format("inbox.unreadCount", ["n": String(count)]))\">\(count)<span class=\"visually-hidden\"> \(context.strings.format("inbox.unreadCount", ["n": String(count)]))</span></span>"
        })]
    }

    var strings: StringTable { Self.table }

    /// The sweep once a day while `scon serve` runs (`scon remind` runs it on demand).
    var tools: ContextTools { ContextTools(whileServing: [DailyNoticeSweep()]) }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        let rows = try await NoticeRecord.query(on: db).filter(\.$userID == user).sort(\.$sortKey, .descending).all()
        let preferences = try await NoticePreferenceRecord.query(on: db).filter(\.$userID == user).first()
        var sections: [String: PersonalDataSection] = [:]
        struct Notice: Encodable, Sendable {
            var kind: String; var text: LocalizedText; var link: String; var createdAt: String; var readAt: String?; var emailedAt: String?
        }
        if !rows.isEmpty {
            sections["notices"] = PersonalDataSection(rows.map {
                Notice(kind: $0.kindText, text: $0.text, link: $0.link, createdAt: AuditChain.timestamp($0.createdAt),
                       readAt: $0.readAt.map(AuditChain.timestamp), emailedAt: $0.digestedAt.map(AuditChain.timestamp))
            })
        }
        if let preferences {
            struct Preferences: Encodable, Sendable { var digest: Bool; var unsubscribed: [String]; var lastDigestAt: String? }
            sections["noticePreferences"] = PersonalDataSection(Preferences(
                digest: preferences.digest, unsubscribed: preferences.unsubscribedText.split(separator: ",").map(String.init),
                lastDigestAt: preferences.lastDigestAt.map(AuditChain.timestamp)))
        }
        return sections
    }

    /// The account's notices and preferences go (the account's row stays, anonymised).
    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        try await NoticeRecord.query(on: db).filter(\.$userID == user).delete()
        try await NoticePreferenceRecord.query(on: db).filter(\.$userID == user).delete()
    }
}

/// Counts the signed-in person's unread notices for the menu, on page views only.
struct UnreadNotices: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, let user = request.signedInUser, user.credential == .session,
           !request.url.path.hasPrefix(APIRoot.path) {
            request.unreadNotices = try? await NoticeStore(db: request.db).unreadCount(of: user.id)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct UnreadKey: StorageKey { typealias Value = Int }

    /// The signed-in person's unread notices, counted by `UnreadNotices` for pages.
    var unreadNotices: Int? {
        get { storage[UnreadKey.self] }
        set { storage[UnreadKey.self] = newValue }
    }
}
