import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SconDomain
import Vapor

/// The sweep of `scon remind` (and of the server once a day): for every account, what is due
/// becomes notices (`NoticeRule`: a task once, deadlines at 7 days and 1 day ahead; the same
/// item at the same horizon once only); then, when `SCON_SENDMAIL` is set, each account with
/// new unread notices of kinds it still wants gets ONE digest a day, in its language.
struct NoticeSweep: Sendable {
    let db: any Database
    let config: AppConfig
    let now: Date
    let logger: Logger
    /// What is due for a person (every context's `due`, by default).
    var due: @Sendable (Principal, any Database, Date) async throws -> [DueItem] = { principal, db, now in
        try await DueStore(db: db).due(for: principal, now: now)
    }

    init(app: Application) {
        db = app.db
        config = app.sconConfig
        now = app.clock.now()
        logger = app.logger
    }

    struct Outcome: Sendable, Equatable {
        var accounts = 0
        var notices = 0
        var digests = 0
        var failures = 0
        var mailOff = false
    }

    func run() async throws -> Outcome {
        var outcome = Outcome(mailOff: config.sendmail == nil)
        let users = try await User.query(on: db).all()
        let store = NoticeStore(db: db)
        for user in users {
            let userID = user.storedID
            let grants = try await RoleGrant.query(on: db).filter(\.$userID == userID).all().map { try $0.grant }
            var posted = 0
            for item in try await due(Principal(userID: userID, grants: Set(grants)), db, now) {
                for draft in NoticeRule.notices(for: DueFact(dueKind: item.kind, title: item.title, due: item.due, path: item.path), now: now) {
                    if try await store.post(to: userID, kind: draft.kind, text: Self.text(draft, dueText: item.dueText), link: draft.link,
                                            dueKey: draft.dueKey, at: now) != nil { posted += 1 }
                }
            }
            if posted > 0 { outcome.accounts += 1; outcome.notices += posted }
        }
        guard let path = config.sendmail else { return outcome }
        let sendmail = Sendmail(path: path)
        for user in users {
            switch try await digest(for: user, through: sendmail) {
            case .sent: outcome.digests += 1
            case .failed: outcome.failures += 1
            case .nothing: break
            }
        }
        return outcome
    }

    enum DigestResult { case sent, failed, nothing }

    /// One account's digest: its new notices (not yet in a digest, unread), at most one a day
    /// (UTC). Sent: they are marked, with the account's last digest. Failed: logged, nothing
    /// marked (the next run tries again).
    func digest(for user: User, through sendmail: Sendmail) async throws -> DigestResult {
        let userID = user.storedID
        guard !user.email.hasSuffix(".invalid") else { return .nothing }
        let pending = try await NoticeRecord.query(on: db).filter(\.$userID == userID).filter(\.$digestedAt == nil).all()
        guard !pending.isEmpty else { return .nothing }
        let store = NoticeStore(db: db)
        let preferences = try await store.preferences(of: userID)
        if let last = preferences.lastDigestAt, CalendarDay(last) == CalendarDay(now) { return .nothing }
        let language = Language(rawValue: user.language) ?? .ko
        let strings = Strings.of(language)
        let unread = pending.filter { $0.readAt == nil }
        let notices = try unread.map {
            DigestNotice(id: $0.storedID, kind: try $0.kind, text: $0.text.text(in: language), link: config.publicURL + $0.link, createdAt: $0.createdAt)
        }
        let token = preferences.token
        let digest = Digest.build(notices: notices, preferences: try preferences.preferences, wording: Self.wording(strings, name: user.displayName),
                                  inbox: config.publicURL + NoticesURL.inbox.path,
                                  unsubscribe: { config.publicURL + NoticesURL.unsubscribe($0, token: token).path })
        guard let digest else {
            // Only kinds the person left (or read already): passed over, not mailed later.
            try await mark(pending.map(\.storedID))
            return .nothing
        }
        let from = MailAddress(config.mailFrom) ?? MailAddress(name: "K-SCON", address: "noreply@localhost")
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = MailMessage.digestID(account: userID, on: now, domain: domain)
        let message = MailMessage(from: from, to: MailAddress(address: user.email), subject: digest.subject, date: now, messageID: messageID,
                                  listUnsubscribe: config.publicURL + NoticesURL.unsubscribe(nil, token: token).path, body: digest.body)
        do {
            try await sendmail.send(message.text)
        } catch {
            logger.warning("notices: the digest for \(UUIDText.string(userID)) was not sent (tried again next run): \(error)")
            return .failed
        }
        try await mark(pending.map(\.storedID))
        preferences.lastDigestAt = now
        preferences.lastDigestID = messageID
        try await preferences.update(on: db)
        return .sent
    }

    private func mark(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await NoticeRecord.query(on: db).filter(\.$id ~~ ids).set(\.$digestedAt, to: now).update()
    }

    /// A notice's text in both languages: "Due in 7 days or less — Draft to submit: Smart water (due 2027-02-26 18:00 (Asia/Seoul))".
    static func text(_ draft: NoticeDraft, dueText: String?) -> LocalizedText {
        func render(_ strings: Strings) -> String {
            let values = ["label": strings[draft.dueKind], "title": draft.title, "time": DueText.readable(dueText ?? "")]
            switch draft.horizonDays {
            case 7?: return strings.format("notice.deadline7", values)
            case 1?: return strings.format("notice.deadline1", values)
            default: return strings.format(dueText == nil ? "notice.task" : "notice.taskUntil", values)
            }
        }
        return LocalizedText(en: render(.of(.en)), ko: render(.of(.ko)))
    }

    static func wording(_ strings: Strings, name: String) -> DigestWording {
        DigestWording(subject: { $0 == 1 ? strings["digest.subject1"] : strings.format("digest.subject", ["n": String($0)]) },
                      greeting: strings.format("digest.greeting", ["name": name]),
                      heading: { strings["noticekind.\($0.rawValue)"] },
                      inbox: strings["digest.inbox"],
                      unsubscribeKind: { strings.format("digest.unsubscribeKind", ["kind": strings["noticekind.\($0.rawValue)"]]) },
                      unsubscribeAll: strings["digest.unsubscribeAll"],
                      footer: strings["digest.footer"])
    }
}

/// While `scon serve` runs: the sweep once a day (the first a minute after start), so that
/// what is due arrives without anyone running `scon remind`.
final class DailyNoticeSweep: LifecycleHandler, @unchecked Sendable {
    let interval: TimeAmount
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(interval: TimeAmount = .hours(24)) { self.interval = interval }

    func didBootAsync(_ application: Application) async throws {
        let started = application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: interval) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do {
                    let outcome = try await NoticeSweep(app: application).run()
                    application.logger.info("notices: \(outcome.notices) new notice(s) for \(outcome.accounts) account(s); digests sent \(outcome.digests), failed \(outcome.failures)")
                } catch {
                    application.logger.warning("notices: the daily sweep failed: \(error)")
                }
            }
        }
        task.withLockedValue { $0 = started }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel(); $0 = nil }
    }
}
