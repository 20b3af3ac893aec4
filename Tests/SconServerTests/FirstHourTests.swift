import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// What people met in their first hour (issue 14), each with its test.
@Suite struct FirstHourTests {
    @Test(arguments: TestDatabase.all)
    func theFundPageLinksOpenDataOnlyWhenThereIsSomethingToPublish(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: the demo data's projects are all samples.
            let page = try await Browser(app).get("/fund?lang=en")
            // Check: no link to a file that does not exist, a sentence instead.
            #expect(page.status == .ok)
            #expect(!page.text.contains("/api/v1/export/iati.xml"))
            #expect(page.text.contains("nothing to publish yet"))
            // A project that is not sample data and is public: the link is there, and it works.
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            project.sample = false
            try await project.save(on: app.db)
            let published = try await Browser(app).get("/fund?lang=ko")
            #expect(published.text.contains("/api/v1/export/iati.xml"))
            #expect(try await Browser(app).get("/api/v1/export/iati.xml").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIneligibleProposalIsNotSubmittedAndThePageSaysWhy(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a call that requires one document, a draft without it.
            let fixture = try await ProposalFixture.make(app, requiredDocuments: [["en": "Proposal form", "ko": "제안서"]])
            let id = try await fixture.draft()
            // Action: submitting it, through the API and the page.
            let refused = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
            // Check: 409 naming the rule, still a draft, no code; the page says it in Korean.
            #expect(refused.status == .conflict)
            #expect((refused.json["detail"] as? String)?.contains("required documents") == true)
            let stored = try #require(try await Proposal.find(UUID(uuidString: id), on: app.db))
            #expect(stored.state == "draft" && stored.code == nil)
            let browser = Browser(app)
            try await browser.signIn(fixture.member)
            let page = try await browser.post("/proposals/\(id)/submit?lang=ko", form: [])
            #expect(page.text.contains("아직 제출할 수 없습니다"))
            #expect(page.text.contains("필수 제출 서류를 모두 첨부함"))
            // The checklist's reasons read in the page's language, amounts grouped.
            #expect(page.text.contains("필수 서류 1건 중 0건 첨부"))
            #expect(page.text.firstMatch(of: #/신청 \d{1,3}(,\d{3})+원, /#) != nil)
            let english = try await browser.get("/proposals/\(id)?lang=en")
            #expect(english.text.contains("0 of 1 required documents attached"))
            #expect(english.text.firstMatch(of: #/KRW \d{1,3}(,\d{3})+ asked; Master plan: at most KRW \d{1,3}(,\d{3})+/#) != nil)
            // With the document attached it goes through.
            _ = try await AttachmentTests.upload(fixture, id, AttachmentTests.pdf)
            #expect(try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member).status == .ok)
        }
    }

    @Test func helpWritesNothing() async throws {
        let directory = NSTemporaryDirectory() + "scon-help-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let app = try await Application.make(.testing)
        var config = AppConfig()
        config.databaseURL = "sqlite:\(directory)/scon.sqlite"
        try await SconServer.configure(app, config: config)
        try await ServeStartup.prepareIfServing(app, arguments: ["scon", "--help"])
        try await ServeStartup.prepareIfServing(app, arguments: ["scon", "serve", "--help"])
        let size = (try? FileManager.default.attributesOfItem(atPath: "\(directory)/scon.sqlite")[.size] as? Int) ?? 0
        try await app.asyncShutdown()
        #expect(size == 0)
    }

    @Test(arguments: TestDatabase.all)
    func signingInKeepsTheLanguageTheVisitorChose(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            // Setup: an account stored in Korean (as `scon user create` makes them).
            let user = try await app.makeUser()
            let row = try #require(try await User.find(user.id, on: app.db))
            row.language = "ko"
            try await row.update(on: app.db)
            // Action: the visitor chooses English, then signs in.
            let browser = Browser(app)
            _ = try await browser.get("/language/en?next=%2F")
            try await browser.signIn(user)
            // Check: still English.
            #expect(browser.cookies[Request.languageCookie] == "en")
            #expect(try await browser.get("/account").text.contains("<html lang=\"en\""))
            // Without a choice, the account's language.
            let other = Browser(app)
            try await other.signIn(user)
            #expect(other.cookies[Request.languageCookie] == "ko")
        }
    }

    @Test func anErrorSaysTheRuleWithItsBounds() {
        #expect(PageContext.bounds(FieldIssue(field: "technicalScore", code: "out-of-range", detail: "technicalScore is from 0 to 100.")) == " (0–100)")
        #expect(PageContext.bounds(FieldIssue(field: "memo", code: "too-long", detail: "memo is at most 500 characters.")) == " (≤ 500)")
        #expect(PageContext.bounds(FieldIssue(field: "comment", code: "required", detail: "comment is required.")) == "")
    }

    @Test(arguments: TestDatabase.all)
    func largeAmountsReadInWordsWithTheFigureOnHover(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let korean = try await Browser(app).get("/fund?lang=ko")
            #expect(korean.text.contains("<abbr title=\"1,500,000,000,000원\">1조 5,000억 원</abbr>"))
            let english = try await Browser(app).get("/fund?lang=en")
            #expect(english.text.contains("<abbr title=\"KRW 1,500,000,000,000\">KRW 1.5 trillion</abbr>"))
        }
    }
}
