import Fluent
import Foundation
import SconDomain
import Vapor

extension AuditChainKey {
    /// A person's notice preferences write under their account's chain.
    static func notices(_ user: UUID) -> AuditChainKey { .account(user) }
}

/// The inbox: posting notices (any context may, through `post`), reading and marking them,
/// and each account's e-mail preferences. A notice is addressed to one account; nobody else
/// reads or marks it (`NoticeAccess`): another person's notice is a 404.
struct NoticeStore: Sendable {
    let db: any Database

    /// Posts a notice to one account. With a `dueKey`, the same key for the same account makes
    /// one notice only: a second post returns nil and writes nothing.
    @discardableResult
    func post(to user: UUID, kind: NoticeKind, text: LocalizedText, link: String, dueKey: String?, at now: Date) async throws -> NoticeRecord? {
        if let dueKey, try await NoticeRecord.query(on: db).filter(\.$userID == user).filter(\.$dueKey == dueKey).count() > 0 { return nil }
        let notice = NoticeRecord()
        notice.id = UUID()
        notice.userID = user
        notice.kindText = kind.rawValue
        notice.textEn = text.en
        notice.textKo = text.ko
        notice.link = link
        notice.dueKey = dueKey
        notice.createdAt = now
        notice.sortKey = NoticeRecord.sortKey(now)
        do {
            try await notice.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure && dueKey != nil {
            // Posted at the same moment by another sweep (another app server): theirs stands.
            return nil
        }
        return notice
    }

    /// The person's notices, newest first, a page at a time (keyset on the creation time and id).
    func page(for principal: Principal, _ page: PageQuery) async throws -> SconDomain.Page<NoticeRecord> {
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        let query = NoticeRecord.query(on: db).filter(\.$userID == user)
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter(\.$sortKey < cursor.key)
                or.group(.and) { $0.filter(\.$sortKey == cursor.key).filter(\.$id < cursor.id) }
            }
        }
        let rows = try await query.sort(\.$sortKey, .descending).sort(\.$id, .descending).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.sortKey, id: $0.storedID) }
    }

    func unreadCount(of user: UUID) async throws -> Int {
        try await NoticeRecord.query(on: db).filter(\.$userID == user).filter(\.$readAt == nil).count()
    }

    /// Marks one of the person's notices read (again: no change). Someone else's is a 404.
    func markRead(_ id: UUID, by principal: Principal, at now: Date) async throws -> NoticeRecord {
        guard let notice = try await NoticeRecord.find(id, on: db), NoticeAccess.allows(principal, .read(owner: notice.userID)) else {
            throw DomainError.notFound("notice")
        }
        if notice.readAt == nil {
            notice.readAt = now
            try await notice.update(on: db)
        }
        return notice
    }

    /// Marks all the person's notices read; returns how many were unread.
    @discardableResult
    func markAllRead(by principal: Principal, at now: Date) async throws -> Int {
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        let unread = try await unreadCount(of: user)
        try await NoticeRecord.query(on: db).filter(\.$userID == user).filter(\.$readAt == nil).set(\.$readAt, to: now).update()
        return unread
    }

    // MARK: preferences

    /// The account's preferences, made (digest on, every kind, a new token) on first use.
    func preferences(of user: UUID) async throws -> NoticePreferenceRecord {
        if let row = try await NoticePreferenceRecord.query(on: db).filter(\.$userID == user).first() { return row }
        let row = NoticePreferenceRecord()
        row.id = UUID()
        row.userID = user
        row.set(NoticePreferences())
        row.token = SecureToken.random()
        do {
            try await row.create(on: db)
            return row
        } catch {
            // Made at the same moment by another writer: theirs stands.
            if let row = try await NoticePreferenceRecord.query(on: db).filter(\.$userID == user).first() { return row }
            throw error
        }
    }

    /// Saves the person's choices (`notices.preferences`, audited under their account).
    func setPreferences(_ preferences: NoticePreferences, by principal: Principal, audit: AuditLog) async throws {
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        let row = try await self.preferences(of: user)
        try await audit.record(.notices(user)) { tx in
            row.set(preferences)
            try await row.update(on: tx)
            return ((), [AuditEvent(actor: user, action: "notices.preferences", subject: "user:\(UUIDText.string(user))",
                                    details: ["digest": preferences.digest ? "on" : "off", "unsubscribed": row.unsubscribedText])])
        }
    }

    /// The account whose unsubscribe links carry `token`, or nil.
    func preferences(token: String) async throws -> NoticePreferenceRecord? {
        guard !token.isEmpty, token.utf8.count <= 100 else { return nil }
        return try await NoticePreferenceRecord.query(on: db).filter(\.$token == token).first()
    }

    /// Leaves one kind (or the whole digest, `kind` nil) by the token of an e-mail's link: no
    /// sign-in, the token is the authority (`notices.unsubscribe`, audited without an actor).
    func unsubscribe(token: String, kind: NoticeKind?, audit: AuditLog) async throws {
        guard let row = try await preferences(token: token) else { throw DomainError.notFound("unsubscribe link") }
        var changed = try row.preferences
        if let kind { changed.unsubscribed.insert(kind) } else { changed.digest = false }
        let preferences = changed
        let user = row.userID
        try await audit.record(.notices(user)) { tx in
            row.set(preferences)
            try await row.update(on: tx)
            return ((), [AuditEvent(actor: nil, action: "notices.unsubscribe", subject: "user:\(UUIDText.string(user))",
                                    details: ["kind": kind?.rawValue ?? "all"])])
        }
    }
}
