import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct ProposalPageTests {
    static func form(_ fixture: ProposalFixture, title: String = "Bangkok <flood> warning") -> [(String, String)] {
        [("organisation", fixture.applicantID.uuidString), ("city", fixture.bangkok.uuidString), ("title", title),
         ("problem", "Flash floods close roads."), ("objectives", "Sensors and warnings."), ("supportType", "master-plan"),
         ("budget", "900,000,000"), ("counterpart", "Bangkok Metropolitan Administration"), ("language", "en")]
    }

    @Test(arguments: TestDatabase.all)
    func anApplicantDraftsSubmitsAndWithdrawsThroughThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(fixture.member)
            let callPage = try await browser.get("/calls/\(fixture.callID)?lang=en")
            #expect(callPage.text.contains("Write a proposal"))
            let form = try await browser.get("/calls/\(fixture.callID)/proposals/new?lang=ko")
            #expect(form.text.contains("신청 기관"))
            #expect(form.text.contains("방콕 (TH)"))
            #expect(!form.text.contains("하노이"))
            let created = try await browser.post("/calls/\(fixture.callID)/proposals/new", form: Self.form(fixture))
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let home = try await browser.get("/?lang=en")
            #expect(home.text.contains("What is due"))
            #expect(home.text.contains("Draft to submit"))
            #expect(home.text.contains("until 2099-06-30 18:00 (Asia/Bangkok)"))
            let page = try await browser.get(path + "?lang=en")
            #expect(page.text.contains("Bangkok &lt;flood&gt; warning"))
            #expect(page.text.contains("Given on submission"))
            #expect(page.text.contains("Passed:</strong> Every required document is attached"))
            #expect(page.text.contains("KRW 900,000,000"))
            let submitted = try await browser.post(path + "/submit?lang=ko", form: [])
            #expect(submitted.status == .ok)
            #expect(submitted.text.contains("제안서 상태: 제출됨. KSCON-2026-TH-01"))
            let again = try await browser.post(path + "/submit?lang=en", form: [])
            #expect(again.status == .conflict)
            #expect(again.text.contains("A proposal that is “Submitted” cannot do this."))
            let againKo = try await browser.post(path + "/submit?lang=ko", form: [])
            #expect(againKo.text.contains("‘제출됨’ 상태의 제안서는 이 작업을 할 수 없습니다."))
            let mine = try await browser.get("/proposals?lang=en")
            #expect(mine.text.contains("KSCON-2026-TH-01"))
            // Withdrawing asks first and writes nothing; only the confirmed POST withdraws.
            let asked = try await browser.post(path + "/withdraw?lang=en", form: [])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Withdraw this proposal?"))
            #expect(asked.text.contains("class=\"button danger\">Yes, withdraw the proposal</button>"))
            let proposalID = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            #expect(try await Proposal.find(proposalID, on: app.db)?.state == "submitted")
            let withdrawn = try await browser.post(path + "/withdraw?lang=en", form: [("confirm", "yes")])
            #expect(withdrawn.text.contains("The proposal is now: Withdrawn."))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBrokenFormComesBackWithItsErrorsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(fixture.member)
            let before = try await app.count(Proposal.self)
            var form = Self.form(fixture).filter { $0.0 != "budget" && $0.0 != "city" }
            form += [("budget", "a lot"), ("city", fixture.hanoi.uuidString)]
            let response = try await browser.post("/calls/\(fixture.callID)/proposals/new?lang=en", form: form)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Budget estimate (KRW): out of range."))
            #expect(response.text.contains("City: belongs to another country."))
            #expect(try await browser.post("/calls/\(fixture.callID)/proposals/new", form: Self.form(fixture), csrf: false).status == .forbidden)
            #expect(try await app.count(Proposal.self) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func othersCannotSeeOrActOnTheProposal(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let id = try await fixture.draft()
            let other = Browser(app)
            try await other.signIn(try await app.member(of: try await app.organisationID("molit")))
            #expect(try await other.get("/proposals/\(id)").status == .notFound)
            #expect(try await other.post("/proposals/\(id)/submit", form: []).status == .notFound)
            #expect(try await other.get("/calls/\(fixture.callID)/proposals/new").status == .forbidden)
            #expect(!(try await other.get("/calls/\(fixture.callID)?lang=en").text.contains("Bangkok flood")))
            #expect(try await Proposal.find(UUID(uuidString: id), on: app.db)?.state == "draft")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFocalPointRanksThroughThePage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app, endorsementsPerCountry: 2)
            var ids: [String] = []
            for _ in 0..<2 {
                let id = try await fixture.draft()
                _ = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
                ids.append(id)
            }
            let focal = Browser(app)
            try await focal.signIn(try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))]))
            let call = try await focal.get("/calls/\(fixture.callID)?lang=en")
            #expect(call.text.contains("Endorsement of Thailand"))
            let path = "/calls/\(fixture.callID)/endorsements/TH"
            #expect(try await focal.get(path + "?lang=en").text.contains("at most 2 can be endorsed"))
            let clash = try await focal.post(path + "?lang=en", form: [("rank[\(ids[0])]", "1"), ("rank[\(ids[1])]", "1")])
            #expect(clash.status == .unprocessableEntity)
            #expect(try await Endorsement.query(on: app.db).filter(\.$callID == UUID(uuidString: fixture.callID)!).count() == 0)
            let saved = try await focal.post(path + "?lang=en", form: [("rank[\(ids[0])]", "2"), ("rank[\(ids[1])]", "1")])
            #expect(saved.status == .ok)
            #expect(saved.text.contains("The endorsement is saved."))
            let ranking = try await Endorsement.query(on: app.db).filter(\.$callID == UUID(uuidString: fixture.callID)!).sort(\.$rank).all().map { $0.proposalID.uuidString.lowercased() }
            #expect(ranking == [ids[1], ids[0]])
            let applicant = Browser(app)
            try await applicant.signIn(fixture.member)
            #expect(try await applicant.post(path, form: [("rank[\(ids[0])]", "1")]).status == .forbidden)
        }
    }
}
