import Foundation
import Testing
@testable import SconDomain

@Suite struct NoticeRuleTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let day = 86_400.0

    @Test func dueKindsMapOntoNoticeKinds() {
        #expect(NoticeKind.of(dueKind: "due.draft") == .deadline)
        #expect(NoticeKind.of(dueKind: "due.trainingOffer") == .deadline)
        #expect(NoticeKind.of(dueKind: "due.review") == .review)
        #expect(NoticeKind.of(dueKind: "due.endorsement") == .endorsement)
        #expect(NoticeKind.of(dueKind: "due.appeal") == .appeal)
        #expect(NoticeKind.of(dueKind: "due.joinRequest") == .joinRequest)
        #expect(NoticeKind.of(dueKind: "due.milestone") == .other)
    }

    /// A draft's deadline makes nothing 8 days ahead, one 7-day reminder from 7 days ahead on,
    /// a 1-day reminder (another key) from a day ahead on, and nothing once it has passed.
    @Test func deadlinesRemindAtSevenAndOneDaysAhead() {
        let due = Self.now.addingTimeInterval(7 * Self.day)
        let fact = DueFact(dueKind: "due.draft", title: "Smart water", due: due, path: "/proposals/1")
        #expect(NoticeRule.notices(for: fact, now: due.addingTimeInterval(-8 * Self.day)).isEmpty)
        let week = NoticeRule.notices(for: fact, now: Self.now)
        #expect(week.map(\.horizonDays) == [7])
        #expect(week.first?.kind == .deadline)
        #expect(NoticeRule.notices(for: fact, now: due.addingTimeInterval(-3 * Self.day)).map(\.dueKey) == week.map(\.dueKey))
        let dayAhead = NoticeRule.notices(for: fact, now: due.addingTimeInterval(-Self.day + 60))
        #expect(dayAhead.map(\.horizonDays) == [1])
        #expect(dayAhead.first?.dueKey != week.first?.dueKey)
        #expect(NoticeRule.notices(for: fact, now: due.addingTimeInterval(1)).isEmpty)
    }

    /// A review makes one notice when it appears (the same key every time), and deadline
    /// reminders as its deadline nears.
    @Test func aTaskMakesOneNoticeAndItsDeadlineReminders() {
        let fact = DueFact(dueKind: "due.review", title: "P-1", due: Self.now.addingTimeInterval(30 * Self.day), path: "/reviews/1")
        let first = NoticeRule.notices(for: fact, now: Self.now)
        #expect(first.map(\.kind) == [.review])
        #expect(NoticeRule.notices(for: fact, now: Self.now.addingTimeInterval(Self.day)).map(\.dueKey) == first.map(\.dueKey))
        #expect(NoticeRule.notices(for: fact, now: Self.now.addingTimeInterval(29.5 * Self.day)).map(\.kind) == [.review, .deadline])
        let appeal = DueFact(dueKind: "due.appeal", title: "P-2", due: nil, path: "/proposals/2")
        #expect(NoticeRule.notices(for: appeal, now: Self.now).map(\.kind) == [.appeal])
    }

    @Test func onlyTheAddresseeReadsANotice() {
        let owner = UUID()
        #expect(NoticeAccess.allows(Principal(userID: owner, grants: []), .read(owner: owner)))
        #expect(!NoticeAccess.allows(Principal(userID: UUID(), grants: [Grant(role: .administrator, scope: .global)]), .read(owner: owner)))
        #expect(!NoticeAccess.allows(.anonymous, .read(owner: owner)))
    }
}

@Suite struct DigestTests {
    static let wording = DigestWording(subject: { "K-SCON: \($0) new" }, greeting: "Hello", heading: { "## \($0.rawValue)" }, inbox: "Inbox:",
                                       unsubscribeKind: { "Stop \($0.rawValue):" }, unsubscribeAll: "Stop all:", footer: "K-SCON")

    static func notice(_ kind: NoticeKind, _ text: String, _ offset: Double = 0) -> DigestNotice {
        DigestNotice(id: UUID(), kind: kind, text: text, link: "https://scon.example/x", createdAt: Date(timeIntervalSince1970: 1_800_000_000 + offset))
    }

