import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingWaitlistTests {
    /// Two seats, at most one per country. Thailand and Cambodia are selected; Viet Nam's two
    /// and the Philippines' one wait (VN-a, PH, VN-b). When Thailand declines, VN-a moves up;
    /// when Cambodia declines, PH moves up; when PH declines, VN-b is skipped (Viet Nam holds
    /// its one seat) and the seat stays empty. The offered are told on their home page.
    @Test(arguments: TestDatabase.all)
    func theWaitlistMovesUpWithoutBreakingAQuota(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort(capacity: 2, atMost: 1)
            // Nominated in this order (the tie rule's first key), one minute apart.
            var ids: [String: UUID] = [:]
            var users: [String: TestUser] = [:]
            for (index, (name, key)) in [("TH", "sample-th-sukjai-municipality"), ("KH", "sample-kh-urban-ministry"), ("VN-a", "sample-vn-songxanh-city"),
                                         ("PH", "sample-ph-bayanihan-city"), ("VN-b", "sample-vn-songxanh-city")].enumerated() {
                app.clock = .fixed(TrainingFixture.duringApplications.addingTimeInterval(Double(index) * 60))
                let (user, organisation) = try await fixture.official(of: key)
                let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: user)
                let id = try #require(UUID(uuidString: applied.json["id"] as? String ?? ""))
                #expect(try await fixture.send(.POST, "/api/v1/training-applications/\(id.uuidString)/nomination", by: try await app.member(of: organisation)).status == .ok)
                ids[name] = id; users[name] = user
            }
            for (country, names) in [("TH", ["TH"]), ("KH", ["KH"]), ("VN", ["VN-a", "VN-b"]), ("PH", ["PH"])] {
                let ranked = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/\(country)",
                                                    ["applications": names.map { ids[$0]!.uuidString }], by: try await fixture.focalPoint(country))
                #expect(ranked.status == .ok)
            }
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer).status == .ok)
            func state(_ name: String) async throws -> String? { try await TraineeApplicationRecord.find(ids[name], on: app.db)?.state }
            for name in ["TH", "KH"] { #expect(try await state(name) == "selected") }
            for name in ["VN-a", "PH", "VN-b"] { #expect(try await state(name) == "waitlisted") }

            func answer(_ name: String, _ answer: String) async throws -> TestingHTTPResponse {
                try await fixture.send(.POST, "/api/v1/training-applications/\(ids[name]!.uuidString)/answer", ["answer": answer], by: users[name])
            }
            // Someone else may not answer for Thailand's official.
            #expect(try await fixture.send(.POST, "/api/v1/training-applications/\(ids["TH"]!.uuidString)/answer", ["answer": "decline"],
                                           by: users["KH"]).status == .notFound)
            #expect(try await answer("TH", "decline").json["state"] as? String == "declined")
            #expect(try await state("VN-a") == "selected")
            #expect(try await answer("VN-a", "accept").json["state"] as? String == "accepted")
            #expect(try await answer("KH", "decline").status == .ok)
            #expect(try await state("PH") == "selected")
            #expect(try await state("VN-b") == "waitlisted")
            // PH is told: their home page asks them to accept by the deadline.
            let home = Browser(app)
            try await home.signIn(users["PH"]!)
            #expect(try await home.get("/?lang=en").text.contains("Training seat to accept"))
            // …and may print their invitation letter, which nobody else but the office sees.
            let letter = try await home.get("/training/applications/\(ids["PH"]!.uuidString)/invitation?lang=en")
            #expect(letter.status == .ok)
            #expect(letter.text.contains("Invitation letter") && letter.text.contains("Please accept your seat"))
            let stranger = Browser(app)
            try await stranger.signIn(users["VN-b"]!)
            #expect(try await stranger.get("/training/applications/\(ids["PH"]!.uuidString)/invitation").status == .notFound)
            #expect(try await answer("PH", "decline").status == .ok)
            #expect(try await state("VN-b") == "waitlisted")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "waitlist.skip").count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "waitlist.seatLeftEmpty").count() == 1)
            // An accepted trainee cannot accept twice; a declined one cannot come back.
            #expect(try await answer("VN-a", "accept").status == .conflict)
            #expect(try await answer("TH", "accept").status == .conflict)
        }
    }

    /// An offer not accepted by its deadline lapses, and the seat moves on.
    @Test(arguments: TestDatabase.all)
    func anOfferLapsesAtItsDeadline(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort(capacity: 1, atMost: 1)
            let first = try await fixture.official(of: "sample-th-sukjai-municipality")
            let second = try await fixture.official(of: "sample-kh-urban-ministry")
            var ids: [UUID] = []
            for (index, official) in [first, second].enumerated() {
                app.clock = .fixed(TrainingFixture.duringApplications.addingTimeInterval(Double(index) * 60))
                let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(official.organisation), by: official.user)
                let id = try #require(UUID(uuidString: applied.json["id"] as? String ?? ""))
                _ = try await fixture.send(.POST, "/api/v1/training-applications/\(id.uuidString)/nomination", by: try await app.member(of: official.organisation))
                ids.append(id)
            }
            _ = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/TH", ["applications": [ids[0].uuidString]], by: try await fixture.focalPoint("TH"))
            _ = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/KH", ["applications": [ids[1].uuidString]], by: try await fixture.focalPoint("KH"))
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer).status == .ok)
            // Eight days later (the cohort gives seven), the offer has lapsed: accepting is refused,
            // and the waiting Cambodian, leaving the waitlist, finds the lapse already recorded.
            app.clock = .fixed(TrainingFixture.duringApplications.addingTimeInterval(8 * 86_400))
            let late = try await fixture.send(.POST, "/api/v1/training-applications/\(ids[0].uuidString)/answer", ["answer": "accept"], by: first.user)
            #expect(late.status == .conflict)
            #expect(try await TraineeApplicationRecord.find(ids[0], on: app.db)?.state == "selected")
            let moved = try await fixture.send(.POST, "/api/v1/training-applications/\(ids[1].uuidString)/answer", ["answer": "accept"], by: second.user)
            #expect(moved.status == .ok)
            #expect(try await TraineeApplicationRecord.find(ids[0], on: app.db)?.state == "declined")
            #expect(moved.json["state"] as? String == "accepted")
        }
    }
}
