import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A mutual pair followed up in the programme's work: a lead on a centre's board, a meeting
/// request at an event where both sides are registered, a draft proposal in an open call.
@Suite struct MarketplaceFollowUpTests {
    /// The marketplace fixture's pair, published and mutually interesting, with the centres
    /// fixture (its centre one now covering Thailand) and a member of a third organisation.
    struct Setting {
        let m: MarketplaceFixture
        let f: CentresFixture
        let challenge: String
        let solution: String
        let third: TestUser
        var pair: String { "/api/v1/matches/\(challenge)/\(solution)" }

        static func make(_ app: Application, mutual: Bool = true) async throws -> Setting {
            let f = try await CentresFixture.make(app)
            let centre = try #require(try await Centre.find(f.centre, on: app.db))
            centre.covers = "TH"
            try await centre.save(on: app.db)
            let m = try await MarketplaceFixture.make(app)
            let (challenge, solution) = try await m.publishedPair()
            let setting = Setting(m: m, f: f, challenge: challenge, solution: solution,
                                  third: try await app.member(of: try await app.organisationID("th-mdes")))
            if mutual { try await setting.makeMutual() }
            return setting
        }

        func makeMutual() async throws {
            #expect(try await m.send(.POST, pair + "/interest", by: m.cityMember).status == .ok)
            #expect(try await m.send(.POST, pair + "/interest", by: m.companyMember).json["mutual"] as? Bool == true)
        }
    }

