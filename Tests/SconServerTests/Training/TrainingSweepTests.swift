import Fluent
import Foundation
import NIOCore
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Offers past their deadline lapse by the clock alone: the timer of `scon serve` and
/// `scon training sweep` move the waitlist up without anyone else acting.
@Suite struct TrainingSweepTests {
    /// Two seats, at most one per country: TH-a and KH-a are selected; VN-a and PH-a wait, in
    /// that order. KH-a accepts; TH-a lets the offer run out.
    static func selected(_ fixture: TrainingFixture, _ app: Application) async throws -> [String: UUID] {
        let cohort = try await fixture.createCohort(capacity: 2, atMost: 1)
        var ids: [String: UUID] = [:]
        var users: [String: TestUser] = [:]
        for (index, (name, key)) in [("TH-a", "sample-th-sukjai-municipality"), ("KH-a", "sample-kh-urban-ministry"), ("VN-a", "sample-vn-songxanh-city"),
                                     ("PH-a", "sample-ph-bayanihan-city")].enumerated() {
            app.clock = .fixed(TrainingFixture.duringApplications.addingTimeInterval(Double(index) * 60))
            let (user, organisation) = try await fixture.official(of: key)
            let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: user)
            let id = try #require(UUID(uuidString: applied.json["id"] as? String ?? ""))
            #expect(try await fixture.send(.POST, "/api/v1/training-applications/\(id.uuidString)/nomination", by: try await app.member(of: organisation)).status == .ok)
            ids[name] = id; users[name] = user
        }
        for (country, name) in [("TH", "TH-a"), ("KH", "KH-a"), ("VN", "VN-a"), ("PH", "PH-a")] {
            let ranked = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/\(country)", ["applications": [ids[name]!.uuidString]],
                                                by: try await fixture.focalPoint(country))
            #expect(ranked.status == .ok)
        }
        #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer).status == .ok)
        let accepted = try await fixture.send(.POST, "/api/v1/training-applications/\(ids["KH-a"]!.uuidString)/answer", ["answer": "accept"], by: users["KH-a"])
        #expect(accepted.status == .ok)
        return ids
    }

    static func states(_ app: Application, _ ids: [String: UUID]) async throws -> [String: String] {
        var result: [String: String] = [:]
        for (name, id) in ids { result[name] = try await TraineeApplicationRecord.find(id, on: app.db)?.state }
        return result
    }

    /// The sweep with a set clock: before the deadline nothing moves; after it TH-a's offer
    /// lapses and VN-a, next in the queue, is offered the seat with a deadline of its own;
    /// a second sweep at the same moment does nothing; each move is audited without an actor.
    @Test(arguments: TestDatabase.all)
    func anOfferPastItsDeadlineLapsesByTheClockAlone(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let ids = try await Self.selected(fixture, app)
            let deadline = try #require(try await TraineeApplicationRecord.find(ids["TH-a"], on: app.db)?.offerDeadline)
            app.clock = .fixed(deadline.addingTimeInterval(-1))
            #expect(try await TrainingStore(db: app.db, audit: app.auditLog).sweepLapsedOffers() == 0)
            #expect(try await Self.states(app, ids)["TH-a"] == "selected")
            app.clock = .fixed(deadline.addingTimeInterval(30))
            #expect(try await TrainingStore(db: app.db, audit: app.auditLog).sweepLapsedOffers() == 1)
            let after = try await Self.states(app, ids)
            #expect(after == ["TH-a": "declined", "KH-a": "accepted", "VN-a": "selected", "PH-a": "waitlisted"])
            let offered = try #require(try await TraineeApplicationRecord.find(ids["VN-a"], on: app.db)?.offerDeadline)
            #expect(offered > deadline)
            #expect(try await TrainingStore(db: app.db, audit: app.auditLog).sweepLapsedOffers() == 0)
            let lapses = try await AuditRecord.query(on: app.db).filter(\.$action == "waitlist.lapse").all()
            #expect(lapses.count == 1)
            #expect(lapses.allSatisfy { $0.actor == "system" })
            // The quota holds: one seat per country at most.
            let holding = try await TraineeApplicationRecord.query(on: app.db).filter(\.$id ~~ Array(ids.values))
                .filter(\.$state ~~ ["selected", "accepted"]).all()
            #expect(Set(holding.map(\.country)).count == holding.count)
        }
    }

    /// The serve timer (here every 50 ms instead of every minute) lapses the offer on its own.
    @Test(arguments: TestDatabase.all)
    func theServeTimerSweepsWithoutAnyOtherAction(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let ids = try await Self.selected(fixture, app)
            let deadline = try #require(try await TraineeApplicationRecord.find(ids["TH-a"], on: app.db)?.offerDeadline)
            app.clock = .fixed(deadline.addingTimeInterval(60))
            let sweep = TrainingSweep(interval: .milliseconds(50))
            try await sweep.didBootAsync(app)
            var moved = false
            for _ in 0..<100 where !moved {
                try await Task.sleep(nanoseconds: 50_000_000)
                moved = try await TraineeApplicationRecord.find(ids["VN-a"], on: app.db)?.state == "selected"
            }
            sweep.shutdown(app)
            #expect(moved)
            #expect(try await Self.states(app, ids)["TH-a"] == "declined")
            #expect(TrainingContext().tools.whileServing.contains { $0 is TrainingSweep })
            #expect(TrainingContext().tools.commands["training"] != nil)
        }
    }
}
