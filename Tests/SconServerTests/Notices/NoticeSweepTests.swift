import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// `scon remind`'s sweep with a stand-in sendmail: what is due becomes notices once, and each
/// account gets at most one digest a day, in its language, as a well-formed RFC 5322 message.
@Suite struct NoticeSweepTests {
    /// 2026-12-01 08:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_796_112_000)
    /// 2026-12-08 07:00 UTC (16:00 in Seoul): 6 days 23 hours after `start`.
    static let deadline = start.addingTimeInterval(7 * 86_400 - 3_600)

    static func configure(_ sendmail: String?) -> (inout AppConfig) -> Void {
        { config in
            config.sendmail = sendmail
            config.publicURL = "https://scon.example"
            config.mailFrom = "K-SCON <noreply@scon.example>"
        }
    }

    static func draft(_ due: Date = deadline) -> DueItem {
        DueItem(kind: "due.draft", title: "Smart water for Sukjai", due: due, dueText: "2026-12-08T16:00 (Asia/Seoul)", path: "/proposals/p-1")
    }

    static func review() -> DueItem {
        DueItem(kind: "due.review", title: "P-007 Flood sensors", due: nil, dueText: nil, path: "/reviews/r-7")
    }

    /// The sweep with what is due given per account (everyone else has nothing due).
    static func sweep(_ app: Application, _ items: [UUID: [DueItem]]) async throws -> NoticeSweep.Outcome {
        var sweep = NoticeSweep(app: app)
        sweep.due = { principal, _, _ in principal.userID.flatMap { items[$0] } ?? [] }
        return try await sweep.run()
    }

    static func setLanguage(_ app: Application, _ user: TestUser, _ language: Language) async throws {
        let row = try #require(try await User.find(user.id, on: app.db))
        row.language = language.rawValue
        try await row.update(on: app.db)
    }

    /// A week ahead: one notice and one digest; the same day again: nothing; a day ahead: a
    /// new notice and a second digest, whose headers Python's `email` package reads as written.
    @Test(arguments: TestDatabase.all)
    func aDeadlineMakesOneNoticeAndOneDigestAWeekAndADayAhead(_ database: TestDatabase) async throws {
        let mail = try StandInSendmail()
        defer { mail.remove() }
        try await withTestApp(database, config: Self.configure(mail.path)) { app in
            let user = try await app.makeUser("week@example.org")
            app.clock = .fixed(Self.start)
            let first = try await Self.sweep(app, [user.id: [Self.draft()]])
            #expect(first == NoticeSweep.Outcome(accounts: 1, notices: 1, digests: 1, failures: 0, mailOff: false))
            #expect(mail.messages.count == 1)

            app.clock = .fixed(Self.start.addingTimeInterval(3 * 3_600))
            let again = try await Self.sweep(app, [user.id: [Self.draft()]])
            #expect(again.notices == 0 && again.digests == 0)
            #expect(mail.messages.count == 1)

            app.clock = .fixed(Self.deadline.addingTimeInterval(-20 * 3_600))
            let dayAhead = try await Self.sweep(app, [user.id: [Self.draft()]])
            #expect(dayAhead.notices == 1 && dayAhead.digests == 1)
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == user.id).count() == 2)
            let messages = mail.messages
            #expect(messages.count == 2)
            let raw = try #require(messages.last)
            #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
            #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
            let message = try #require(try MailReader.read(raw))
            #expect(message.defects.isEmpty)
            #expect(message.from == "K-SCON <noreply@scon.example>")
            #expect(message.to == "week@example.org")
            #expect(message.subject == "K-SCON: 1 new notice")
            #expect(message.date == "2026-12-07T11:00:00+00:00")
            #expect(message.messageID == "<digest-\(user.id.uuidString.lowercased())-20261207@scon.example>")
            #expect(message.mimeVersion == "1.0")
            #expect(message.contentType == "text/plain" && message.charset == "utf-8")
            #expect(message.listUnsubscribe.hasPrefix("<https://scon.example/unsubscribe/all/"))
            #expect(message.body.contains("Due within a day — Draft to submit: Smart water for Sukjai (due 2026-12-08 16:00 (Asia/Seoul))"))
            #expect(message.body.contains("https://scon.example/proposals/p-1"))
            #expect(!message.body.contains("Due in 7 days"), "the first notice was in the first digest")
            let preferences = try #require(try await NoticePreferenceRecord.query(on: app.db).filter(\.$userID == user.id).first())
            #expect(preferences.lastDigestID == message.messageID)

