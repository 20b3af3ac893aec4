import Fluent
import Foundation
import SconDomain
import SQLKit
import Testing
import VaporTesting
@testable import SconServer

/// A call that is open until 2099, a Thai applicant with a member, a focal point for Thailand.
struct ProposalFixture {
    let app: Application
    let officer: TestUser
    let callID: String
    let applicantID: UUID
    let member: TestUser
    let bangkok: UUID
    let hanoi: UUID

    static func make(_ app: Application, endorsementsPerCountry: Int = 2, requiredDocuments: [[String: String]]? = []) async throws -> ProposalFixture {
        let officer = try await app.officer()
        var call = CallAPITests.valid
        call["endorsementsPerCountry"] = endorsementsPerCountry
        call["opensAt"] = "2026-01-05T09:00"  // open for submissions now
        if let requiredDocuments { call["requiredDocuments"] = requiredDocuments }
        let callID = try await CallAPITests.createDraft(app, by: officer, call)
        #expect(try await CallAPITests.move(app, callID, to: "open", by: officer).status == .ok)
        let applicantID = try await app.organisationID("th-mdes")
        let member = try await app.member(of: applicantID)
        let bangkok = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Bangkok").first()?.id)
        let hanoi = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Hanoi").first()?.id)
        return ProposalFixture(app: app, officer: officer, callID: callID, applicantID: applicantID, member: member, bangkok: bangkok, hanoi: hanoi)
    }

    var proposal: [String: Any] { [
        "organisation": applicantID.uuidString, "city": bangkok.uuidString, "title": "Bangkok flood early warning",
        "problem": "Flash floods close roads every monsoon.", "objectives": "A master plan for sensors and warnings.",
        "supportType": "master-plan", "budget": 900_000_000, "counterpart": "Bangkok Metropolitan Administration", "language": "en",
    ] }

    /// Creates a draft as `user` and returns its id.
    func draft(by user: TestUser? = nil, _ body: [String: Any]? = nil) async throws -> String {
        var id: String?
        try await app.testing().test(.POST, "/api/v1/calls/\(callID)/proposals", headers: Body.jsonHeaders.adding((user ?? member).bearer),
                                     body: try Body.json(body ?? proposal)) { response in
            #expect(response.status == .created)
            id = response.json["id"] as? String
        }
        return try #require(id)
    }

    func post(_ path: String, by user: TestUser?, _ body: [String: Any] = [:]) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: Body.jsonHeaders.adding(user?.bearer ?? [:]), body: try Body.json(body)) { result = $0 }
        return try #require(result)
    }

    func get(_ path: String, by user: TestUser?) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: user?.bearer ?? [:]) { result = $0 }
        return try #require(result)
    }

    func endorse(_ ids: [String], by user: TestUser?, country: String = "TH") async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.PUT, "/api/v1/calls/\(callID)/endorsements/\(country)", headers: Body.jsonHeaders.adding(user?.bearer ?? [:]),
                                     body: try Body.json(["proposals": ids])) { result = $0 }
        return try #require(result)
    }
}