    static func audits(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    @Test(arguments: TestDatabase.all)
    func aMutualPairBecomesOneLeadOnTheBoardOfACentreCoveringItsCountry(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let s = try await Setting.make(app, mutual: false)
            let body: [String: Any] = ["centre": s.f.centre.uuidString, "supportType": "master-plan"]
            let leads = try await app.count(CentreLead.self)
            // Before both sides are interested: 409, in words.
            let early = try await s.m.send(.POST, s.pair + "/lead", body, by: s.f.staff)
            #expect(early.status == .conflict)
            try await s.makeMutual()
            // Wrong users: a third organisation's member, the city's own member, another centre's staff (403); nobody signed in (401).
            #expect(try await s.m.send(.POST, s.pair + "/lead", body, by: s.third).status == .forbidden)
            #expect(try await s.m.send(.POST, s.pair + "/lead", body, by: s.m.cityMember).status == .forbidden)
            #expect(try await s.m.send(.POST, s.pair + "/lead", body, by: s.f.otherStaff).status == .forbidden)
            #expect(try await s.m.send(.POST, s.pair + "/lead", body, by: nil).status == .unauthorized)
            // Bad input: no centre, no support type, a centre not covering Thailand, an unknown field.
            let noCentre = try await s.m.send(.POST, s.pair + "/lead", ["supportType": "master-plan"], by: s.f.staff)
            #expect(noCentre.status == .unprocessableEntity)
            #expect(noCentre.problemFields == ["centre"])
            let noType = try await s.m.send(.POST, s.pair + "/lead", ["centre": s.f.centre.uuidString], by: s.f.staff)
            #expect(noType.status == .unprocessableEntity)
            #expect(noType.problemFields == ["supportType"])
            let officer = try await app.officer()
            let otherCentre = try #require(try await Centre.query(on: app.db).filter(\.$nameEn == "Test centre two").first()?.id)
            let notCovering = try await s.m.send(.POST, s.pair + "/lead", ["centre": otherCentre.uuidString, "supportType": "master-plan"], by: officer)
            #expect(notCovering.status == .unprocessableEntity)
            #expect(notCovering.problemFields == ["centre"])
            #expect(try await s.m.send(.POST, s.pair + "/lead", body.merging(["colour": "red"]) { a, _ in a }, by: s.f.staff).status == .badRequest)
            #expect(try await app.count(CentreLead.self) == leads)
            #expect(try await Self.audits(app, "marketplace.lead") == 0)
            // The centre's staff record it: the board's lead, with the challenge's facts and a note naming the pair and the partner.
            let done = try await s.m.send(.POST, s.pair + "/lead", body, by: s.f.staff)
            #expect(done.status == .created, "\(done.text)")
            let lead = try #require(done.json["lead"] as? [String: Any])
            #expect(lead["centre"] as? String == s.f.centre.uuidString.lowercased())
            #expect(try await app.count(CentreLead.self) == leads + 1)
            let projectID = try #require((lead["project"] as? String).flatMap(UUID.init(uuidString:)))
            let leadID = try #require(lead["id"] as? String)
            let project = try #require(try await Project.find(projectID, on: app.db))
            #expect(project.organisationID == s.m.cityOrg)
            #expect(project.cityID == s.m.city)
            #expect(project.title == "Heavy congestion on the main roads")
            #expect(project.descriptionEn.contains("Adaptive traffic signals for congested corridors"))
            #expect(project.descriptionKo.contains("파트너"))
            #expect(try await Self.audits(app, "marketplace.lead") == 1)
            // The board shows it; the pair's follow-ups name it, for the sides (a stranger gets 404).
            let board = try await s.f.call(.GET, "/api/v1/centres/\(s.f.centre.uuidString)/leads", by: s.f.staff)
            #expect(board.text.contains(leadID))
            let followUps = try await s.m.send(.GET, s.pair + "/follow-ups", by: s.m.companyMember)
            #expect((followUps.json["lead"] as? [String: Any])?["id"] as? String == lead["id"] as? String)
            #expect(try await s.m.send(.GET, s.pair + "/follow-ups", by: s.third).status == .notFound)
            // Once only: 409, nothing written.
            let again = try await s.m.send(.POST, s.pair + "/lead", body, by: officer)
            #expect(again.status == .conflict)
            #expect(try await app.count(CentreLead.self) == leads + 1)
            // The pair page links the board for the sides, in both languages.
            let browser = Browser(app)
            try await browser.signIn(s.m.cityMember)
            let page = try await browser.get("/marketplace/matches/\(s.challenge)/\(s.solution)?lang=ko")
            #expect(page.text.contains("/centres/\(s.f.centre.uuidString.lowercased())"))
            #expect(page.text.contains("리드 등록"))
            // The lead's record is its centre's to open: linked for the staff, not for the sides.
            #expect(!page.text.contains("/projects/\(projectID.uuidString.lowercased())"))
            let staff = Browser(app)
            try await staff.signIn(s.f.staff)
            #expect(try await staff.get("/marketplace/matches/\(s.challenge)/\(s.solution)").text.contains("/projects/\(projectID.uuidString.lowercased())"))
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func eitherSideRequestsAMeetingAtAnEventWhereBothAreRegistered(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let s = try await Setting.make(app)
            let browser = Browser(app)
            try await browser.signIn(s.m.cityMember)
            let pairPage = "/marketplace/matches/\(s.challenge)/\(s.solution)"
            // No event yet: the section says so.
            #expect(try await browser.get(pairPage + "?lang=en").text.contains("No event taking meeting requests"))
            // An event in matchmaking with both sides' members (and the third organisation's) validated.
            let created = try await s.f.call(.POST, "/api/v1/events", s.f.eventBody(), by: s.f.staff)
            let event = try #require(created.json["id"] as? String)
            #expect(try await s.f.call(.POST, "/api/v1/events/\(event)/state", ["to": "open"], by: s.f.staff).status == .ok)
            for (user, name, country) in [(s.m.cityMember, "Sukjai", "TH"), (s.m.companyMember, "Hanbit", "KR"), (s.third, "MDES", "TH")] {
                let registered = try await s.f.call(.POST, "/api/v1/events/\(event)/registrations", s.f.registration(name, country: country), by: user)
                let id = try #require(registered.json["id"] as? String)
                #expect(try await s.f.call(.POST, "/api/v1/events/\(event)/registrations/\(id)/decision", ["decision": "validated"], by: s.f.staff).status == .ok)
            }
            #expect(try await s.f.call(.POST, "/api/v1/events/\(event)/state", ["to": "matchmaking"], by: s.f.staff).status == .ok)
            // The page offers that event.
            #expect(try await browser.get(pairPage).text.contains("Test day"))
            let requests = try await app.count(MeetingRequestRecord.self)
            // Wrong users: the third organisation's member is registered but is not a side (404); the office reads but speaks for neither (403). Bad input: 422, 400.
            #expect(try await s.m.send(.POST, s.pair + "/meetings", ["event": event], by: s.third).status == .notFound)
            let officer = try await app.officer()
            #expect(try await s.m.send(.POST, s.pair + "/meetings", ["event": event], by: officer).status == .forbidden)
            let noEvent = try await s.m.send(.POST, s.pair + "/meetings", ["message": "Hello"], by: s.m.cityMember)
            #expect(noEvent.problemFields == ["event"])
            let unknown = try await s.m.send(.POST, s.pair + "/meetings", ["event": UUID().uuidString], by: s.m.cityMember)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.problemFields == ["event"])
            let badPriority = try await s.m.send(.POST, s.pair + "/meetings", ["event": event, "priority": 9], by: s.m.cityMember)
            #expect(badPriority.problemFields == ["priority"])
            #expect(try await s.m.send(.POST, s.pair + "/meetings", ["event": event, "when": "now"], by: s.m.cityMember).status == .badRequest)
            #expect(try await app.count(MeetingRequestRecord.self) == requests)
            // The city's member asks the company's: the event's request, recorded for the pair.
            let done = try await s.m.send(.POST, s.pair + "/meetings", ["event": event], by: s.m.cityMember)
            #expect(done.status == .created, "\(done.text)")
            #expect((done.json["meetings"] as? [[String: Any]])?.first?["event"] as? String == event)
            #expect(try await app.count(MeetingRequestRecord.self) == requests + 1)
            let row = try #require(try await MeetingRequestRecord.query(on: app.db).filter(\.$eventID == UUID(uuidString: event)!).first())
            #expect(row.message.contains("Heavy congestion") || row.message.contains("รถติด"))
            #expect(try await Self.audits(app, "marketplace.meeting") == 1)
            // The event's own rule: one active request between two participants (409 for the other side too).
            #expect(try await s.m.send(.POST, s.pair + "/meetings", ["event": event], by: s.m.companyMember).status == .conflict)
            #expect(try await app.count(MeetingRequestRecord.self) == requests + 1)
            #expect(try await browser.get(pairPage + "?lang=ko").text.contains("미팅 요청:"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCitysMemberStartsOneDraftProposalFromThePair(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let s = try await Setting.make(app)
            let p = try await ProposalFixture.make(app)
            let body: [String: Any] = ["call": p.callID, "supportType": "pre-feasibility", "budget": 600_000_000]
            let proposals = try await app.count(Proposal.self)
            // Wrong users: the solution's side (403), a third organisation's member (404: not a side), nobody (401).
            #expect(try await s.m.send(.POST, s.pair + "/proposal", body, by: s.m.companyMember).status == .forbidden)
            #expect(try await s.m.send(.POST, s.pair + "/proposal", body, by: s.third).status == .notFound)
            #expect(try await s.m.send(.POST, s.pair + "/proposal", body, by: nil).status == .unauthorized)
            // Bad input: no call, no budget, an unknown call, an unknown field.
            let noCall = try await s.m.send(.POST, s.pair + "/proposal", ["supportType": "master-plan", "budget": 5], by: s.m.cityMember)
            #expect(noCall.problemFields == ["call"])
            let noBudget = try await s.m.send(.POST, s.pair + "/proposal", ["call": p.callID, "supportType": "master-plan"], by: s.m.cityMember)
            #expect(noBudget.status == .unprocessableEntity)
            #expect(noBudget.problemFields == ["budget"])
            #expect(try await s.m.send(.POST, s.pair + "/proposal", ["call": UUID().uuidString, "supportType": "master-plan", "budget": 5],
                                       by: s.m.cityMember).status == .notFound)
            #expect(try await s.m.send(.POST, s.pair + "/proposal", body.merging(["x": 1]) { a, _ in a }, by: s.m.cityMember).status == .badRequest)
            #expect(try await app.count(Proposal.self) == proposals)
            // The page form: the draft is made for the city's organisation and the browser goes to it.
            let browser = Browser(app)
            try await browser.signIn(s.m.cityMember)
            let pairPage = "/marketplace/matches/\(s.challenge)/\(s.solution)"
            #expect(try await browser.get(pairPage).text.contains(p.callID.lowercased()))
            let made = try await browser.post(pairPage + "/proposal", form: [("call", p.callID), ("supportType", "pre-feasibility"), ("budget", "600,000,000")])
            #expect(made.status == .seeOther)
            let location = try #require(made.headers.first(name: .location))
            #expect(location.hasPrefix("/proposals/"))
            #expect(try await app.count(Proposal.self) == proposals + 1)
            let proposal = try #require(try await Proposal.find(UUID(uuidString: String(location.dropFirst("/proposals/".count))), on: app.db))
            #expect(proposal.organisationID == s.m.cityOrg)
            #expect(proposal.title == "Heavy congestion on the main roads")
            #expect(proposal.state == "draft")
            #expect(try await Self.audits(app, "marketplace.proposal") == 1)
            // The pair records it; once only (409 from the API and the page).
            let followUps = try await s.m.send(.GET, s.pair + "/follow-ups", by: s.m.cityMember)
            #expect((followUps.json["proposal"] as? [String: Any])?["id"] as? String == proposal.storedID.uuidString.lowercased())
            #expect(try await s.m.send(.POST, s.pair + "/proposal", body, by: s.m.cityMember).status == .conflict)
            let again = try await browser.post(pairPage + "/proposal?lang=ko", form: [("call", p.callID), ("supportType", "master-plan"), ("budget", "1")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("이미 제안서 초안"))
            #expect(try await app.count(Proposal.self) == proposals + 1)
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }
}
