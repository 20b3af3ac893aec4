import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The centre staff's and the organiser's page forms (issue 10): the lead board's "new lead"
/// and "move" forms, check-in and meeting outcomes on the event page, and the centre's record.
@Suite struct CentreWorkPageTests {
    static func audits(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    static func leadForm(organisation: UUID, city: UUID, title: String = "Smart bus depot", owner: String = "Kim",
                         nextAction: String = "Visit the depot", dueOn: String = "2027-02-20") -> [(String, String)] {
        [("title", title), ("organisation", UUIDText.string(organisation)), ("city", UUIDText.string(city)), ("supportType", "master-plan"),
         ("sectors[]", "transport"), ("sectors[]", "energy"), ("owner", owner), ("status", "contacted"), ("nextAction", nextAction), ("dueOn", dueOn)]
    }

    @Test(arguments: TestDatabase.all)
    func staffRecordAndMoveLeadsThroughThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let organisation = try await app.organisationID("th-mdes")
            let bangkok = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Bangkok").first()?.id)
            let centre = f.centre.uuidString
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            let page = try await staff.get("/centres/\(centre)?lang=ko")
            #expect(page.status == .ok)
            #expect(page.text.contains("새 유망사업 등록"))
            #expect(page.text.contains("action=\"/centres/\(UUIDText.string(f.centre))/leads/new#new-lead\""))

            // Bad input: no owner, a next action without its due day; 422 in the page's language, input kept, nothing written.
            let leads = try await app.count(CentreLead.self), projects = try await app.count(Project.self)
            let bad = try await staff.post("/centres/\(centre)/leads/new?lang=ko", form: Self.leadForm(organisation: organisation, city: bangkok, owner: "", dueOn: ""))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"Smart bus depot\""))
            #expect(bad.text.contains("value=\"Visit the depot\""))
            #expect(bad.text.contains("id=\"f-owner-error\""))
            #expect(bad.text.contains("id=\"f-dueOn-error\""))
            #expect(bad.text.contains("기한"))
            #expect(try await app.count(CentreLead.self) == leads)
            #expect(try await app.count(Project.self) == projects)
            // The pipeline's own rule (a title of three characters or more) comes back the same way.
            let short = try await staff.post("/centres/\(centre)/leads/new?lang=en", form: Self.leadForm(organisation: organisation, city: bangkok, title: "X"))
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("id=\"f-title-error\""))
            #expect(try await app.count(Project.self) == projects)

            // Another centre's staff: refused, nothing written; signed out: not let in.
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            let foreign = try await other.post("/centres/\(centre)/leads/new", form: Self.leadForm(organisation: organisation, city: bangkok))
            #expect(foreign.status == .forbidden || foreign.status == .notFound)
            #expect(!foreign.text.contains("Smart bus depot"))
            #expect(try await app.count(CentreLead.self) == leads)

            // The staff record it: a row on the board and in the pipeline, audited in the centre's chain.
            let done = try await staff.post("/centres/\(centre)/leads/new", form: Self.leadForm(organisation: organisation, city: bangkok))
            #expect(done.status == .seeOther || done.status == .found, "\(done.status)")
            #expect(try await app.count(CentreLead.self) == leads + 1)
            let lead = try #require(try await CentreLead.query(on: app.db).filter(\.$centreID == f.centre).first())
            #expect(lead.owner == "Kim" && lead.status == "contacted" && lead.nextAction == "Visit the depot" && lead.dueOn == "2027-02-20")
            let project = try #require(try await Project.find(lead.projectID, on: app.db))
            #expect(project.stage == "lead" && project.countryCode == "TH" && project.code.hasPrefix("KSCON-LEAD-TH-"))
            let created = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "lead.create").first())
            #expect(created.chain == "centre:\(UUIDText.string(f.centre))")
            let board = try await staff.get("/centres/\(centre)?lead=created&lang=en")
            #expect(board.text.contains("The lead is recorded on the board"))
            #expect(board.text.contains("Smart bus depot"))

            // Moving it: a bad due day is refused next to the field of that lead's form, the input kept, nothing written.
            let move = "/centres/\(centre)/leads/\(UUIDText.string(lead.storedID))/move"
            let key = UUIDText.string(lead.storedID)
            let badMove = try await staff.post(move + "?lang=en", form: [("status", "meeting"), ("owner", "Lee"), ("nextAction", "Sign the MoU"), ("dueOn", "someday")])
            #expect(badMove.status == .unprocessableEntity)
            #expect(badMove.text.contains("id=\"f-dueOn-\(key)--error\""))
            #expect(badMove.text.contains("value=\"someday\""))
            #expect(try await Self.audits(app, "lead.update") == 0)
            #expect(try await CentreLead.find(lead.storedID, on: app.db)?.status == "contacted")
            // Another centre's staff cannot move it.
            let foreignMove = try await other.post(move, form: [("status", "dormant"), ("owner", "X"), ("nextAction", ""), ("dueOn", "")])
            #expect(foreignMove.status == .forbidden || foreignMove.status == .notFound)
            #expect(try await Self.audits(app, "lead.update") == 0)
            // The staff move it to "meeting" with a new next action.
            let moved = try await staff.post(move, form: [("status", "meeting"), ("owner", "Lee"), ("nextAction", "Sign the MoU"), ("dueOn", "2027-03-01")])
            #expect(moved.status == .seeOther || moved.status == .found, "\(moved.status)")
            let after = try #require(try await CentreLead.find(lead.storedID, on: app.db))
            #expect(after.status == "meeting" && after.owner == "Lee" && after.nextAction == "Sign the MoU" && after.dueOn == "2027-03-01")
            #expect(try await Self.audits(app, "lead.update") == 1)
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
            // Signed out: the form is not for anonymous visitors.
            let anonymous = try await Browser(app).post(move, form: [("status", "dormant"), ("owner", "X")])
            #expect(anonymous.status != .ok)  // the sign-in page (a redirect)
            #expect(try await CentreLead.find(lead.storedID, on: app.db)?.status == "meeting")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theOrganiserChecksInAndRecordsOutcomesThatBecomeLeads(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let (event, _, b, c) = try await f.matchmaking()
            let base = "/api/v1/events/\(event.uuidString)"
            let proposed = try await f.call(.POST, "\(base)/requests", ["from": b.uuidString, "to": c.uuidString], by: f.staff)
            let meeting = try #require(proposed.json["id"] as? String)
            _ = try await f.call(.POST, "\(base)/schedule/run", by: f.staff)
            #expect(try await f.call(.POST, "\(base)/schedule/publish", by: f.staff).status == .ok)
            let page = "/events/\(event.uuidString)"
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            let ko = try await staff.get(page + "?lang=ko")
            #expect(ko.text.contains("당일 미팅 결과"))
            #expect(ko.text.contains("/registrations/\(UUIDText.string(b))/check-in"))

            // Check-in: a confirmation first (nothing written), then the check-in, audited.
            let checkIn = page + "/registrations/\(UUIDText.string(b))/check-in"
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            let foreign = try await other.post(checkIn, form: [("confirm", "yes")])
            #expect(foreign.status == .forbidden || foreign.status == .notFound)
            let ask = try await staff.post(checkIn + "?lang=en", form: [])
            #expect(ask.status == .ok)
            #expect(ask.text.contains("Check this participant in?"))
            #expect(try await EventRegistration.find(b, on: app.db)?.checkedInAt == nil)
            let checked = try await staff.post(checkIn + "?lang=en", form: [("confirm", "yes")])
            #expect(checked.status == .ok)
            #expect(checked.text.contains("The participant is checked in."))
            #expect(try await EventRegistration.find(b, on: app.db)?.checkedInAt != nil)
            #expect(try await Self.audits(app, "event.checkin") == 1)

            // An outcome that is not one: 422, the note kept next to the field, nothing written; another centre's staff: refused.
            let outcome = page + "/meetings/\(meeting)/outcome"
            let bad = try await staff.post(outcome + "?lang=ko", form: [("outcome", "maybe"), ("notes", "Send the tariff study")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"f-outcome-\(meeting)--error\""))
            #expect(bad.text.contains(">Send the tariff study</textarea>"))
            let row = UUID(uuidString: meeting)!
            #expect(try await MeetingRequestRecord.find(row, on: app.db)?.outcome == nil)
            let foreignOutcome = try await other.post(outcome, form: [("outcome", "held"), ("notes", "x")])
            #expect(foreignOutcome.status == .forbidden || foreignOutcome.status == .notFound)
            #expect(try await Self.audits(app, "event.meeting.held") == 0)
            // Held, with its follow-up note.
            let held = try await staff.post(outcome + "?lang=en", form: [("outcome", "held"), ("notes", "Send the tariff study")])
            #expect(held.status == .ok)
            #expect(held.text.contains("outcome is saved."))
            #expect(try await MeetingRequestRecord.find(row, on: app.db)?.outcome == "held")
            #expect(try await Self.audits(app, "event.meeting.held") == 1)
            #expect(held.text.contains("?meeting=\(meeting)#new-lead"))

            // The note is the two sides' and the organisers': B sees it, A (a third participant) does not.
            let sideB = Browser(app)
            try await sideB.signIn(f.b)
            #expect(try await sideB.get(page).text.contains("Send the tariff study"))
            let third = Browser(app)
            try await third.signIn(f.a)
            let thirdPage = try await third.get(page)
            #expect(thirdPage.status == .ok)
            #expect(!thirdPage.text.contains("Send the tariff study"))

            // "Make it a lead": the centre's form carries the meeting; the lead records it.
            let form = try await staff.get("/centres/\(f.centre.uuidString)?meeting=\(meeting)")
            #expect(form.text.contains("name=\"meeting\" value=\"\(meeting)\""))
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$countryCode == "LA").first())
            let city = try #require(try await City.query(on: app.db).filter(\.$countryCode == "LA").first())
            let made = try await staff.post("/centres/\(f.centre.uuidString)/leads/new",
                                            form: Self.leadForm(organisation: organisation.storedID, city: city.storedID, title: "Tariff study follow-up") + [("meeting", meeting)])
            #expect(made.status == .seeOther, "\(made.text)")
            let lead = try #require(try await CentreLead.query(on: app.db).filter(\.$centreID == f.centre).first())
            #expect(lead.meetingID == row)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCentresStaffEditItsRecordThroughThePage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let path = "/centres/\(f.centre.uuidString)/edit"
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            #expect(try await staff.get("/centres/\(f.centre.uuidString)").text.contains("href=\"/centres/\(UUIDText.string(f.centre))/edit\""))
            let form = try await staff.get(path + "?lang=ko")
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"Test centre one\""))
            // Open without an opening date and no Korean name: 422, input kept, each error next to its field, nothing written.
            let bad = try await staff.post(path + "?lang=ko", form: [("nameEn", "Bangkok centre"), ("nameKo", ""), ("hostOrganisation", "Kept Host"),
                                                                   ("contact", ""), ("openedOn", ""), ("status", "open")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"Kept Host\""))
            #expect(bad.text.contains("id=\"f-nameKo-error\""))
            #expect(bad.text.contains("id=\"f-openedOn-error\""))
            #expect(try await Centre.find(f.centre, on: app.db)?.nameEn == "Test centre one")
            #expect(try await Self.audits(app, "centre.update") == 0)
            // Another centre's staff: refused, nothing written.
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            #expect(try await other.get(path).status == .forbidden)
            let foreign = try await other.post(path, form: [("nameEn", "Taken"), ("nameKo", "탈취"), ("status", "planned")])
            #expect(foreign.status == .forbidden || foreign.status == .notFound)
            #expect(try await Centre.find(f.centre, on: app.db)?.nameEn == "Test centre one")
            // The staff save it: the record and its audit event; the covered countries stay as recorded.
            let saved = try await staff.post(path, form: [("nameEn", "Bangkok centre"), ("nameKo", "방콕 센터"), ("hostOrganisation", "Host Org"),
                                                         ("contact", "centre@example.org"), ("openedOn", "2027-01-15"), ("status", "open")])
            #expect(saved.status == .seeOther)
            let centre = try #require(try await Centre.find(f.centre, on: app.db))
            #expect(centre.nameEn == "Bangkok centre" && centre.nameKo == "방콕 센터" && centre.hostOrganisation == "Host Org")
            #expect(centre.contact == "centre@example.org" && centre.openedOn == "2027-01-15" && centre.status == "open" && centre.covers == "")
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "centre.update").first())
            #expect(entry.chain == "centre:\(UUIDText.string(f.centre))")
            #expect(try await staff.get("/centres/\(f.centre.uuidString)?centre=saved&lang=en").text.contains("The centre&#39;s record is saved."))
        }
    }
}
