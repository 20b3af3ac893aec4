import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Changing a recorded agreement: `PUT /api/v1/agreements/{id}` and `/agreements/{id}/edit`.
@Suite struct AgreementChangeTests {
    func updates(_ app: Application) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == "agreement.update").count()
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerChangesAnAgreementByTheAPIAndByThePage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a public agreement of the test's own.
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let created = try await fixture.agreement(organisation: molit, public: true)
            let id = try #require(created["id"] as? String)
            let audit = try await updates(app)

            // Act: the API changes its title, fields, expiry and makes it restricted.
            var body = AgreementsFixture.body(organisation: molit, public: false)
            body["title"] = ["en": "Changed MOU on water management", "ko": "변경된 물관리 협약"]
            body["sectors"] = ["water", "transport"]
            body["expiresOn"] = "2029-03-10"
            let changed = try await fixture.send(.PUT, "/api/v1/agreements/\(id)", body, by: fixture.officer)

            // Check: the agreement as it is now, same code, audited.
            #expect(changed.status == .ok, "\(changed.text)")
            #expect((changed.json["title"] as? [String: Any])?["en"] as? String == "Changed MOU on water management")
            #expect(changed.json["public"] as? Bool == false)
            #expect(changed.json["sectors"] as? [String] == ["water", "transport"])
            #expect(changed.json["expiresOn"] as? String == "2029-03-10")
            #expect(changed.json["code"] as? String == created["code"] as? String)
            #expect(try await updates(app) == audit + 1)

            // Act: the page shows the recorded values and saves a change with a project link.
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            let form = try await browser.get("/agreements/\(id)/edit?lang=en")
            #expect(form.status == .ok)
            #expect(form.text.contains("Changed MOU on water management"))
            #expect(form.text.contains("value=\"transport\" checked"))
            let project = try #require(try await Project.query(on: app.db).sort(\.$code).first())
            let saved = try await browser.post("/agreements/\(id)/edit", form: [
                ("kind", "moc"), ("level", "institutional"), ("titleEn", "Changed again on the page"), ("titleKo", "화면에서 다시 변경한 협약"),
                ("signedOn", "2026-03"), ("expiresOn", ""), ("sectors[]", "energy"), ("projects", project.code), ("public", "on"),
                ("obligationsEn", "Report yearly"), ("obligationsKo", "매년 보고"),
            ])
            #expect(saved.status == .seeOther, "\(saved.text.prefix(2000))")
            let row = try #require(try await Agreement.find(UUID(uuidString: id), on: app.db))
            #expect(row.kind == "moc")
            #expect(row.isPublic)
            #expect(row.sectors == ",energy,")
            #expect(row.signedOn == "2026-03")
            #expect(row.expiresOn == nil)
            let links = try await AgreementLink.query(on: app.db).filter(\.$agreementID == row.storedID).all()
            #expect(links.map(\.targetID) == [project.storedID])
            // The parties stay as recorded, with their signatory's title.
            let parties = try await AgreementParty.query(on: app.db).filter(\.$agreementID == row.storedID).sort(\.$position).all()
            #expect(parties.count == 2)
            #expect(parties.first?.signatoryTitleEn == "President")
            #expect(try await updates(app) == audit + 2)
            #expect(try await browser.get("/agreements/\(id)?lang=en").text.contains("Change this agreement"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badChangesAreRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an agreement of three parties whose third has a recorded step.
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            var three = AgreementsFixture.body(organisation: molit, public: true)
            three["parties"] = (three["parties"] as? [[String: Any]] ?? []) + [["country": "TH"]]
            let created = try await fixture.send(.POST, "/api/v1/agreements", three, by: fixture.officer)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let third = fixture.parties(created.json)[2]
            #expect(try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": third, "status": "signed"], by: fixture.officer).status == .created)
            let before = (try await updates(app), try await app.count(AgreementParty.self), try await Agreement.find(UUID(uuidString: id), on: app.db)?.titleEn)

            // Act + check: no parties, an end before the start, a party with steps removed, an unknown project.
            var none = AgreementsFixture.body(organisation: molit); none["parties"] = []
            let noParties = try await fixture.send(.PUT, "/api/v1/agreements/\(id)", none, by: fixture.officer)
            #expect(noParties.status == .unprocessableEntity)
            #expect(noParties.problemFields == ["parties"])
            var reversed = AgreementsFixture.body(organisation: molit); reversed["expiresOn"] = "2026-01-01"
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(id)", reversed, by: fixture.officer).problemFields == ["expiresOn"])
            let fewer = try await fixture.send(.PUT, "/api/v1/agreements/\(id)", AgreementsFixture.body(organisation: molit), by: fixture.officer)
            #expect(fewer.status == .unprocessableEntity)
            #expect(fewer.problemFields == ["parties"])
            var unknown = three; unknown["projects"] = [UUID().uuidString]
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(id)", unknown, by: fixture.officer).problemFields == ["projects[0]"])
            var extra = three; extra["secret"] = 1
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(id)", extra, by: fixture.officer).status == .badRequest)

            // The page keeps the input and shows the error beside its field.
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            let page = try await browser.post("/agreements/\(id)/edit", form: [
                ("kind", "mou"), ("level", "institutional"), ("titleEn", "Kept title typed in"), ("titleKo", "입력한 제목"),
                ("signedOn", "2026-03-10"), ("expiresOn", "2026-01-01"), ("projects", "NO-SUCH-CODE"), ("public", "on"),
            ])
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Kept title typed in"))
            #expect(page.text.contains("NO-SUCH-CODE"))
            #expect(page.text.contains("f-projects-error"))
            let dates = try await browser.post("/agreements/\(id)/edit?lang=ko", form: [
                ("kind", "mou"), ("level", "institutional"), ("titleEn", "Kept title typed in"), ("titleKo", "입력한 제목"),
                ("signedOn", "2026-03-10"), ("expiresOn", "2026-01-01"), ("public", "on"),
            ])
            #expect(dates.status == .unprocessableEntity)
            #expect(dates.text.contains("f-expiresOn-error"))
            #expect(dates.text.contains("value=\"2026-01-01\""))

            let after = (try await updates(app), try await app.count(AgreementParty.self), try await Agreement.find(UUID(uuidString: id), on: app.db)?.titleEn)
            #expect(after == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyOfficersChangeAndARestrictedAgreementStaysHidden(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a public agreement, and a restricted one of MOLIT.
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let open = try #require(try await fixture.agreement(organisation: molit, public: true)["id"] as? String)
            let restricted = try #require(try await fixture.agreement(organisation: molit, public: false)["id"] as? String)
            let member = try await app.member(of: molit)
            let other = try await app.member(of: try await app.organisationID("th-mdes"))
            let before = try await updates(app)
            let body = AgreementsFixture.body(organisation: molit, public: true)

            // Act + check: anonymous 401; signed in without the officer's role 403 on what they see, 404 on what they don't.
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(open)", body, by: nil).status == .unauthorized)
            for user in [try await app.makeUser(), member, other, try await app.admin()] {
                #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(open)", body, by: user).status == .forbidden)
            }
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(restricted)", body, by: member).status == .forbidden)
            #expect(try await fixture.send(.PUT, "/api/v1/agreements/\(restricted)", body, by: other).status == .notFound)
            let outsider = Browser(app)
            try await outsider.signIn(other)
            #expect(try await outsider.get("/agreements/\(restricted)/edit").status == .notFound)
            #expect(try await outsider.get("/agreements/\(open)/edit").status == .forbidden)
            #expect(try await outsider.post("/agreements/\(restricted)/edit", form: [("kind", "mou")]).status == .notFound)
            #expect(!(try await outsider.get("/agreements/\(open)?lang=en").text.contains("Change this agreement")))
            #expect(try await updates(app) == before)
        }
    }
}
