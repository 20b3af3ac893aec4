import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A call in review with three endorsed Thai proposals and a pool of four reviewers.
struct ReviewFixture {
    let base: ProposalFixture
    let proposals: [String]
    let reviewers: [TestUser]
    /// A reviewer who is also a member of the applicant organisation.
    let insider: TestUser

    var app: Application { base.app }

    static func make(_ app: Application) async throws -> ReviewFixture {
        let base = try await ProposalFixture.make(app, endorsementsPerCountry: 3)
        var proposals: [String] = []
        for _ in 0..<3 {
            let id = try await base.draft()
            _ = try await base.post("/api/v1/proposals/\(id)/submit", by: base.member)
            proposals.append(id)
        }
        let focal = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])
        #expect(try await base.endorse(proposals, by: focal).status == .ok)
        let scope = Scope.call(base.callID.lowercased())
        var reviewers: [TestUser] = []
        for index in 0..<4 {
            let reviewer = try await app.makeUser(grants: [Grant(role: .reviewer, scope: scope)])
            let profile: [String: Any] = ["sectors": index % 2 == 0 ? ["digital", "safety"] : ["water"], "countries": index < 2 ? ["TH"] : ["VN"],
                                          "languages": ["en", "ko"], "capacity": 2]
            try await app.testing().test(.PUT, "/api/v1/me/reviewer-profile", headers: Body.jsonHeaders.adding(reviewer.bearer), body: try Body.json(profile)) {
                #expect($0.status == .ok)
            }
            reviewers.append(reviewer)
        }
        let insider = try await app.makeUser(grants: [Grant(role: .reviewer, scope: scope),
                                                      Grant(role: .organisationMember, scope: .organisation(base.applicantID.uuidString.lowercased()))])
        // Close the call after its deadline (the store takes the clock), then start the review.
        let officerPrincipal = Principal(userID: base.officer.id, grants: [Grant(role: .programmeOfficer, scope: .global)])
        let store = CallStore(db: app.db, audit: app.auditLog)
        _ = try await store.transition(UUID(uuidString: base.callID)!, to: "closed", by: officerPrincipal, now: Date(timeIntervalSince1970: 4_200_000_000))
        #expect(try await CallAPITests.move(app, base.callID, to: "in-review", by: base.officer).status == .ok)
        return ReviewFixture(base: base, proposals: proposals, reviewers: reviewers, insider: insider)
    }

    func put(_ path: String, by user: TestUser?, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.PUT, path, headers: Body.jsonHeaders.adding(user?.bearer ?? [:]), body: try Body.json(body)) { result = $0 }
        return try #require(result)
    }

    func pairs(_ response: TestingHTTPResponse) -> [(proposal: String, reviewer: String, status: String)] {
        (response.json["pairs"] as? [[String: Any]] ?? []).map { ($0["proposal"] as? String ?? "", $0["reviewer"] as? String ?? "", $0["status"] as? String ?? "") }
    }
}