            // The digest's link for its kind unsubscribes without sign-in: GET asks, POST does.
            let link = try #require(message.body.components(separatedBy: .newlines).first { $0.hasPrefix("https://scon.example/unsubscribe/deadline/") })
            let path = String(link.dropFirst("https://scon.example".count))
            let browser = Browser(app)
            let asked = try await browser.get(path)
            #expect(asked.status == .ok && asked.text.contains("<form method=\"post\""))
            #expect(try await browser.post(path, form: []).status == .ok)
            let after = try #require(try await NoticePreferenceRecord.query(on: app.db).filter(\.$userID == user.id).first())
            #expect(try after.preferences == NoticePreferences(digest: true, unsubscribed: [.deadline]))
        }
    }

    /// A Korean account's digest is in Korean, its subject encoded per RFC 2047 and read back
    /// equal; an English account's in English, in the same run.
    @Test(arguments: TestDatabase.all)
    func eachAccountReadsItsDigestInItsLanguage(_ database: TestDatabase) async throws {
        let mail = try StandInSendmail()
        defer { mail.remove() }
        try await withTestApp(database, config: Self.configure(mail.path)) { app in
            let korean = try await app.makeUser("ko@example.org"), english = try await app.makeUser("en@example.org")
            try await Self.setLanguage(app, korean, .ko)
            app.clock = .fixed(Self.start)
            let outcome = try await Self.sweep(app, [korean.id: [Self.draft(), Self.review()], english.id: [Self.draft()]])
            #expect(outcome.digests == 2)
            var read: [String: (raw: String, message: MailReader.Message)] = [:]
            for raw in mail.messages {
                let message = try #require(try MailReader.read(raw))
                read[message.to] = (raw, message)
            }
            let ko = try #require(read["ko@example.org"]), en = try #require(read["en@example.org"])
            let subjectLine = try #require(ko.raw.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
            #expect(subjectLine.hasPrefix("Subject: =?UTF-8?B?"))
            #expect(ko.message.subject == "K-SCON 새 알림 2건")
            #expect(ko.message.body.contains("마감 7일 이내 — 제출할 초안: Smart water for Sukjai"))
            #expect(ko.message.body.contains("심사: P-007 Flood sensors"))
            #expect(ko.message.body.contains("하루 요약 메일") || ko.message.body.contains("모든 이메일 그만 받기"))
            #expect(en.message.subject == "K-SCON: 1 new notice")
            #expect(en.message.body.contains("Due in 7 days or less — Draft to submit: Smart water for Sukjai"))
            #expect(ko.message.defects.isEmpty && en.message.defects.isEmpty)
        }
    }

    /// A kind the person left still reaches the inbox, but no e-mail; the kinds they keep do.
    @Test(arguments: TestDatabase.all)
    func anUnsubscribedKindStaysInTheInboxWithoutMail(_ database: TestDatabase) async throws {
        let mail = try StandInSendmail()
        defer { mail.remove() }
        try await withTestApp(database, config: Self.configure(mail.path)) { app in
            let quiet = try await app.makeUser("quiet@example.org"), mixed = try await app.makeUser("mixed@example.org")
            for user in [quiet, mixed] {
                try await NoticeStore(db: app.db).setPreferences(NoticePreferences(unsubscribed: [.deadline]), by: Principal(userID: user.id, grants: []), audit: app.auditLog)
            }
            app.clock = .fixed(Self.start)
            let outcome = try await Self.sweep(app, [quiet.id: [Self.draft()], mixed.id: [Self.draft(), Self.review()]])
            #expect(outcome.notices == 3 && outcome.digests == 1)
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == quiet.id).count() == 1)
            let messages = mail.messages
            #expect(messages.count == 1)
            let first = try #require(messages.first)
            let message = try #require(try MailReader.read(first))
            #expect(message.to == "mixed@example.org")
            #expect(message.body.contains("Review: P-007 Flood sensors") && !message.body.contains("Smart water"))
            // Passed over, not mailed later when the person turns the kind on again.
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == quiet.id).filter(\.$digestedAt == nil).count() == 0)
        }
    }

    /// A sendmail that fails: logged, nothing marked sent; the next run sends the digest.
    @Test(arguments: TestDatabase.all)
    func aFailedSendIsTriedAgainNextRun(_ database: TestDatabase) async throws {
        let failing = try StandInSendmail(failing: true), working = try StandInSendmail()
        defer { failing.remove(); working.remove() }
        try await withTestApp(database, config: Self.configure(failing.path)) { app in
            let user = try await app.makeUser()
            app.clock = .fixed(Self.start)
            let failed = try await Self.sweep(app, [user.id: [Self.draft()]])
            #expect(failed.notices == 1 && failed.digests == 0 && failed.failures == 1)
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == user.id).filter(\.$digestedAt == nil).count() == 1)
            #expect(try await NoticePreferenceRecord.query(on: app.db).filter(\.$userID == user.id).first()?.lastDigestAt == nil)
            app.sconConfig.sendmail = working.path
            let retried = try await Self.sweep(app, [user.id: [Self.draft()]])
            #expect(retried.notices == 0 && retried.digests == 1 && retried.failures == 0)
            #expect(working.messages.count == 1)
        }
    }

    /// Without SCON_SENDMAIL only the inbox fills; the command says so.
    @Test(arguments: TestDatabase.all)
    func withoutSendmailOnlyTheInboxFills(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: Self.configure(nil)) { app in
            let user = try await app.makeUser()
            app.clock = .fixed(Self.start)
            let outcome = try await Self.sweep(app, [user.id: [Self.draft(), Self.review()]])
            #expect(outcome == NoticeSweep.Outcome(accounts: 1, notices: 2, digests: 0, failures: 0, mailOff: true))
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == user.id).filter(\.$digestedAt == nil).count() == 2)
        }
    }

    /// With the platform's own "what is due": a draft of the person's organisation in an open call
    /// makes a deadline notice once its deadline is a week or less ahead.
    @Test(arguments: TestDatabase.all)
    func whatIsDueInTheOpenCallBecomesNotices(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: Self.configure(nil)) { app in
            let fixture = try await ProposalFixture.make(app)
            _ = try await fixture.draft()
            let callID: UUID? = UUID(uuidString: fixture.callID)
            let call = try #require(try await Call.find(callID, on: app.db))
            let closes = try call.terms().schedule.closesAt
            func deadlineNotices() async throws -> Int {
                try await NoticeRecord.query(on: app.db).filter(\.$userID == fixture.member.id).filter(\.$kindText == "deadline").count()
            }
            app.clock = .fixed(closes.addingTimeInterval(-8 * 86_400))
            _ = try await NoticeSweep(app: app).run()
            #expect(try await deadlineNotices() == 0)
            app.clock = .fixed(closes.addingTimeInterval(-6 * 86_400))
            _ = try await NoticeSweep(app: app).run()
            #expect(try await deadlineNotices() == 1)
            app.clock = .fixed(closes.addingTimeInterval(-5 * 86_400))
            _ = try await NoticeSweep(app: app).run()
            #expect(try await deadlineNotices() == 1)
            app.clock = .fixed(closes.addingTimeInterval(-12 * 3_600))
            _ = try await NoticeSweep(app: app).run()
            #expect(try await deadlineNotices() == 2)
            let texts = try await NoticeRecord.query(on: app.db).filter(\.$userID == fixture.member.id).all().map(\.textEn)
            #expect(texts.contains { $0.hasPrefix("Due within a day — Draft to submit: Bangkok flood early warning") })
        }
    }
}
