import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The review routes not walked through by the flows: each with its happy path, bad input
/// and the wrong user.
@Suite struct ReviewRouteTests {
    @Test(arguments: TestDatabase.all)
    func reviewerProfiles(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let reviewer = fixture.reviewers[0]
            let mine = try await fixture.base.get("/api/v1/me/reviewer-profile", by: reviewer)
            #expect(mine.json["capacity"] as? Int == 2)
            #expect(mine.json["countries"] as? [String] == ["TH"])
            let bad = try await fixture.put("/api/v1/me/reviewer-profile", by: reviewer, ["sectors": ["space"], "languages": [], "capacity": 999])
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.problemFields) == ["sectors[0]", "languages", "capacity"])
            #expect(try await fixture.base.get("/api/v1/me/reviewer-profile", by: reviewer).json["capacity"] as? Int == 2)
            #expect(try await fixture.base.get("/api/v1/me/reviewer-profile", by: nil).status == .unauthorized)
            #expect(try await fixture.put("/api/v1/me/reviewer-profile", by: nil, ["languages": ["en"]]).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func thePoolAndTheAssignmentAreForTheCallsManagers(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let callID = fixture.base.callID
            let pool = try await fixture.base.get("/api/v1/calls/\(callID)/reviewers", by: fixture.base.officer)
            #expect((pool.json["items"] as? [[String: Any]])?.count == 5)
            #expect(try await fixture.base.get("/api/v1/calls/\(callID)/reviewers", by: fixture.reviewers[0]).status == .forbidden)
            #expect(try await fixture.base.get("/api/v1/calls/not-a-call/reviewers", by: fixture.base.officer).status == .badRequest)
            let empty = try await fixture.base.get("/api/v1/calls/\(callID)/assignment", by: fixture.base.officer)
            #expect((empty.json["pairs"] as? [Any])?.isEmpty == true)
            #expect(try await fixture.base.get("/api/v1/calls/\(callID)/assignment", by: fixture.reviewers[0]).status == .forbidden)
            let zero = try await fixture.base.post("/api/v1/calls/\(callID)/assignment", by: fixture.base.officer, ["reviewsPerProposal": 0])
            #expect(zero.problemFields == ["reviewsPerProposal"])
            let unknown = try await fixture.base.post("/api/v1/calls/\(callID)/assignment/pairs", by: fixture.base.officer,
                                                      ["proposal": UUID().uuidString, "reviewer": fixture.reviewers[0].id.uuidString, "action": "pin"])
            #expect(unknown.problemFields == ["proposal"])
            #expect(try await app.count(ReviewAssignment.self) == 0)
            #expect(try await fixture.base.get("/api/v1/reviews?state=later", by: fixture.reviewers[0]).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func absencesTheSameCountryAndFairnessShapeTheAssignment(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let callID = fixture.base.callID
            let path = "/api/v1/calls/\(callID)/assignment"
            let today = CalendarDay(Date())
            // The second reviewer is away from tomorrow for five days; bad periods are refused.
            let away = fixture.reviewers[1]
            let profile: [String: Any] = ["sectors": ["water"], "countries": ["TH"], "languages": ["en", "ko"], "capacity": 3]
            let badPeriod = try await fixture.put("/api/v1/me/reviewer-profile", by: away,
                                                  profile.merging(["unavailable": ["2026-13-01/2026-12-01", "2027-01-05/2027-01-01"]]) { $1 })
            #expect(badPeriod.status == .unprocessableEntity)
            #expect(badPeriod.problemFields == ["unavailable[0]", "unavailable[1]"])
            let period = "\(today.adding(days: 1))/\(today.adding(days: 5))"
            let saved = try await fixture.put("/api/v1/me/reviewer-profile", by: away, profile.merging(["unavailable": [period]]) { $1 })
            #expect(saved.json["unavailable"] as? [String] == [period])
            // A reviewer working for another Thai organisation, and a call that counts that as a conflict.
            let neighbour = try await app.makeUser(grants: [
                Grant(role: .reviewer, scope: .call(callID.lowercased())),
                Grant(role: .organisationMember, scope: .organisation(try await app.organisationID("sample-th-sukjai-municipality").uuidString.lowercased())),
            ])
            let call = try #require(try await Call.find(UUID(uuidString: callID), on: app.db))
            var terms = try call.terms()
            terms.sameCountryConflict = true
            try call.apply(terms)
            try await call.save(on: app.db)
            let sheet = try await fixture.base.get("/api/v1/calls/\(callID)/conflicts", by: neighbour)
            #expect((sheet.json["items"] as? [[String: Any]])?.allSatisfy { $0["derived"] as? String == "same-country" } == true)

            // Bad input: nothing written.
            for (body, field) in [(["reviewsDue": "2020-01-01"], "reviewsDue"), (["reviewsDue": "soon"], "reviewsDue"),
                                  (["fairness": true, "loadBalancing": 5], "loadBalancing")] as [([String: Any], String)] {
                let bad = try await fixture.base.post(path, by: fixture.base.officer, body.merging(["reviewsPerProposal": 1]) { $1 })
                #expect(bad.status == .unprocessableEntity)
                #expect(bad.problemFields == [field])
            }
            #expect(try await app.count(ReviewAssignment.self) == 0)
            #expect(try await fixture.base.post(path, by: fixture.reviewers[0], ["fairness": true]).status == .forbidden)

            // Reviews due in ten days: the absent reviewer and the Thai neighbour get nothing.
            let due = today.adding(days: 10).description
            let run = try await fixture.base.post(path, by: fixture.base.officer, ["reviewsPerProposal": 1, "reviewsDue": due, "fairness": true])
            #expect(run.status == .ok)
            #expect(run.json["reviewsDue"] as? String == due)
            let fairness = try #require(run.json["fairness"] as? [String: Any])
            #expect(fairness["proven"] as? Bool == true)
            #expect(fairness["weakest"] as? Int == fairness["weakestBound"] as? Int)
            #expect(fairness["totalProven"] as? Bool == true)
            #expect(fairness["totalBound"] as? Int == run.json["objective"] as? Int)
            #expect(run.json["optimal"] as? Bool == true)
            let assigned = Set(fixture.pairs(run).map(\.reviewer))
            #expect(assigned.count >= 2)
            #expect(!assigned.contains(away.id.uuidString.lowercased()))
            #expect(!assigned.contains(neighbour.id.uuidString.lowercased()))
            #expect(!assigned.contains(fixture.insider.id.uuidString.lowercased()))
            // The reviewers see the due day among what is due.
            let reviewer = try #require(fixture.reviewers.first { assigned.contains($0.id.uuidString.lowercased()) })
            let front = try await fixture.base.get("/", by: reviewer)
            #expect(front.body.string.contains(due))

            // Three reviews each (9) need the absent reviewer's 3 beside the others' 2 + 2 + 2:
            // impossible while it is away, possible when reviews are due today, before it leaves.
            let tooFew = try await fixture.base.post(path, by: fixture.base.officer, ["reviewsPerProposal": 3, "reviewsDue": due])
            #expect(tooFew.status == .conflict)
            let sameDay = try await fixture.base.post(path, by: fixture.base.officer, ["reviewsPerProposal": 3, "reviewsDue": today.description])
            #expect(sameDay.status == .ok)
            #expect(fixture.pairs(sameDay).filter { $0.reviewer == away.id.uuidString.lowercased() }.count == 3)
            #expect(sameDay.json["fairness"] == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func conflictsNameUnknownProposalsAndAreForThePool(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let path = "/api/v1/calls/\(fixture.base.callID)/conflicts"
            let bad = try await fixture.put(path, by: fixture.reviewers[0], ["conflicts": [["proposal": UUID().uuidString, "reason": "x"]]])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["conflicts[0].proposal"])
            #expect(try await fixture.put(path, by: fixture.base.member, ["conflicts": []]).status == .forbidden)
            #expect(try await fixture.base.get(path, by: fixture.base.member).status == .forbidden)
            #expect(try await app.count(ReviewConflict.self) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aProposalsFilesAreListedForThoseWhoSeeIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app, requiredDocuments: nil)
            let id = try await fixture.draft()
            _ = try await AttachmentTests.upload(fixture, id, AttachmentTests.pdf)
            let list = try await fixture.get("/api/v1/proposals/\(id)/attachments", by: fixture.member)
            #expect((list.json["items"] as? [[String: Any]])?.first?["filename"] as? String == "form.pdf")
            let other = try await app.member(of: try await app.organisationID("molit"))
            #expect(try await fixture.get("/api/v1/proposals/\(id)/attachments", by: other).status == .notFound)
            #expect(try await fixture.get("/api/v1/proposals/not-an-id/attachments", by: fixture.member).status == .badRequest)
        }
    }
}