@Suite struct ReviewAPITests {
    @Test(arguments: TestDatabase.all)
    func theAssignmentIsExactAndKeepsConflictsAndTheOfficersHand(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let base = fixture.base
            let callID = base.callID
            let first = fixture.reviewers[0]
            // The first reviewer declares a conflict with the first proposal.
            let sheet = try await base.get("/api/v1/calls/\(callID)/conflicts", by: first)
            #expect((sheet.json["items"] as? [Any])?.count == 3)
            let insiderSheet = try await base.get("/api/v1/calls/\(callID)/conflicts", by: fixture.insider)
            #expect((insiderSheet.json["items"] as? [[String: Any]])?.allSatisfy { $0["derived"] as? String == "same-organisation" } == true)
            let declared = try await fixture.put("/api/v1/calls/\(callID)/conflicts", by: first,
                                                 ["conflicts": [["proposal": fixture.proposals[0], "reason": "I advised the ministry in 2025."]]])
            #expect(declared.status == .ok)

            let run = try await base.post("/api/v1/calls/\(callID)/assignment", by: base.officer, ["reviewsPerProposal": 2])
            #expect(run.status == .ok)
            #expect(run.json["optimal"] as? Bool == true)
            let pairs = fixture.pairs(run)
            #expect(pairs.count == 6)
            #expect(!pairs.contains { $0.proposal == fixture.proposals[0] && $0.reviewer == first.id.uuidString.lowercased() })
            #expect(!pairs.contains { $0.reviewer == fixture.insider.id.uuidString.lowercased() })
            for proposal in fixture.proposals { #expect(pairs.filter { $0.proposal == proposal }.count == 2) }
            // Best affinity: Thai digital/safety experts first. Objective is the total affinity.
            #expect((run.json["objective"] as? Int ?? 0) > 0)

            // The officer removes one pair; solving again keeps it out.
            let removedPair = try #require(pairs.first)
            let removal = try await base.post("/api/v1/calls/\(callID)/assignment/pairs", by: base.officer,
                                              ["proposal": removedPair.proposal, "reviewer": removedPair.reviewer, "action": "remove"])
            #expect(removal.status == .ok)
            let again = fixture.pairs(try await base.post("/api/v1/calls/\(callID)/assignment", by: base.officer, ["reviewsPerProposal": 2]))
            #expect(!again.contains { $0.proposal == removedPair.proposal && $0.reviewer == removedPair.reviewer && $0.status == "assigned" })
            #expect(again.filter { $0.status == "assigned" }.count == 6)
            // Pinning a conflicted pair is refused.
            let pin = try await base.post("/api/v1/calls/\(callID)/assignment/pairs", by: base.officer,
                                          ["proposal": fixture.proposals[0], "reviewer": fixture.insider.id.uuidString, "action": "pin"])
            #expect(pin.status == .conflict)
            // Asking for more reviews than the pool can give names why.
            let impossible = try await base.post("/api/v1/calls/\(callID)/assignment", by: base.officer, ["reviewsPerProposal": 5])
            #expect(impossible.status == .conflict)
            // Reviewers and applicants cannot run it.
            #expect(try await base.post("/api/v1/calls/\(callID)/assignment", by: first, ["reviewsPerProposal": 2]).status == .forbidden)
            #expect(try await base.post("/api/v1/calls/\(callID)/assignment", by: base.member, ["reviewsPerProposal": 2]).status == .forbidden)
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReviewerScoresOnlyItsOwnProposalsAndSeesNoOtherScores(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let base = fixture.base
            let run = try await base.post("/api/v1/calls/\(base.callID)/assignment", by: base.officer, ["reviewsPerProposal": 2])
            let pairs = fixture.pairs(run)
            // The reviewer with the fewest (but some) proposals: there is one it does not review.
            func load(_ r: TestUser) -> Int { pairs.filter { $0.reviewer == r.id.uuidString.lowercased() }.count }
            let reviewer = try #require(fixture.reviewers.filter { load($0) > 0 }.min { load($0) < load($1) })
            let mine = pairs.filter { $0.reviewer == reviewer.id.uuidString.lowercased() }.map(\.proposal)
            let other = try #require(fixture.proposals.first { !mine.contains($0) })
            let proposal = try #require(mine.first)

            let list = try await base.get("/api/v1/reviews?state=pending", by: reviewer)
            #expect(Set((list.json["items"] as? [[String: Any]] ?? []).compactMap { $0["proposal"] as? String }) == Set(mine))
            #expect(try await base.get("/api/v1/proposals/\(proposal)", by: reviewer).status == .ok)
            #expect(try await base.get("/api/v1/proposals/\(other)", by: reviewer).status == .notFound)
            #expect(try await base.get("/api/v1/reviews/\(other)", by: reviewer).status == .notFound)

            let path = "/api/v1/reviews/\(proposal)"
            #expect(try await fixture.put(path, by: reviewer, ["scores": ["need": 9]]).problemFields == ["scores.need"])
            #expect(try await fixture.put(path, by: reviewer, ["scores": ["beauty": 3]]).problemFields == ["scores.beauty"])
            let draft = try await fixture.put(path, by: reviewer, ["scores": ["need": 4], "note": "check the counterpart"])
            #expect(draft.json["state"] as? String == "draft")
            let incomplete = try await fixture.put(path, by: reviewer, ["comment": "Strong need.", "submit": true])
            #expect(incomplete.problemFields == ["scores.fit"])
            let submitted = try await fixture.put(path, by: reviewer, ["scores": ["fit": 5], "comment": "Strong need.", "submit": true])
            #expect(submitted.status == .ok)
            // (4−1)/4 × 60 + (5−1)/4 × 40 = 45 + 40 = 85 points, in hundredths.
            #expect(submitted.json["total"] as? Int == 8_500)
            #expect(try await fixture.put(path, by: reviewer, ["scores": ["fit": 1]]).status == .conflict)

            // Another reviewer of the same proposal sees only its own (empty) review; a stranger nothing.
            if let colleague = fixture.reviewers.first(where: { r in r.id != reviewer.id && pairs.contains { $0.proposal == proposal && $0.reviewer == r.id.uuidString.lowercased() } }) {
                let theirs = try await base.get(path, by: colleague)
                #expect(theirs.json["state"] as? String == "pending")
                #expect((theirs.json["scores"] as? [String: Any])?.isEmpty == true)
                #expect(!theirs.text.contains("Strong need."))
            }
            #expect(try await base.get(path, by: base.member).status == .notFound)
            #expect(try await base.get("/api/v1/calls/\(base.callID)/standings", by: reviewer).status == .forbidden)
            let standings = try await base.get("/api/v1/calls/\(base.callID)/standings", by: base.officer)
            let rows = standings.json["items"] as? [[String: Any]] ?? []
            #expect(rows.count == 1)
            #expect(rows.first?["rawMean"] as? Double == 85)
        }
    }
}