@Suite struct ProposalAPITests {
    @Test(arguments: TestDatabase.all)
    func anApplicantDraftsSubmitsAndGetsACode(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let id = try await fixture.draft()
            let draft = try await fixture.get("/api/v1/proposals/\(id)", by: fixture.member)
            #expect(draft.json["state"] as? String == "draft")
            #expect(draft.json["code"] is NSNull)
            #expect(draft.json["country"] as? String == "TH")
            // Private to the organisation while a draft: not the officer, not the focal point, not the public.
            let focal = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: fixture.officer).status == .notFound)
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: focal).status == .notFound)
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: nil).status == .notFound)
            let listed = try await fixture.get("/api/v1/calls/\(fixture.callID)/proposals", by: fixture.officer)
            #expect((listed.json["items"] as? [Any])?.isEmpty == true)

            let submitted = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
            #expect(submitted.status == .ok)
            #expect(submitted.json["state"] as? String == "submitted")
            #expect(submitted.json["code"] as? String == "KSCON-2026-TH-01")
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: fixture.officer).status == .ok)
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: focal).status == .ok)
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: nil).status == .notFound)

            let second = try await fixture.draft()
            #expect(try await fixture.post("/api/v1/proposals/\(second)/submit", by: fixture.member).json["code"] as? String == "KSCON-2026-TH-02")
            let withdrawn = try await fixture.post("/api/v1/proposals/\(second)/withdraw", by: fixture.member)
            #expect(withdrawn.json["state"] as? String == "withdrawn")
            #expect(try await fixture.post("/api/v1/proposals/\(second)/submit", by: fixture.member).status == .conflict)

            let actions = try await AuditRecord.query(on: app.db).filter(\.$subject ~~ ["proposal:\(id)", "proposal:\(second)"]).sort(\.$id).all().map(\.action)
            #expect(actions == ["proposal.create", "proposal.submit", "proposal.create", "proposal.submit", "proposal.withdraw"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLateSubmissionIsRefusedNamingWhenTheCallClosed(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let id = try #require(UUID(uuidString: try await fixture.draft()))
            let principal = Principal(userID: fixture.member.id, grants: [Grant(role: .organisationMember, scope: .organisation(fixture.applicantID.uuidString.lowercased()))])
            let store = ProposalStore(db: app.db, audit: app.auditLog)
            // 2099-06-30T18:00 in Bangkok is 11:00 UTC: one second before is in time, the deadline itself is late.
            let deadline = try #require(ISO8601DateFormatter().date(from: "2099-06-30T11:00:00Z"))
            do {
                _ = try await store.submit(id, by: principal, now: deadline)
                Issue.record("a submission at the deadline must be refused")
            } catch let refusal as ProposalRules.Refusal {
                #expect(refusal.description == "the call closed at 2099-06-30T18:00 (Asia/Bangkok); late submissions are not accepted.")
            }
            #expect(try await Proposal.find(id, on: app.db)?.state == "draft")
            let inTime = try await store.submit(id, by: principal, now: deadline.addingTimeInterval(-1))
            #expect(inTime.state == .submitted)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedNamingTheFieldsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let before = try await app.count(Proposal.self)
            var bad = fixture.proposal
            bad["city"] = fixture.hanoi.uuidString
            bad["supportType"] = "grant"
            bad["budget"] = 0
            bad["title"] = ""
            let response = try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: fixture.member, bad)
            #expect(response.status == .unprocessableEntity)
            #expect(Set(response.problemFields) == ["city", "supportType", "budget", "title"])
            var unknown = fixture.proposal
            unknown["score"] = 100
            #expect(try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: fixture.member, unknown).problemFields == ["score"])
            // A Korean ministry cannot apply to a call for the ASEAN 10.
            let molit = try await app.organisationID("molit")
            let korean = try await app.member(of: molit)
            var fromKorea = fixture.proposal
            fromKorea["organisation"] = molit.uuidString
            let refused = try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: korean, fromKorea)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.problemFields == ["organisation"])
            // An incomplete draft is saved but cannot be submitted.
            var thin = fixture.proposal
            thin["objectives"] = ""
            let id = try await fixture.draft(thin)
            let incomplete = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
            #expect(incomplete.status == .conflict)
            #expect((incomplete.json["detail"] as? String)?.contains("objectives") == true)
            #expect(try await app.count(Proposal.self) == before + 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherOrganisationNeitherReadsNorChangesTheProposal(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let id = try await fixture.draft()
            let other = try await app.member(of: try await app.organisationID("sample-th-sukjai-municipality"))
            #expect(try await fixture.get("/api/v1/proposals/\(id)", by: other).status == .notFound)
            #expect(try await fixture.post("/api/v1/proposals/\(id)/submit", by: other).status == .notFound)
            try await app.testing().test(.PATCH, "/api/v1/proposals/\(id)", headers: Body.jsonHeaders.adding(other.bearer), body: try Body.json(["title": "Mine now"])) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("Bangkok flood"))
            }
            // Writing for an organisation one is not a member of.
            let foreign = try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: other, fixture.proposal)
            #expect(foreign.status == .forbidden)
            #expect(try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: nil, fixture.proposal).status == .unauthorized)
            // The officer reads a submitted proposal but cannot change it.
            _ = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
            #expect(try await fixture.post("/api/v1/proposals/\(id)/withdraw", by: fixture.officer).status == .forbidden)
            let stored = try #require(try await Proposal.find(UUID(uuidString: id), on: app.db))
            #expect(stored.title == "Bangkok flood early warning")
            #expect(stored.state == "submitted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFocalPointRanksItsCountrysProposalsUpToTheLimit(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app, endorsementsPerCountry: 2)
            var ids: [String] = []
            for _ in 0..<3 {
                let id = try await fixture.draft()
                _ = try await fixture.post("/api/v1/proposals/\(id)/submit", by: fixture.member)
                ids.append(id)
            }
            let draft = try await fixture.draft()
            let thai = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])
            let vietnamese = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("VN")!))])

            let over = try await fixture.endorse(ids, by: thai)
            #expect(over.status == .unprocessableEntity)
            #expect(over.problemFields == ["proposals"])
            let unsubmitted = try await fixture.endorse([draft], by: thai)
            #expect(unsubmitted.problemFields == ["proposals[0]"])
            #expect(try await fixture.endorse([ids[0]], by: vietnamese).status == .forbidden)
            #expect(try await fixture.endorse([ids[0]], by: vietnamese, country: "VN").problemFields == ["proposals[0]"])
            #expect(try await fixture.endorse([ids[0]], by: fixture.member).status == .forbidden)
            #expect(try await Endorsement.query(on: app.db).filter(\.$callID == UUID(uuidString: fixture.callID)!).count() == 0)

            let ranked = try await fixture.endorse([ids[2], ids[0]], by: thai)
            #expect(ranked.status == .ok)
            #expect(ranked.json["proposals"] as? [String] == [ids[2], ids[0]])
            let eligibility = try await fixture.get("/api/v1/proposals/\(ids[2])/eligibility", by: thai)
            let rules = (eligibility.json["items"] as? [[String: Any]] ?? []).reduce(into: [String: Bool]()) { $0[$1["rule"] as? String ?? ""] = $1["passed"] as? Bool }
            #expect(rules == ["eligible-country": true, "offered-support-type": true, "within-budget": true, "required-documents": true, "endorsed": true])

            // Withdrawing the first-ranked proposal moves the next one up.
            _ = try await fixture.post("/api/v1/proposals/\(ids[2])/withdraw", by: fixture.member)
            let after = try await fixture.get("/api/v1/calls/\(fixture.callID)/endorsements/TH", by: thai)
            #expect(after.json["proposals"] as? [String] == [ids[0]])
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }
}