    /// Several notices make one message, grouped by kind; an unsubscribed kind is left out; a
    /// digest turned off, or only unwanted kinds, makes nothing.
    @Test func oneMessageOfTheWantedKinds() throws {
        let notices = [Self.notice(.review, "Review P-1"), Self.notice(.deadline, "Draft due in 7 days"), Self.notice(.appeal, "Appeal P-2")]
        let digest = try #require(Digest.build(notices: notices, preferences: NoticePreferences(unsubscribed: [.appeal]), wording: Self.wording,
                                               inbox: "https://scon.example/inbox", unsubscribe: { "https://scon.example/u/\($0?.rawValue ?? "all")" }))
        #expect(digest.subject == "K-SCON: 2 new")
        #expect(digest.kinds == [.deadline, .review])
        #expect(digest.noticeIDs.count == 2)
        #expect(digest.body.contains("Review P-1") && digest.body.contains("Draft due in 7 days") && !digest.body.contains("Appeal P-2"))
        #expect(digest.body.range(of: "## deadline")!.lowerBound < digest.body.range(of: "## review")!.lowerBound)
        #expect(digest.body.contains("https://scon.example/u/review") && digest.body.contains("https://scon.example/u/all"))
        #expect(Digest.build(notices: notices, preferences: NoticePreferences(digest: false), wording: Self.wording, inbox: "", unsubscribe: { _ in "" }) == nil)
        #expect(Digest.build(notices: [Self.notice(.appeal, "A")], preferences: NoticePreferences(unsubscribed: [.appeal]), wording: Self.wording,
                             inbox: "", unsubscribe: { _ in "" }) == nil)
        #expect(Digest.build(notices: [], preferences: NoticePreferences(), wording: Self.wording, inbox: "", unsubscribe: { _ in "" }) == nil)
    }
}

@Suite struct MailMessageTests {
    static let message = MailMessage(from: MailAddress(name: "K-SCON", address: "noreply@scon.example"),
                                     to: MailAddress(address: "a@example.org"),
                                     subject: "K-SCON 알림 3건: 마감 7일 전 제안서 초안 제출, 심사 배정, 이의 신청 답변 — 스마트시티 협력 플랫폼",
                                     date: Date(timeIntervalSince1970: 1_796_120_484), messageID: "<digest-x-20261201@scon.example>",
                                     listUnsubscribe: "https://scon.example/unsubscribe/all/abc", body: "안녕하세요\n- 첫째 줄\n")

    /// The Korean subject is encoded-words of at most 75 characters on folded lines, and
    /// decodes back to the same text.
    @Test func aKoreanSubjectIsEncodedPerRFC2047AndDecodesBack() throws {
        let words = MailHeader.encodedWords(Self.message.subject)
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let line = MailHeader.line("Subject", Self.message.subject)
        #expect(MailHeader.decode(String(line.dropFirst("Subject: ".count))) == Self.message.subject)
        #expect(MailHeader.line("Subject", "K-SCON: 2 new notices") == "Subject: K-SCON: 2 new notices")
        #expect(!MailHeader.line("Subject", "a\r\nBcc: x@example.org").contains("\r\nBcc"))
    }

    @Test func theMessageHasTheHeadersAndCRLFLines() throws {
        let text = Self.message.text
        let (head, body) = try #require(text.range(of: "\r\n\r\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) })
        let lines = head.components(separatedBy: "\r\n")
        #expect(lines.contains("From: K-SCON <noreply@scon.example>"))
        #expect(lines.contains("To: a@example.org"))
        #expect(lines.contains("Date: Tue, 01 Dec 2026 10:21:24 +0000"))
        #expect(lines.contains("Message-ID: <digest-x-20261201@scon.example>"))
        #expect(lines.contains("MIME-Version: 1.0"))
        #expect(lines.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(lines.contains("List-Unsubscribe: <https://scon.example/unsubscribe/all/abc>"))
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let decoded = String(decoding: try #require(Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))), as: UTF8.self)
        #expect(decoded == "안녕하세요\r\n- 첫째 줄\r\n")
    }

    @Test func aDigestIDIsStablePerAccountAndDay() {
        let account = UUID()
        let morning = Date(timeIntervalSince1970: 1_796_090_000), evening = morning.addingTimeInterval(40_000), next = morning.addingTimeInterval(86_400)
        #expect(MailMessage.digestID(account: account, on: morning, domain: "d") == MailMessage.digestID(account: account, on: evening, domain: "d"))
        #expect(MailMessage.digestID(account: account, on: morning, domain: "d") != MailMessage.digestID(account: account, on: next, domain: "d"))
        #expect(MailAddress("K-SCON <noreply@scon.example>") == MailAddress(name: "K-SCON", address: "noreply@scon.example"))
        #expect(MailAddress("not an address") == nil)
        #expect(MailAddress(name: "김 담당", address: "k@example.org").header.hasPrefix("=?UTF-8?B?"))
    }
}
