import Crypto
import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// An agreement's follow-up: milestones, links to calls, events and cohorts, and its document.
@Suite struct AgreementFollowUpTests {
    /// A real one-page PDF (made for the tests; `pdfinfo` reads it).
    static let pdf: [UInt8] = Array(try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/agreement-mou.pdf")))

    static func upload(_ app: Application, _ id: String, _ bytes: [UInt8], type: String = "application/pdf", filename: String = "mou.pdf",
                       by user: TestUser?) async throws -> TestingHTTPResponse {
        var headers = user?.bearer ?? [:]
        headers.add(name: .contentType, value: type)
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/agreements/\(id)/document?filename=\(filename)", headers: headers, body: ByteBuffer(bytes: bytes)) { result = $0 }
        return try #require(result)
    }

    func count(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    // MARK: milestones

    @Test(arguments: TestDatabase.all)
    func anOfficerAddsAMilestoneThatFallsDueAndMarksItDone(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an agreement in force since 2024 with a milestone due in 2025 (overdue today).
            let fixture = try await AgreementsFixture.make(app)
            let created = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true, signedOn: "2024-01-10")
            let id = try #require(created["id"] as? String)
            let party = fixture.parties(created)[0]
            _ = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "signed", "date": "2024-01-10"], by: fixture.officer)
            _ = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "in-force", "date": "2024-02-01"], by: fixture.officer)

            // Act: add the milestone.
            let added = try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones",
                                               ["title": ["en": "Joint steering committee", "ko": "공동운영위원회 개최"], "dueOn": "2025-03-31"], by: fixture.officer)
            #expect(added.status == .created, "\(added.text)")
            let milestone = try #require((added.json["milestones"] as? [[String: Any]])?.first)
            #expect(milestone["overdue"] as? Bool == true)
            #expect(milestone["doneOn"] is NSNull)
            #expect(added.json["dormant"] as? Bool == true)
            #expect(try await count(app, "agreement.milestone") == 1)

            // Check: overdue among what is due for officers, not for others.
            let officer = Browser(app)
            try await officer.signIn(fixture.officer)
            #expect(try await officer.get("/?lang=en").text.contains("Overdue follow-up of an agreement"))
            let plain = Browser(app)
            try await plain.signIn(try await app.makeUser())
            #expect(!(try await plain.get("/?lang=en").text.contains("Overdue follow-up of an agreement")))
            #expect(try await Browser(app).get("/agreements/\(id)?lang=ko").text.contains("공동운영위원회 개최"))

            // Act: the page marks it done yesterday; check: done, no longer overdue, the agreement awake.
            let yesterday = CalendarDay(Date()).adding(days: -1).description
            let milestoneID = try #require(milestone["id"] as? String)
            let done = try await officer.post("/agreements/\(id)/milestones/\(milestoneID)/done", form: [("doneOn", yesterday)])
            #expect(done.status == .ok)
            #expect(done.text.contains("The milestone was marked done.") || done.text.contains("완료 처리했습니다"))
            let now = try await fixture.send(.GET, "/api/v1/agreements/\(id)", by: nil).json
            let row = try #require((now["milestones"] as? [[String: Any]])?.first)
            #expect(row["doneOn"] as? String == yesterday)
            #expect(row["overdue"] as? Bool == false)
            #expect(now["dormant"] as? Bool == false)
            #expect(now["lastActivity"] as? String == yesterday)
            #expect(!(try await officer.get("/?lang=en").text.contains("Overdue follow-up of an agreement")))
            #expect(try await count(app, "agreement.milestoneDone") == 1)

            // A milestone is done once.
            let again = try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones/\(milestoneID)/done", ["doneOn": yesterday], by: fixture.officer)
            #expect(again.status == .conflict)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badMilestonesAreRefusedWithNothingWrittenAndOnlyOfficersAddThem(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let id = try #require(try await fixture.agreement(organisation: molit, public: true)["id"] as? String)
            let restricted = try #require(try await fixture.agreement(organisation: molit, public: false)["id"] as? String)
            let before = try await app.count(AgreementMilestone.self)

            // Bad input: 422 naming each field; the page keeps the input beside the errors.
            let bad = try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones", ["title": ["en": "x"], "dueOn": "2026-02-30"], by: fixture.officer)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.problemFields) == ["titleEn", "titleKo", "dueOn"])
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones", ["dueOn": "2026-02-01", "extra": 1], by: fixture.officer).status == .badRequest)
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            let page = try await browser.post("/agreements/\(id)/milestones", form: [("titleEn", "Annual report"), ("titleKo", ""), ("dueOn", "")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("value=\"Annual report\""))
            #expect(page.text.contains("f-titleKo-error"))

            // A day in the future cannot be the day it was done.
            let added = try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones", ["title": ["en": "Annual report", "ko": "연차 보고"], "dueOn": "2026-06-30"], by: fixture.officer)
            let milestone = try #require((added.json["milestones"] as? [[String: Any]])?.first?["id"] as? String)
            let future = try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones/\(milestone)/done", ["doneOn": "2099-01-01"], by: fixture.officer)
            #expect(future.problemFields == ["doneOn"])
            #expect(try await AgreementMilestone.query(on: app.db).filter(\.$doneOn != nil).count() == 0)

            // Wrong user: 401, 403 on what they see, 404 on a restricted agreement of another organisation.
            let body: [String: Any] = ["title": ["en": "Annual report", "ko": "연차 보고"], "dueOn": "2026-06-30"]
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones", body, by: nil).status == .unauthorized)
            let other = try await app.member(of: try await app.organisationID("th-mdes"))
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones", body, by: other).status == .forbidden)
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(restricted)/milestones", body, by: other).status == .notFound)
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/milestones/\(milestone)/done", ["doneOn": "2026-01-01"], by: other).status == .forbidden)
            #expect(try await app.count(AgreementMilestone.self) == before + 1)
        }
    }

    // MARK: links

    @Test(arguments: TestDatabase.all)
    func anAgreementLinksCallsEventsAndCohortsAndShowsOnlyWhatTheReaderMaySee(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a public agreement; a published call, any event and any cohort of the demo data.
            let fixture = try await AgreementsFixture.make(app)
            let id = try #require(try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true)["id"] as? String)
            let call = try #require(try await Call.query(on: app.db).filter(\.$state != "draft").first())
            let event = try #require(try await CentreEvent.query(on: app.db).first())
            let cohort = try #require(try await TrainingCohort.query(on: app.db).first())
            // A cohort nobody outside the programme office sees.
            cohort.published = false
            try await cohort.update(on: app.db)

            // Act: link the three through the API and the call again through the page.
            for (kind, target) in [("call", call.storedID), ("event", event.storedID), ("training", cohort.storedID)] {
                let linked = try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", ["kind": kind, "target": target.uuidString], by: fixture.officer)
                #expect(linked.status == .created, "\(kind): \(linked.text)")
            }
            let officer = Browser(app)
            try await officer.signIn(fixture.officer)
            let page = try await officer.post("/agreements/\(id)/links", form: [("target", "call:" + call.storedID.uuidString)])
            #expect(page.status == .ok)

            // Check: stored once each, audited, shown with links to their pages.
            let links = try await AgreementLink.query(on: app.db).filter(\.$agreementID == UUID(uuidString: id)!).all()
            #expect(Set(links.map(\.kind)) == ["call", "event", "training"])
            #expect(links.count == 3)
            #expect(try await count(app, "agreement.link") == 4)
            let officerPage = try await officer.get("/agreements/\(id)?lang=en").text
            #expect(officerPage.contains("href=\"/calls/\(UUIDText.string(call.storedID))\""))
            #expect(officerPage.contains("href=\"/events/\(UUIDText.string(event.storedID))\""))
            #expect(officerPage.contains(UUIDText.string(cohort.storedID)))
            // A visitor sees the call and the event (if published), never the unpublished cohort.
            let visitor = try await Browser(app).get("/agreements/\(id)?lang=en").text
            #expect(visitor.contains("href=\"/calls/\(UUIDText.string(call.storedID))\""))
            #expect(!visitor.contains(UUIDText.string(cohort.storedID)))
            #expect(!visitor.contains("add-link"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLinkedEventHeldKeepsAnAgreementInForceAwake(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an agreement in force since 2024 (dormant), an event held ten days ago.
            let fixture = try await AgreementsFixture.make(app)
            let created = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true, signedOn: "2024-01-10")
            let id = try #require(created["id"] as? String)
            let party = fixture.parties(created)[0]
            _ = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "signed", "date": "2024-01-10"], by: fixture.officer)
            let inForce = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "in-force", "date": "2024-02-01"], by: fixture.officer)
            #expect(inForce.json["dormant"] as? Bool == true)
            let held = CalendarDay(Date()).adding(days: -10)
            let event = try #require(try await CentreEvent.query(on: app.db).first())
            event.state = EventState.held.rawValue
            event.firstDay = held.description
            event.lastDay = held.description
            try await event.update(on: app.db)

            // Act: link it; check: awake, its last day the agreement's last activity.
            let linked = try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", ["kind": "event", "target": event.storedID.uuidString], by: fixture.officer)
            #expect(linked.json["dormant"] as? Bool == false)
            #expect(linked.json["lastActivity"] as? String == held.description)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badLinksAreRefusedAndOnlyOfficersLink(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let id = try #require(try await fixture.agreement(organisation: molit, public: true)["id"] as? String)
            let restricted = try #require(try await fixture.agreement(organisation: molit, public: false)["id"] as? String)
            let call = try #require(try await Call.query(on: app.db).first())
            let before = try await app.count(AgreementLink.self)
            let unknown = try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", ["kind": "event", "target": call.storedID.uuidString], by: fixture.officer)
            #expect(unknown.problemFields == ["target"])
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", ["kind": "treaty", "target": UUID().uuidString], by: fixture.officer).problemFields == ["kind"])
            let body: [String: Any] = ["kind": "call", "target": call.storedID.uuidString]
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", body, by: nil).status == .unauthorized)
            let member = try await app.member(of: molit)
            let other = try await app.member(of: try await app.organisationID("th-mdes"))
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/links", body, by: member).status == .forbidden)
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(restricted)/links", body, by: other).status == .notFound)
            #expect(try await app.count(AgreementLink.self) == before)
        }
    }

    // MARK: document

    @Test(arguments: TestDatabase.all)
    func aRealPDFIsStoredAndDownloadedByThoseWhoMaySeeTheAgreement(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let restricted = try #require(try await fixture.agreement(organisation: molit, public: false)["id"] as? String)

            // Act: upload the PDF, declared as something else (the declared type is ignored).
            let stored = try await Self.upload(app, restricted, Self.pdf, type: "application/octet-stream", by: fixture.officer)
            #expect(stored.status == .created, "\(stored.text)")
            let document = try #require(stored.json["document"] as? [String: Any])
            let sha = SHA256.hash(data: Self.pdf).map { String(format: "%02x", $0) }.joined()
            #expect(document["sha256"] as? String == sha)
            #expect(document["size"] as? Int == Self.pdf.count)
            #expect(try await count(app, "agreement.document") == 1)

            // Check: the officer and the party's member download it as an attachment, unsniffed.
            for user in [fixture.officer, try await app.member(of: molit)] {
                try await app.testing().test(.GET, "/api/v1/agreements/\(restricted)/document", headers: user.bearer) { response in
                    #expect(response.status == .ok)
                    #expect(Array(response.body.readableBytesView) == Self.pdf)
                    #expect(response.headers.contentType?.serialize() == "application/pdf")
                    #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"mou.pdf\"") == true)
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                }
            }
            // Visitors and other organisations: 404, as for the agreement itself.
            let other = try await app.member(of: try await app.organisationID("th-mdes"))
            for headers in [HTTPHeaders(), other.bearer] {
                try await app.testing().test(.GET, "/api/v1/agreements/\(restricted)/document", headers: headers) { #expect($0.status == .notFound) }
            }
            // The page links it; a new upload through the page form replaces it.
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            #expect(try await browser.get("/agreements/\(restricted)?lang=en").text.contains("/api/v1/agreements/\(restricted)/document"))
            let replaced = try await browser.post("/agreements/\(restricted)/document", fields: [], file: ("file", "서명본.pdf", "application/pdf", Self.pdf))
            #expect(replaced.status == .ok)
            #expect(try await app.count(AgreementDocument.self) == 1)
            #expect(try await AgreementDocument.query(on: app.db).first()?.filename == "서명본.pdf")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anythingButAPDFIsRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database, config: { $0.maxAttachmentKilobytes = 2 }) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let id = try #require(try await fixture.agreement(organisation: molit, public: true)["id"] as? String)
            let html = Array("<!doctype html><html><body><script>alert(1)</script></body></html>".utf8)

            // An HTML file named .pdf and declared as a PDF.
            let refused = try await Self.upload(app, id, html, type: "application/pdf", by: fixture.officer)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.problemFields == ["file"])
            #expect((refused.json["detail"] as? String)?.contains("not a PDF") == true)
            // A PDF cut short (no %%EOF), an empty body, a file over the limit.
            let truncated = try await Self.upload(app, id, Array(Self.pdf.prefix(200)), by: fixture.officer)
            #expect((truncated.json["detail"] as? String)?.contains("%%EOF") == true)
            #expect(try await Self.upload(app, id, [], by: fixture.officer).problemFields == ["file"])
            #expect(try await Self.upload(app, id, Self.pdf + Array(repeating: 0x20, count: 4_096), by: fixture.officer).status == .payloadTooLarge)
            // The page says it in the reader's language.
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            let page = try await browser.post("/agreements/\(id)/document?lang=ko", fields: [], file: ("file", "mou.pdf", "application/pdf", html))
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("PDF 파일이 아닙니다"))
            // Wrong user.
            #expect(try await Self.upload(app, id, Self.pdf, by: nil).status == .unauthorized)
            #expect(try await Self.upload(app, id, Self.pdf, by: try await app.member(of: molit)).status == .forbidden)
            #expect(try await app.count(AgreementDocument.self) == 0)
            #expect(try await count(app, "agreement.document") == 0)
        }
    }
}
