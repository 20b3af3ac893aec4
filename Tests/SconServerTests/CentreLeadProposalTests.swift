import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A lead of a centre's board becoming a draft proposal of an open call (docs/centres.md).
@Suite struct CentreLeadProposalTests {
    /// A centre with its staff, an open call (ProposalFixture: open until 2099, a Thai applicant
    /// with a member) and a lead of that applicant in Bangkok; answers the lead's id.
    static func lead(_ f: CentresFixture, _ p: ProposalFixture, descriptionEn: String = "Buses wait an hour at the depot.") async throws -> String {
        let body: [String: Any] = ["organisation": p.applicantID.uuidString, "city": p.bangkok.uuidString, "title": "Smart bus depot",
                                   "supportType": "master-plan", "descriptionEn": descriptionEn, "descriptionKo": "버스가 차고지에서 한 시간을 기다립니다.",
                                   "sectors": ["transport", "energy"], "owner": "Kim", "status": "proposal"]
        let created = try await f.call(.POST, "/api/v1/centres/\(f.centre.uuidString)/leads", body, by: f.staff)
        #expect(created.status == .created, "\(created.text)")
        return try #require(created.json["id"] as? String)
    }

    static func auditCount(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    @Test(arguments: TestDatabase.all)
    func aLeadBecomesADraftProposalOnceAndKeepsItsHistory(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let p = try await ProposalFixture.make(app)
            let lead = try await Self.lead(f, p)
            let path = "/api/v1/centres/\(f.centre.uuidString)/leads/\(lead)/proposal"
            let body: [String: Any] = ["call": p.callID, "budget": 800_000_000]
            let proposals = try await app.count(Proposal.self)
            // Wrong users: another centre's staff and a person without a role learn nothing (404); nobody signed out (401).
            #expect(try await f.call(.POST, path, body, by: f.otherStaff).status == .notFound)
            #expect(try await f.call(.POST, path, body, by: f.a).status == .notFound)
            #expect(try await f.call(.POST, path, body, by: nil).status == .unauthorized)
            // Bad input: no budget, no call, an unknown field; nothing written.
            let noBudget = try await f.call(.POST, path, ["call": p.callID], by: f.staff)
            #expect(noBudget.status == .unprocessableEntity)
            #expect(noBudget.problemFields == ["budget"])
            let noCall = try await f.call(.POST, path, ["budget": 5], by: f.staff)
            #expect(noCall.status == .unprocessableEntity)
            #expect(noCall.problemFields == ["call"])
            #expect(try await f.call(.POST, path, ["call": p.callID, "budget": 5, "colour": "red"], by: f.staff).status == .badRequest)
            #expect(try await f.call(.POST, path, ["call": UUID().uuidString, "budget": 5], by: f.staff).status == .notFound)
            #expect(try await app.count(Proposal.self) == proposals)
            #expect(try await Self.auditCount(app, "lead.proposal") == 0)
            // The centre's staff turn it into a draft proposal of the open call.
            let done = try await f.call(.POST, path, body, by: f.staff)
            #expect(done.status == .created, "\(done.text)")
            let proposalJSON = try #require(done.json["proposal"] as? [String: Any])
            let proposal = try #require(proposalJSON["id"] as? String)
            #expect(proposalJSON["call"] as? String == p.callID.lowercased())
            #expect(proposalJSON["state"] as? String == "draft")
            #expect(try await app.count(Proposal.self) == proposals + 1)
            // The draft is the organisation's, with what the lead knew.
            let read = try await f.call(.GET, "/api/v1/proposals/\(proposal)", by: p.member)
            #expect(read.status == .ok, "\(read.text)")
            #expect(read.json["organisationId"] as? String == p.applicantID.uuidString.lowercased())
            #expect(read.json["cityId"] as? String == p.bangkok.uuidString.lowercased())
            #expect(read.json["state"] as? String == "draft")
            let fields = read.json
            #expect("\(fields)".contains("Smart bus depot"))
            #expect("\(fields)".contains("Buses wait an hour at the depot."))
            #expect("\(fields)".contains("Sectors: Transport, Energy"))
            #expect("\(fields)".contains("800000000"))
            // A draft stays private to its organisation: the centre's staff cannot open it.
            #expect(try await f.call(.GET, "/api/v1/proposals/\(proposal)", by: f.staff).status == .notFound)
            // The lead names it, and its history records it (audited in the centre's chain).
            let board = try await f.call(.GET, "/api/v1/centres/\(f.centre.uuidString)/leads", by: f.staff)
            let row = try #require((board.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == lead })
            #expect((row["proposal"] as? [String: Any])?["id"] as? String == proposal)
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "lead.proposal").first())
            #expect(entry.chain == "centre:\(UUIDText.string(f.centre))")
            #expect(entry.details.contains(proposal) && entry.details.contains(lead) && entry.details.contains(p.callID.lowercased()))
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
            // Once only: 409, nothing written.
            let again = try await f.call(.POST, path, body, by: f.staff)
            #expect(again.status == .conflict)
            #expect(try await app.count(Proposal.self) == proposals + 1)
            #expect(try await Self.auditCount(app, "lead.proposal") == 1)
            // The proposal's page says which lead it came from only to those who may see the lead: not to the
            // organisation's members (a lead is not shown to its beneficiary); to the programme office once submitted.
            let member = Browser(app)
            try await member.signIn(p.member)
            let memberPage = try await member.get("/proposals/\(proposal)?lang=en")
            #expect(memberPage.status == .ok)
            #expect(!memberPage.text.contains("came from a cooperation centre"))
            let model = try #require(try await Proposal.find(UUID(uuidString: proposal)!, on: app.db))
            model.objectives = "A master plan for the depot."
            model.counterpart = "Bangkok Mass Transit Authority"
            try await model.save(on: app.db)
            let submitted = try await f.call(.POST, "/api/v1/proposals/\(proposal)/submit", by: p.member)
            #expect(submitted.status == .ok, "\(submitted.text)")
            let officer = Browser(app)
            try await officer.signIn(p.officer)
            let officerPage = try await officer.get("/proposals/\(proposal)?lang=en")
            #expect(officerPage.status == .ok)
            #expect(officerPage.text.contains("came from a cooperation centre"))
            #expect(officerPage.text.contains("/centres/\(UUIDText.string(f.centre))"))
            // The board page shows the draft proposal on the lead, in Korean too.
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            let centrePage = try await staff.get("/centres/\(f.centre.uuidString)?lang=ko")
            #expect(centrePage.text.contains("제안서 초안"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCallThatIsNotOpenIsRefusedInBothLanguages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let p = try await ProposalFixture.make(app)
            let lead = try await Self.lead(f, p, descriptionEn: "")
            #expect(try await CallAPITests.move(app, p.callID, to: "cancelled", by: p.officer).status == .ok)
            let proposals = try await app.count(Proposal.self)
            let refused = try await f.call(.POST, "/api/v1/centres/\(f.centre.uuidString)/leads/\(lead)/proposal", ["call": p.callID, "budget": 5], by: f.staff)
            #expect(refused.status == .conflict)
            // The board's form says why, in the page's language, and keeps what was typed.
            let browser = Browser(app)
            try await browser.signIn(f.staff)
            let form: [(String, String)] = [("lead", lead), ("call", p.callID), ("budget", "700000000")]
            let ko = try await browser.post("/centres/\(f.centre.uuidString)/leads/proposal?lang=ko", form: form)
            #expect(ko.status == .conflict)
            #expect(ko.text.contains("공모 접수 중에만"))
            #expect(ko.text.contains("value=\"700000000\""))
            let en = try await browser.post("/centres/\(f.centre.uuidString)/leads/proposal?lang=en", form: form)
            #expect(en.status == .conflict)
            #expect(en.text.contains("role=\"alert\""))
            #expect(try await app.count(Proposal.self) == proposals)
            #expect(try await Self.auditCount(app, "lead.proposal") == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theBoardsFormTurnsALeadIntoADraftAndNamesEachError(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let p = try await ProposalFixture.make(app)
            // Described in Korean only: the draft is written in Korean.
            let lead = try await Self.lead(f, p, descriptionEn: "")
            let browser = Browser(app)
            try await browser.signIn(f.staff)
            let page = try await browser.get("/centres/\(f.centre.uuidString)?lang=en")
            #expect(page.text.contains("Turn a lead into a draft proposal"))
            #expect(page.text.contains("K-SCON 2027"))
            let proposals = try await app.count(Proposal.self)
            let bad = try await browser.post("/centres/\(f.centre.uuidString)/leads/proposal?lang=ko", form: [("lead", lead), ("call", p.callID), ("budget", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"f-budget-error\""))
            #expect(try await app.count(Proposal.self) == proposals)
            // Another centre's staff: not found, nothing written.
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            #expect(try await other.post("/centres/\(f.centre.uuidString)/leads/proposal", form: [("lead", lead), ("call", p.callID), ("budget", "5")]).status == .notFound)
            let good = try await browser.post("/centres/\(f.centre.uuidString)/leads/proposal?lang=en", form: [("lead", lead), ("call", p.callID), ("budget", "700,000,000")])
            #expect(good.status == .ok)
            #expect(good.text.contains("became a draft proposal"))
            let model = try #require(try await Proposal.query(on: app.db).filter(\.$title == "Smart bus depot").first())
            #expect(model.language == "ko" && model.budget == 700_000_000 && model.problem.contains("분야: 교통"))
            #expect(try await Self.auditCount(app, "lead.proposal") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLeadPastTheLeadStageDoesNotBecomeAProposal(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let p = try await ProposalFixture.make(app)
            let lead = try await Self.lead(f, p)
            let row = try #require(try await CentreLead.find(UUID(uuidString: lead)!, on: app.db))
            let path = "/api/v1/centres/\(f.centre.uuidString)/leads/\(lead)/proposal"
            let browser = Browser(app)
            try await browser.signIn(f.staff)
            // At the lead stage the board offers it.
            #expect(try await browser.get("/centres/\(f.centre.uuidString)?lang=en").text.contains("value=\"\(lead)\""))
            for stage in [ProjectStage.selected, .dropped] {
                // Setup: the lead's project moved on in the pipeline, or was dropped.
                let project = try #require(try await Project.find(row.projectID, on: app.db))
                project.stage = stage.rawValue
                try await project.save(on: app.db)
                let proposals = try await app.count(Proposal.self), audits = try await Self.auditCount(app, "lead.proposal")
                let refused = try await f.call(.POST, path, ["call": p.callID, "budget": 5], by: f.staff)
                #expect(refused.status == .conflict)
                #expect(refused.text.contains("past the lead stage"), "\(refused.text)")
                let page = try await browser.post("/centres/\(f.centre.uuidString)/leads/proposal?lang=ko", form: [("lead", lead), ("call", p.callID), ("budget", "5")])
                #expect(page.status == .conflict && page.text.contains("발굴 단계를 지났습니다"))
                #expect(try await app.count(Proposal.self) == proposals)
                #expect(try await Self.auditCount(app, "lead.proposal") == audits)
                #expect(try await CentreLead.find(row.storedID, on: app.db)?.proposalID == nil)
                // The board no longer offers the form for it.
                let board = try await browser.get("/centres/\(f.centre.uuidString)?lang=en")
                #expect(!board.text.contains("value=\"\(lead)\"") && board.text.contains("No lead on the board can become a draft proposal"))
            }
        }
    }

    @Test func everyRefusalOfALeadSpeaksBothLanguages() {
        for refusal in [LeadRefusal.alreadyProposed, .noOrganisation, .pastLeadStage(.dropped)] {
            #expect(!Strings.english.localized(refusal).isEmpty && Strings.korean.has("refusal.\(refusal.key)"), "\(refusal.key)")
        }
    }
}

