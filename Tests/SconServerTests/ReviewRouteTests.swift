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
            let fixture = try await ProposalFixture.make(app)
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
