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
}