/// An event linked to a call of the open call and to pipeline projects.
@Suite struct CentreEventLinkTests {
    @Test(arguments: TestDatabase.all)
    func anEventIsLinkedToWhatItsOrganiserMaySeeAndShowsEachReaderWhatTheyMaySee(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let p = try await ProposalFixture.make(app)
            let lead = try await CentreLeadProposalTests.lead(f, p)
            let board = try await f.call(.GET, "/api/v1/centres/\(f.centre.uuidString)/leads", by: f.staff)
            let project = try #require((board.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == lead }?["project"] as? String)
            // A lead of the other centre: this centre's staff do not see it.
            let otherCentre = try #require(try await Centre.query(on: app.db).filter(\.$nameEn == "Test centre two").first()).storedID
            let otherLead = try await f.call(.POST, "/api/v1/centres/\(otherCentre.uuidString)/leads",
                                             ["organisation": p.applicantID.uuidString, "city": p.bangkok.uuidString, "title": "Other centre's lead",
                                              "supportType": "master-plan", "owner": "Lee"], by: f.otherStaff)
            let otherProject = try #require(otherLead.json["project"] as? String)
            let events = try await app.count(CentreEvent.self), links = try await app.count(CentreEventLink.self)
            // Bad links: a project the organiser may not see, a call that does not exist, a project twice. Nothing written.
            let hidden = try await f.call(.POST, "/api/v1/events", f.eventBody(["projects": [project, otherProject]]), by: f.staff)
            #expect(hidden.status == .unprocessableEntity)
            #expect(hidden.problemFields == ["projects[1]"])
            let unknown = try await f.call(.POST, "/api/v1/events", f.eventBody(["call": UUID().uuidString]), by: f.staff)
            #expect(unknown.problemFields == ["call"])
            let twice = try await f.call(.POST, "/api/v1/events", f.eventBody(["projects": [project, project]]), by: f.staff)
            #expect(twice.problemFields == ["projects[1]"])
            #expect(try await app.count(CentreEvent.self) == events)
            #expect(try await app.count(CentreEventLink.self) == links)
            // Linked to the open call and the centre's lead.
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(["call": p.callID, "projects": [project]]), by: f.staff)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.json["call"] as? String == p.callID.lowercased())
            #expect(created.json["projects"] as? [String] == [project])
            let event = try #require(created.json["id"] as? String)
            #expect(try await f.call(.POST, "/api/v1/events/\(event)/state", ["to": "open"], by: f.staff).status == .ok)
            // Everyone sees the public call; only those who see the lead see the project.
            let public_ = try await f.call(.GET, "/api/v1/events/\(event)", by: nil)
            #expect(public_.json["call"] as? String == p.callID.lowercased())
            #expect(public_.json["projects"] as? [String] == [])
            #expect(try await f.call(.GET, "/api/v1/events/\(event)", by: f.staff).json["projects"] as? [String] == [project])
            let listed = try await f.call(.GET, "/api/v1/events?centre=\(f.centre.uuidString)", by: f.staff)
            #expect((listed.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == event }?["projects"] as? [String] == [project])
            // The event page links them.
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            let page = try await staff.get("/events/\(event)?lang=ko")
            #expect(page.text.contains("연계 공모") && page.text.contains("/calls/\(p.callID.lowercased())"))
            #expect(page.text.contains("/projects/\(project)"))
            let anonymous = try await Browser(app).get("/events/\(event)?lang=en")
            #expect(anonymous.text.contains("Linked call") && !anonymous.text.contains("/projects/\(project)"))
        }
    }
}

