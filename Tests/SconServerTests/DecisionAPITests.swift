import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct DecisionAPITests {
    @Test(arguments: TestDatabase.all)
    func theSelectionRespectsOnePerCountryIsConfirmedAndPublished(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let base = try await ProposalFixture.make(app, endorsementsPerCountry: 3, requiredDocuments: [])
            let callID = base.callID
            // Two Thai proposals and one from Viet Nam.
            let thai = [try await base.draft(), try await base.draft()]
            let vnOrganisation = try await app.organisationID("sample-vn-songxanh-city")
            let vnMember = try await app.member(of: vnOrganisation)
            var vnBody = base.proposal
            vnBody["organisation"] = vnOrganisation.uuidString
            vnBody["city"] = base.hanoi.uuidString
            vnBody["supportType"] = "pre-feasibility"
            let vietnamese = try await base.draft(by: vnMember, vnBody)
            for id in thai { _ = try await base.post("/api/v1/proposals/\(id)/submit", by: base.member) }
            _ = try await base.post("/api/v1/proposals/\(vietnamese)/submit", by: vnMember)
            let thFocal = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])
            let vnFocal = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("VN")!))])
            #expect(try await base.endorse(thai, by: thFocal).status == .ok)
            #expect(try await base.endorse([vietnamese], by: vnFocal, country: "VN").status == .ok)

            let officer = Principal(userID: base.officer.id, grants: [Grant(role: .programmeOfficer, scope: .global)])
            _ = try await CallStore(db: app.db, audit: app.auditLog).transition(UUID(uuidString: callID)!, to: "closed", by: officer, now: Date(timeIntervalSince1970: 4_200_000_000))
            #expect(try await CallAPITests.move(app, callID, to: "in-review", by: base.officer).status == .ok)
            var reviewers: [TestUser] = []
            for _ in 0..<2 {
                let reviewer = try await app.makeUser(grants: [Grant(role: .reviewer, scope: .call(callID.lowercased()))])
                reviewers.append(reviewer)
            }
            #expect(try await base.post("/api/v1/calls/\(callID)/assignment", by: base.officer, ["reviewsPerProposal": 2]).status == .ok)
            // Both reviewers score every proposal: Thai #1 best, then Viet Nam, then Thai #2.
            let scores: [String: [String: Int]] = [thai[0]: ["need": 5, "fit": 5], vietnamese: ["need": 4, "fit": 4], thai[1]: ["need": 3, "fit": 2]]
            for reviewer in reviewers {
                for (proposal, score) in scores {
                    var result: TestingHTTPResponse?
                    try await app.testing().test(.PUT, "/api/v1/reviews/\(proposal)", headers: Body.jsonHeaders.adding(reviewer.bearer),
                                                 body: try Body.json(["scores": score, "comment": "Comment on \(score["need"]!)", "submit": true])) { result = $0 }
                    #expect(result?.status == .ok)
                }
            }

            let preview = try await base.get("/api/v1/calls/\(callID)/selection", by: base.officer)
            let entries = preview.json["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["proposal"] as? String } == [thai[0], vietnamese, thai[1]])
            #expect(entries.map { $0["reason"] as? String } == ["selected", "selected", "country-taken"])
            #expect(entries.last?["reservePosition"] as? Int == 1)
            #expect(try await base.get("/api/v1/calls/\(callID)/selection", by: reviewers[0]).status == .forbidden)

            #expect(try await CallAPITests.move(app, callID, to: "decided", by: base.officer).status == .conflict)
            let officerBrowser = Browser(app)
            try await officerBrowser.signIn(base.officer)
            let selectionPage = try await officerBrowser.get("/calls/\(callID)/assignment?lang=en")
            #expect(selectionPage.text.contains("Confirm the decision"))
            #expect(selectionPage.text.contains("Not selected: a higher-ranked proposal of the same country was selected (reserve 1)"))
            // Fewer places than planned: the page says how many, the budget used, and why.
            #expect(selectionPage.text.firstMatch(of: #/2 of \d+ places filled\. Budget used: <abbr title="KRW [\d,]+">KRW [\d.]+ (million|billion)</abbr> of /#) != nil)
            #expect(selectionPage.text.contains("Fewer than planned, because of the call&#39;s rules: 1 from a country already selected.")
                    || selectionPage.text.contains("Fewer than planned, because of the call's rules: 1 from a country already selected."))
            let korean = try await officerBrowser.get("/calls/\(callID)/assignment?lang=ko")
            #expect(korean.text.firstMatch(of: #/곳 중 2곳 선정\. 사용 예산: .+ 중 <abbr title="[\d,]+원">[\d,]+(억|만)/#) != nil)
            #expect(korean.text.contains("이미 선정된 국가의 제안 1건"))
            let decided = try await base.post("/api/v1/calls/\(callID)/decision", by: base.officer)
            #expect(decided.status == .ok)
            #expect(decided.json["state"] as? String == "decided")
            #expect(try await base.post("/api/v1/calls/\(callID)/decision", by: base.officer).status == .conflict)
            #expect(try await base.get("/api/v1/calls/\(callID)/results", by: nil).status == .notFound)
            // Each selected proposal is now a project at stage "selected", under its code; not public yet.
            let projects = try await Project.query(on: app.db).filter(\.$callID == UUID(uuidString: callID)!).sort(\.$code).all()
            #expect(projects.map(\.code) == ["KSCON-2026-TH-01", "KSCON-2026-VN-01"])
            #expect(projects.allSatisfy { $0.stage == "selected" })
            func publicCodes() async throws -> [String] {
                // The sample fund's projects are public from the start; this call's are not until it is published.
                ((try await base.get("/api/v1/projects", by: nil).json["items"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
                    .filter { !$0.hasPrefix("SAMPLE-") }
            }
            #expect(try await publicCodes().isEmpty)
            #expect(try await base.get("/api/v1/projects/\(projects[0].id!.uuidString)", by: nil).status == .notFound)
            // Not even the applicant, which leads the project, learns of it before the results are published.
            #expect(try await ProjectParticipant.query(on: app.db).filter(\.$projectID == projects[0].id!).first()?.role == "lead")
            #expect(try await base.get("/api/v1/projects/\(projects[0].id!.uuidString)", by: base.member).status == .notFound)
            #expect(try await base.get("/api/v1/calls/\(callID)/results", by: base.officer).status == .ok)

            #expect(try await CallAPITests.move(app, callID, to: "published", by: base.officer).status == .ok)
            let results = try await base.get("/api/v1/calls/\(callID)/results", by: nil)
            #expect(results.status == .ok)
            let published = results.json["entries"] as? [[String: Any]] ?? []
            #expect(published.compactMap { $0["code"] as? String }.sorted() == ["KSCON-2026-TH-01", "KSCON-2026-TH-02", "KSCON-2026-VN-01"])
            #expect((published.first?["criteria"] as? [String: Double])?["need"] == 5)

            #expect(try await publicCodes() == ["KSCON-2026-TH-01", "KSCON-2026-VN-01"])
            let projectsPage = try await Browser(app).get("/projects?lang=ko")
            #expect(projectsPage.text.contains("KSCON-2026-VN-01"))
            #expect(projectsPage.text.contains("하노이, 베트남"))
            let publicPage = try await Browser(app).get("/calls/\(callID)?lang=en")
            #expect(publicPage.text.contains("Results"))
            #expect(publicPage.text.contains("KSCON-2026-VN-01"))
            #expect(publicPage.text.contains("Hanoi, Viet Nam") || publicPage.text.contains("Hanoi, Vietnam"))
            let applicant = Browser(app)
            try await applicant.signIn(base.member)
            let ownPage = try await applicant.get("/proposals/\(thai[1])?lang=ko")
            #expect(ownPage.text.contains("미선정: 같은 국가의 상위 제안서가 선정됨"))
            #expect(ownPage.text.contains("심사위원 1:"))
            let own = try await base.get("/api/v1/proposals/\(thai[1])/result", by: base.member)
            #expect(own.json["reason"] as? String == "country-taken")
            #expect(own.json["comments"] as? [String] == ["Comment on 3", "Comment on 3"])
            #expect(!own.text.contains(reviewers[0].id.uuidString.lowercased()))
            #expect(try await base.get("/api/v1/proposals/\(thai[1])/result", by: vnMember).status == .notFound)

            // The applicant appeals once, within the period; the officer answers on the record.
            #expect(ownPage.text.contains("한 번 이의를 신청할 수 있습니다"))
            #expect(try await base.post("/api/v1/proposals/\(thai[1])/appeal", by: base.member, ["text": "Too short"]).problemFields == ["text"])
            #expect(try await base.post("/api/v1/proposals/\(thai[1])/appeal", by: vnMember, ["text": "We object to this result strongly."]).status == .notFound)
            let lodged = try await base.post("/api/v1/proposals/\(thai[1])/appeal", by: base.member, ["text": "Our budget was within the cap; please reconsider."])
            #expect(lodged.status == .created)
            #expect(try await base.post("/api/v1/proposals/\(thai[1])/appeal", by: base.member, ["text": "And once more, please reconsider."]).status == .conflict)
            #expect(try await base.post("/api/v1/proposals/\(thai[1])/appeal/answer", by: reviewers[0], ["answer": "Dismissed by me.", "upheld": false]).status == .forbidden)
            let answered = try await base.post("/api/v1/proposals/\(thai[1])/appeal/answer", by: base.officer,
                                               ["answer": "One selection per country: the rule applies.", "upheld": false])
            #expect(answered.status == .ok)
            #expect(answered.json["upheld"] as? Bool == false)
            #expect(try await base.post("/api/v1/proposals/\(thai[1])/appeal/answer", by: base.officer, ["answer": "Changed my mind entirely.", "upheld": true]).status == .conflict)
            let withAnswer = try await applicant.get("/proposals/\(thai[1])?lang=en")
            #expect(withAnswer.text.contains("Dismissed"))
            #expect(withAnswer.text.contains("One selection per country: the rule applies."))
            #expect(try await base.get("/api/v1/calls/\(callID)/appeals", by: base.officer).json["items"] as? [Any] != nil)
            #expect(try await base.get("/api/v1/calls/\(callID)/appeals", by: base.member).status == .forbidden)
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSample2020RoundIsReadyForTheReview(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let call = try #require(try await Call.query(on: app.db).filter(\.$seedKey == "kscon-2020-sample").first())
            let callID = try call.requireID().uuidString.lowercased()
            #expect(call.state == "closed" && call.sample)
            let proposals = try await Proposal.query(on: app.db).filter(\.$callID == call.requireID()).sort(\.$code).all()
            #expect(proposals.count == 6)
            #expect(proposals.compactMap(\.code).contains("KSCON-2020-TH-01"))
            #expect(proposals.allSatisfy { $0.sample && $0.state == "submitted" })
            // Submitted proposals are not public.
            #expect(try await ProposalFixtureless.get(app, "/api/v1/proposals/\(proposals[0].id!.uuidString)", by: nil).status == .notFound)
            let officer = try await app.officer()
            #expect(try await CallAPITests.move(app, callID, to: "in-review", by: officer).status == .ok)
            for _ in 0..<3 { _ = try await app.makeUser(grants: [Grant(role: .reviewer, scope: .call(callID))]) }
            var run: TestingHTTPResponse?
            try await app.testing().test(.POST, "/api/v1/calls/\(callID)/assignment", headers: Body.jsonHeaders.adding(officer.bearer),
                                         body: try Body.json(["reviewsPerProposal": 2])) { run = $0 }
            #expect(run?.status == .ok)
            #expect((run?.json["pairs"] as? [Any])?.count == 12)
            #expect(run?.json["optimal"] as? Bool == true)
        }
    }

    @Test func anAppealIsLodgedOnceWithinThePeriod() {
        let published = Date(timeIntervalSince1970: 1_700_000_000)
        let end = AppealRules.deadline(publishedAt: published, days: 14)
        #expect(AppealRules.lodgingRefusal(callState: .published, publishedAt: published, days: 14, alreadyLodged: false, now: end.addingTimeInterval(-1)) == nil)
        #expect(AppealRules.lodgingRefusal(callState: .published, publishedAt: published, days: 14, alreadyLodged: false, now: end) != nil)
        #expect(AppealRules.lodgingRefusal(callState: .published, publishedAt: published, days: 14, alreadyLodged: true, now: published) != nil)
        #expect(AppealRules.lodgingRefusal(callState: .decided, publishedAt: nil, days: 14, alreadyLodged: false, now: published) != nil)
    }
}

/// Requests without a fixture.
enum ProposalFixtureless {
    static func get(_ app: Application, _ path: String, by user: TestUser?) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: user?.bearer ?? [:]) { result = $0 }
        return try #require(result)
    }
}
