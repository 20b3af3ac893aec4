import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingAttendanceTests {
    /// A trainee checks in with the code shown in the room; an older code (a forwarded one from
    /// a few minutes ago, or yesterday's) is refused and writes nothing. After the cohort, the
    /// trainee with the attendance and the action plan completes and gets a certificate that
    /// verifies publicly.
    @Test(arguments: TestDatabase.all)
    func attendanceCodesExpireAndCompletionIssuesACertificate(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort(capacity: 1, atMost: 1)
            let (official, organisation) = try await fixture.official(of: "sample-kh-urban-ministry")
            let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: official)
            let id = try #require(applied.json["id"] as? String)
            _ = try await fixture.send(.POST, "/api/v1/training-applications/\(id)/nomination", by: try await app.member(of: organisation))
            _ = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/KH", ["applications": [id]], by: try await fixture.focalPoint("KH"))
            _ = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer)
            #expect(try await fixture.send(.POST, "/api/v1/training-applications/\(id)/answer", ["answer": "accept"], by: official).status == .ok)

            // The first session, 2027-03-08 09:30–12:00 in Seoul (00:30–03:00 UTC).
            let now = try #require(AuditChain.date("2027-03-08T01:00:00Z"))
            app.clock = .fixed(now)
            let model = try #require(try await TrainingCohort.find(cohort, on: app.db))
            let secret = try model.attendanceKey, session = model.sessionID(0)
            let path = "/api/v1/cohorts/\(cohort.uuidString)/sessions/0/check-in"
            let forwarded = try await fixture.send(.POST, path, ["code": AttendanceCode.code(secret: secret, session: session, at: now.addingTimeInterval(-300))], by: official)
            #expect(forwarded.status == .unprocessableEntity)
            #expect(((forwarded.json["errors"] as? [[String: Any]])?.first?["detail"] as? String)?.contains("this code has changed") == true)
            let yesterday = try await fixture.send(.POST, path, ["code": AttendanceCode.code(secret: secret, session: session, at: now.addingTimeInterval(-86_400))], by: official)
            #expect(yesterday.status == .unprocessableEntity)
            #expect(((yesterday.json["errors"] as? [[String: Any]])?.first?["detail"] as? String)?.contains("not the code of this session") == true)
            #expect(try await app.count(AttendanceRecord.self) == 0)
            // Someone who is not a trainee of the cohort may not check in, even with the right code.
            let current = AttendanceCode.code(secret: secret, session: session, at: now)
            #expect(try await fixture.send(.POST, path, ["code": current], by: try await app.makeUser()).status == .forbidden)
            let checked = try await fixture.send(.POST, path, ["code": current], by: official)
            #expect(checked.status == .created)
            #expect(checked.json["how"] as? String == "code")
            // The officer's screen shows the same code.
            let screen = Browser(app)
            try await screen.signIn(fixture.officer)
            let page = try await screen.get("/training/cohorts/\(cohort.uuidString)/sessions/0/code")
            #expect(page.text.contains(String(current.prefix(3)) + " " + String(current.dropFirst(3))))
            #expect(page.text.contains("http-equiv=\"refresh\""))

            // Completion waits for the end of the cohort, then needs the action plan.
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/completion", by: fixture.officer).status == .conflict)
            let plan = try await fixture.send(.PUT, "/api/v1/training-applications/\(id)/action-plan", ["text": "A flood-warning pilot in one district by 2028."], by: official)
            #expect(plan.json["actionPlan"] as? String == "A flood-warning pilot in one district by 2028.")
            // Another country's focal point does not read the plan (nor the application).
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: try await fixture.focalPoint("TH")).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: try await fixture.focalPoint("KH")).json["actionPlan"] as? String != nil)
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: try await app.member(of: organisation)).json["actionPlan"] is NSNull)

            app.clock = .fixed(try #require(AuditChain.date("2027-03-12T15:00:00Z")))
            let completed = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/completion", by: fixture.officer)
            #expect(completed.status == .ok)
            let outcome = try #require((completed.json["items"] as? [[String: Any]])?.first)
            #expect(outcome["completed"] as? Bool == true)
            let code = try #require(outcome["certificate"] as? String)
            let verified = try await fixture.send(.GET, "/api/v1/certificates/\(code)", by: nil)
            #expect(verified.json["status"] as? String == "valid")
            #expect((verified.json["dates"] as? [String: Any])?["end"] as? String == "2027-03-12")
            // The trainee prints their own certificate.
            let trainee = Browser(app)
            try await trainee.signIn(official)
            #expect(try await trainee.get("/certificates/\(code)/print").status == .ok)
        }
    }
}

@Suite struct TrainingFeedbackTests {
    /// The sample cohort's survey sums up its sample answers; a trainee answers once; answers
    /// that break the survey write nothing; others may not answer or read the summary.
    @Test(arguments: TestDatabase.all)
    func feedbackIsCheckedAndSummedUpWithoutNames(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let (cohort, _) = try await fixture.sampleCertificates()
            let summary = try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/feedback", by: fixture.officer)
            #expect(summary.status == .ok)
            #expect(summary.json["responses"] as? Int == 3)
            let overall = try #require((summary.json["items"] as? [[String: Any]])?.first)
            #expect(overall["distribution"] as? [Int] == [0, 0, 0, 2, 1])
            #expect(!summary.text.contains("Sample Trainee"))
            #expect(try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/feedback", by: try await app.makeUser()).status == .forbidden)

            // The fourth sample trainee, given an account, answers.
            let (official, _) = try await fixture.official(of: "sample-ph-bayanihan-city")
            let record = try #require(try await TraineeApplicationRecord.query(on: app.db).filter(\.$traineeName == "Sample Trainee D (Philippines)").first())
            record.userID = official.id
            try await record.update(on: app.db)
            // On the page: a scale answer out of range is refused next to its question.
            let browser = Browser(app)
            try await browser.signIn(official)
            let form = try await browser.get("/training/cohorts/\(cohort.uuidString)/feedback?lang=ko")
            #expect(form.status == .ok)
            #expect(form.text.contains("연수가 업무에 전반적으로 얼마나 도움이 되었습니까?"))
            #expect(try await browser.post("/training/cohorts/\(cohort.uuidString)/feedback", form: [("q-overall", "9")]).status == .unprocessableEntity)
            let path = "/api/v1/cohorts/\(cohort.uuidString)/feedback"
            let before = try await app.count(FeedbackRecord.self)
            let outOfRange = try await fixture.send(.POST, path, ["answers": ["overall": 7]], by: official)
            #expect(outOfRange.status == .unprocessableEntity)
            #expect(outOfRange.problemFields == ["answers.overall"])
            #expect(try await fixture.send(.POST, path, ["answers": ["overall": 5]], by: try await app.makeUser()).status == .forbidden)
            #expect(try await app.count(FeedbackRecord.self) == before)
            #expect(try await fixture.send(.POST, path, ["answers": ["overall": 5, "suggestion": "More site visits."]], by: official).status == .noContent)
            #expect(try await fixture.send(.POST, path, ["answers": ["overall": 5]], by: official).status == .conflict)
            let after = try await fixture.send(.GET, path, by: fixture.officer)
            #expect(after.json["responses"] as? Int == 4)
            // Questions stay once people have answered.
            let change = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/survey",
                                                ["questions": [["key": "overall", "kind": "scale", "text": ["en": "Overall?", "ko": "전반적으로?"]]]], by: fixture.officer)
            #expect(change.status == .conflict)
        }
    }
}
