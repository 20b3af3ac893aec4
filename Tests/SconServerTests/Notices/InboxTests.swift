import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// `/inbox`, the API of notices, the e-mail preferences on `/account`, the unsubscribe links,
/// and notices in the personal data download and erasure.
@Suite struct InboxTests {
    static let start = Date(timeIntervalSince1970: 1_796_112_000)

    @discardableResult
    static func post(_ app: Application, to user: UUID, _ text: String, after seconds: Double = 0, kind: NoticeKind = .review) async throws -> NoticeRecord {
        try #require(try await NoticeStore(db: app.db).post(to: user, kind: kind, text: LocalizedText(en: text, ko: "알림 " + text), link: "/calls",
                                                            dueKey: nil, at: start.addingTimeInterval(seconds)))
    }

    /// Newest first, unread marked and counted in the menu; marking one read, then all.
    @Test(arguments: TestDatabase.all)
    func theInboxListsNewestFirstAndMarksRead(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            app.clock = .fixed(Self.start.addingTimeInterval(3_600))
            let first = try await Self.post(app, to: user.id, "First notice")
            let second = try await Self.post(app, to: user.id, "Second notice", after: 60)
            let browser = Browser(app)
            try await browser.signIn(user)
            let page = try await browser.get("/inbox")
            #expect(page.status == .ok)
            let text = page.text
            let newer = try #require(text.range(of: "Second notice")), older = try #require(text.range(of: "First notice"))
            #expect(newer.lowerBound < older.lowerBound)
            #expect(text.contains("2 unread"))
            #expect(text.contains("<span class=\"badge badge-alert\">New</span>"))
            let read = try await browser.post("/inbox/\(first.storedID.uuidString)/read", form: [])
            #expect(read.status == .seeOther)
            #expect(try await NoticeRecord.find(first.id, on: app.db)?.readAt != nil)
            #expect(try await NoticeRecord.find(second.id, on: app.db)?.readAt == nil)
            #expect(try await browser.get("/inbox").text.contains("1 unread"))
            #expect(try await browser.post("/inbox/read-all", form: []).status == .seeOther)
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == user.id).filter(\.$readAt == nil).count() == 0)
            let after = try await browser.get("/inbox?read=all&lang=ko")
            #expect(after.text.contains("모든 알림을 읽음으로 표시했습니다.") && after.text.contains("알림 Second notice"))
            // Without the form's token nothing changes.
            let fresh = try await Self.post(app, to: user.id, "Third notice", after: 120)
            #expect(try await browser.post("/inbox/\(fresh.storedID.uuidString)/read", form: [], csrf: false).status == .forbidden)
            #expect(try await NoticeRecord.find(fresh.id, on: app.db)?.readAt == nil)
        }
    }

    /// Another person's notice: 404 on the page and in the API, unchanged, and never listed.
    @Test(arguments: TestDatabase.all)
    func anotherPersonsNoticeIsNotFoundAndUnchanged(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser(), other = try await app.makeUser()
            app.clock = .fixed(Self.start)
            let theirs = try await Self.post(app, to: other.id, "Their notice")
            let browser = Browser(app)
            try await browser.signIn(user)
            #expect(try await browser.post("/inbox/\(theirs.storedID.uuidString)/read", form: []).status == .notFound)
            try await app.testing().test(.POST, "/api/v1/notices/\(theirs.storedID.uuidString)/read", headers: user.bearer) { #expect($0.status == .notFound) }
            #expect(try await NoticeRecord.find(theirs.id, on: app.db)?.readAt == nil)
            #expect(!(try await browser.get("/inbox").text.contains("Their notice")))
            try await app.testing().test(.GET, "/api/v1/notices", headers: user.bearer) { response in
                #expect(response.status == .ok)
                #expect((response.json["items"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aVisitorIsSentToSignIn(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let visitor = try await Browser(app).get("/inbox")
            #expect(visitor.status == .seeOther && visitor.headers.first(name: .location)?.hasPrefix("/signin") == true)
            try await app.testing().test(.GET, "/api/v1/notices") { #expect($0.status == .unauthorized) }
            let page = try await Browser(app).get("/")
            #expect(!page.text.contains("href=\"/inbox\""))
        }
    }

    /// Keyset pages, newest first; bad limits, cursors and ids are 400 and change nothing.
    @Test(arguments: TestDatabase.all)
    func theAPIPagesAndRefusesBadInput(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            app.clock = .fixed(Self.start.addingTimeInterval(3_600))
            var ids: [String] = []
            for index in 0..<3 { ids.append(UUIDText.string(try await Self.post(app, to: user.id, "Notice \(index)", after: Double(index)).storedID)) }
            var cursor = ""
            try await app.testing().test(.GET, "/api/v1/notices?limit=2", headers: user.bearer) { response in
                #expect(response.status == .ok)
                let items = response.json["items"] as? [[String: Any]] ?? []
                #expect(items.compactMap { $0["id"] as? String } == [ids[2], ids[1]])
                #expect(items.first?["kind"] as? String == "review" && items.first?["readAt"] is NSNull)
                cursor = response.json["nextCursor"] as? String ?? ""
            }
            #expect(!cursor.isEmpty)
            try await app.testing().test(.GET, "/api/v1/notices?limit=2&cursor=\(cursor)", headers: user.bearer) { response in
                #expect((response.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [ids[0]])
                #expect(response.json["nextCursor"] is NSNull)
            }
            for query in ["limit=0", "limit=abc", "limit=101", "cursor=%21%21%21"] {
                try await app.testing().test(.GET, "/api/v1/notices?\(query)", headers: user.bearer) { #expect($0.status == .badRequest, "\(query)") }
            }
            try await app.testing().test(.POST, "/api/v1/notices/not-a-uuid/read", headers: user.bearer) { #expect($0.status == .badRequest) }
            try await app.testing().test(.POST, "/api/v1/notices/\(UUID().uuidString)/read", headers: user.bearer) { #expect($0.status == .notFound) }
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$readAt != nil).count() == 0)
            try await app.testing().test(.POST, "/api/v1/notices/\(ids[1])/read", headers: user.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.json["readAt"] as? String == AuditChain.timestamp(Self.start.addingTimeInterval(3_600)))
            }
        }
    }

    /// The account page's e-mail block saves the digest and the kinds; without the token, nothing.
    @Test(arguments: TestDatabase.all)
    func preferencesAreSavedFromTheAccountPage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            let browser = Browser(app)
            try await browser.signIn(user)
            let account = try await browser.get("/account")
            #expect(account.text.contains("name=\"kind-deadline\" value=\"on\" checked"))
            #expect(account.text.contains("This server does not send e-mail yet"))
            #expect(try await browser.post("/inbox/preferences", form: [("digest", "on")], csrf: false).status == .forbidden)
            #expect(try await NoticePreferenceRecord.query(on: app.db).count() == 0)
            let saved = try await browser.post("/inbox/preferences", form: [("digest", "on"), ("kind-review", "on")])
            #expect(saved.status == .seeOther)
            let row = try #require(try await NoticePreferenceRecord.query(on: app.db).filter(\.$userID == user.id).first())
            #expect(try row.preferences == NoticePreferences(digest: true, unsubscribed: Set(NoticeKind.allCases).subtracting([.review])))
            let again = try await browser.get("/account?email=saved")
            #expect(again.text.contains("name=\"kind-review\" value=\"on\" checked") && !again.text.contains("name=\"kind-deadline\" value=\"on\" checked"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "notices.preferences").count() == 1)
        }
    }

    /// A wrong token or kind is a 404 and changes nothing; the right link asks, then unsubscribes.
    @Test(arguments: TestDatabase.all)
    func anUnsubscribeLinkNeedsItsToken(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            let row = try await NoticeStore(db: app.db).preferences(of: user.id)
            let browser = Browser(app)
            #expect(try await browser.get("/unsubscribe/review/not-the-token").status == .notFound)
            #expect(try await browser.get("/unsubscribe/everything/\(row.token)").status == .notFound)
            #expect(try await browser.post("/unsubscribe/review/not-the-token", form: []).status == .notFound)
            let asked = try await browser.get("/unsubscribe/all/\(row.token)?lang=ko")
            #expect(asked.status == .ok && asked.text.contains("하루 요약 메일을 모두 그만 받으시겠습니까?"))
            #expect(try await NoticePreferenceRecord.find(row.id, on: app.db)?.digest == true)
            #expect(try await browser.post("/unsubscribe/all/\(row.token)", form: []).status == .ok)
            #expect(try await NoticePreferenceRecord.find(row.id, on: app.db)?.digest == false)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "notices.unsubscribe").count() == 1)
        }
    }

    /// The download lists the account's notices; erasing the account removes them.
    @Test(arguments: TestDatabase.all)
    func noticesAreInTheDownloadAndGoWithTheAccount(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            app.clock = .fixed(Self.start)
            try await Self.post(app, to: user.id, "Personal notice")
            _ = try await NoticeStore(db: app.db).preferences(of: user.id)
            try await app.testing().test(.GET, "/api/v1/me/data", headers: user.bearer) { response in
                let notices = response.json["notices"] as? [[String: Any]]
                #expect((notices?.first?["text"] as? [String: Any])?["en"] as? String == "Personal notice")
                #expect((response.json["noticePreferences"] as? [String: Any])?["digest"] as? Bool == true)
            }
            var headers = user.bearer
            headers.add(name: .contentType, value: "application/json")
            try await app.testing().test(.DELETE, "/api/v1/me", headers: headers, body: ByteBuffer(string: #"{"password":"\#(user.password)"}"#)) {
                #expect($0.status == .noContent)
            }
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == user.id).count() == 0)
            #expect(try await NoticePreferenceRecord.query(on: app.db).filter(\.$userID == user.id).count() == 0)
        }
    }
}