/// A centre's numbers: leads by stage, meetings held, agreements linked to its events or leads.
@Suite struct CentreNumbersTests {
    @Test(arguments: TestDatabase.all)
    func theCentresNumbersCountItsLeadsMeetingsAndLinkedAgreementsForItsStaffOnly(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$countryCode == "TH").first()).storedID
            let city = try #require(try await City.query(on: app.db).filter(\.$countryCode == "TH").first()).storedID
            var projects: [UUID] = []
            for title in ["Depot one", "Depot two"] {
                let lead = try await f.call(.POST, "/api/v1/centres/\(f.centre.uuidString)/leads",
                                            ["organisation": organisation.uuidString, "city": city.uuidString, "title": title, "supportType": "master-plan", "owner": "Kim"],
                                            by: f.staff)
                let project = try #require(lead.json["project"] as? String)
                projects.append(try #require(UUID(uuidString: project)))
            }
            // A meeting held at the centre's event.
            let (event, _, b, c) = try await f.matchmaking()
            let base = "/api/v1/events/\(event.uuidString)"
            let meeting = try #require(try await f.call(.POST, "\(base)/requests", ["from": b.uuidString, "to": c.uuidString], by: f.staff).json["id"] as? String)
            _ = try await f.call(.POST, "\(base)/schedule/run", by: f.staff)
            _ = try await f.call(.POST, "\(base)/schedule/publish", by: f.staff)
            #expect(try await f.call(.POST, "\(base)/meetings/\(meeting)/outcome", ["outcome": "held"], by: f.staff).status == .ok)
            // Agreements: one linked to a lead's project and to the event (counted once), one to the event, one to nothing of the centre.
            let agreements = try await AgreementsFixture.make(app)
            let firstJSON = try await agreements.agreement(organisation: organisation, projects: [projects[0]])
            let secondJSON = try await agreements.agreement(organisation: organisation)
            let first = try #require((firstJSON["id"] as? String).flatMap(UUID.init(uuidString:)))
            let second = try #require((secondJSON["id"] as? String).flatMap(UUID.init(uuidString:)))
            _ = try await agreements.agreement(organisation: organisation)
            for agreement in [first, second] {
                let link = AgreementLink()
                link.agreementID = agreement
                link.kind = AgreementLinkKind.event.rawValue
                link.targetID = event
                try await link.create(on: app.db)
            }
            // The centre's staff read them; others do not.
            let read = try await f.call(.GET, "/api/v1/centres/\(f.centre.uuidString)", by: f.staff)
            let numbers = try #require(read.json["numbers"] as? [String: Any])
            #expect(numbers["leads"] as? Int == 2)
            #expect((numbers["leadsByStage"] as? [[String: Any]])?.map { "\($0["stage"] ?? "")=\($0["count"] ?? "")" } == ["lead=2"])
            #expect(numbers["meetingsHeld"] as? Int == 1)
            #expect(numbers["agreements"] as? Int == 2)
            #expect(try await f.call(.GET, "/api/v1/centres/\(f.centre.uuidString)", by: f.otherStaff).json["numbers"] == nil)
            #expect(try await f.call(.GET, "/api/v1/centres/\(f.centre.uuidString)", by: nil).json["numbers"] == nil)
            let direct = try await CentreNumbers.of(f.centre, on: app.db)
            #expect(direct.agreements == 2 && direct.meetingsHeld == 1 && direct.leads == 2)
            // The staff part of the centre page shows them.
            let staff = Browser(app)
            try await staff.signIn(f.staff)
            let page = try await staff.get("/centres/\(f.centre.uuidString)?lang=ko")
            #expect(page.text.contains("센터 실적") && page.text.contains("개최된 미팅"))
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            #expect(!(try await other.get("/centres/\(f.centre.uuidString)?lang=ko")).text.contains("센터 실적"))
        }
    }
}
