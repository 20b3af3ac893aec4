import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct CallPageTests {
    static let form: [(String, String)] = [
        ("titleEn", "K-SCON 2028 <b>round</b>"), ("titleKo", "K-SCON 2028 국제공모"),
        ("textEn", "The 2028 round."), ("textKo", "2028년 공모."),
        ("supportTypes[]", "master-plan"), ("budgets[master-plan]", "2,000,000,000"), ("budgets[pre-feasibility]", ""),
        ("eligibleCountries[]", "TH"), ("eligibleCountries[]", "VN"), ("eligibleCountries[]", "ID"),
        ("opensAt", "2028-03-02T09:00"), ("closesAt", "2099-06-30T18:00"), ("timeZone", "Asia/Jakarta"),
        ("selections", "4"), ("onePerCountry", "on"), ("endorsementsPerCountry", "2"),
        ("criterionKey[]", ""), ("criterionNameEn[]", "Need"), ("criterionNameKo[]", "시급성"), ("criterionWeight[]", "70"),
        ("criterionKey[]", ""), ("criterionNameEn[]", "Fit"), ("criterionNameKo[]", "적합성"), ("criterionWeight[]", "30"),
        ("criterionKey[]", ""), ("criterionNameEn[]", ""), ("criterionNameKo[]", ""), ("criterionWeight[]", ""),
        ("scaleMinimum", "1"), ("scaleMaximum", "5"),
        ("documentEn[]", "Proposal form"), ("documentKo[]", "제안서"), ("documentEn[]", ""), ("documentKo[]", ""),
        ("eligibilityRules[]", "eligible-country"), ("eligibilityRules[]", "endorsed"),
    ]

    @Test(arguments: TestDatabase.all)
    func everyoneReadsTheCallsInBothLanguages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let en = try await Browser(app).get("/calls?lang=en")
            #expect(en.status == .ok)
            #expect(en.text.contains("K-SCON open call — sample round"))
            #expect(en.text.contains("Sample"))
            #expect(!en.text.contains("New call"))
            let ko = try await Browser(app).get("/calls?lang=ko")
            #expect(ko.text.contains("K-SCON 국제공모 — 샘플 공모"))
            #expect(ko.text.contains("접수 중"))
            let id = try #require(try await Call.query(on: app.db).filter(\.$seedKey == "sample-round").first()?.id)
            let page = try await Browser(app).get("/calls/\(id.uuidString.lowercased())?lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("2027-02-26 18:00 (Asia/Seoul)"))
            #expect(page.text.contains("UTC: 2027-02-26 09:00"))
            #expect(page.text.contains("KRW 2,000,000,000"))
            #expect(page.text.contains("Potential to lead to a financed main project"))
            #expect(!page.text.contains("Manage the call"))
            let korean = try await Browser(app).get("/calls/\(id.uuidString.lowercased())?lang=ko")
            #expect(korean.text.contains("2,000,000,000원"))
            #expect(korean.text.contains("본사업(투자) 연계 가능성"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerWritesOpensAndCancelsACallThroughThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(try await app.officer())
            #expect(try await browser.get("/calls/new?lang=en").text.contains("Evaluation criteria"))
            let created = try await browser.post("/calls/new", form: Self.form)
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))
            let page = try await browser.get(path + "?lang=en")
            #expect(page.text.contains("K-SCON 2028 &lt;b&gt;round&lt;/b&gt;"))
            #expect(page.text.contains("Open the call"))
            #expect(page.text.contains("Call written"))
            let call = try #require(try await Call.find(UUID(uuidString: String(path.split(separator: "/").last!)), on: app.db))
            let terms = try call.terms()
            #expect(terms.eligibleCountries.map(\.value) == ["TH", "VN", "ID"])
            #expect(terms.budgets == [.masterPlan: 2_000_000_000])
            #expect(terms.evaluation.criteria.map(\.key) == ["c1", "c2"])
            #expect(terms.eligibilityRules == [.eligibleCountry, .endorsed])
            #expect(terms.requiredDocuments == [LocalizedText(en: "Proposal form", ko: "제안서")])

            let opened = try await browser.post(path + "/state", form: [("to", "open"), ("confirm", "yes")])
            #expect(opened.status == .ok)
            #expect(opened.text.contains("The call is now: Open."))
            let early = try await browser.post(path + "/state", form: [("to", "closed")])
            #expect(early.status == .conflict)
            #expect(early.text.contains("2099-06-30T18:00 (Asia/Jakarta)"))
            let korean = try await browser.post(path + "/state?lang=ko", form: [("to", "published")])
            #expect(korean.status == .conflict)
            #expect(korean.text.contains("‘접수 중’ 상태의 공모는 ‘결과 발표’ 상태로 바꿀 수 없습니다."))
            #expect(try await browser.get(path + "/edit").status == .conflict)
            let cancelled = try await browser.post(path + "/state?lang=en", form: [("to", "cancelled"), ("confirm", "yes")])
            #expect(cancelled.status == .ok)
            #expect(cancelled.text.contains("State changed: Open → Cancelled"))
            #expect(try await Call.find(call.id, on: app.db)?.state == "cancelled")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBrokenFormIsShownAgainWithItsErrorsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(try await app.officer())
            let before = try await app.count(Call.self), entries = try await app.count(AuditRecord.self)
            var form = Self.form.filter { $0.0 != "criterionWeight[]" && $0.0 != "selections" }
            form += [("criterionWeight[]", "50"), ("criterionWeight[]", "lots"), ("criterionWeight[]", ""), ("selections", "four")]
            let response = try await browser.post("/calls/new?lang=en", form: form)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("class=\"error-summary\""))
            #expect(response.text.contains("Number of selections: out of range."))
            #expect(response.text.contains("value=\"K-SCON 2028 &lt;b&gt;round&lt;/b&gt;\""))
            let withoutToken = try await browser.post("/calls/new", form: Self.form, csrf: false)
            #expect(withoutToken.status == .forbidden)
            #expect(try await app.count(Call.self) == before)
            #expect(try await app.count(AuditRecord.self) == entries)
        }
    }

    @Test(arguments: TestDatabase.all)
    func othersCannotWriteOrMoveCalls(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let id = try #require(try await Call.query(on: app.db).filter(\.$seedKey == "sample-round").first()?.id).uuidString.lowercased()
            let calls = try await app.count(Call.self)
            let anonymous = Browser(app)
            let signIn = try await anonymous.get("/calls/new")
            #expect(signIn.status == .seeOther)
            let member = Browser(app)
            try await member.signIn(try await app.member(of: try await app.organisationID("molit")))
            #expect(try await member.get("/calls/new").status == .forbidden)
            #expect(try await member.post("/calls/new", form: Self.form).status == .forbidden)
            #expect(try await member.post("/calls/\(id)/state", form: [("to", "cancelled")]).status == .forbidden)
            #expect(try await member.get("/calls/\(id)/edit").status == .forbidden)
            #expect(try await app.count(Call.self) == calls)
            #expect(try await Call.query(on: app.db).filter(\.$seedKey == "sample-round").first()?.state == "open")
        }
    }
}
