import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingAlumniTests {
    /// The directory lists the alumni who opted in; a visitor does not see the others, the
    /// programme office does, and an alumnus opts in themselves.
    @Test(arguments: TestDatabase.all)
    func aVisitorSeesOnlyOptedInAlumni(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            func names(_ user: TestUser?) async throws -> [String] {
                let listed = try await fixture.send(.GET, "/api/v1/alumni", by: user)
                #expect(listed.status == .ok)
                return (listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            }
            #expect(try await names(nil) == ["Sample Trainee A (Cambodia)", "Sample Trainee B (Thailand)"])
            #expect(try await names(fixture.officer).count == 4)
            let page = try await Browser(app).get("/training/alumni?lang=en")
            #expect(page.text.contains("Sample Trainee A (Cambodia)"))
            #expect(!page.text.contains("Sample Trainee C (Viet Nam)"))

            // An alumnus (a completed trainee with an account) opts in; a stranger may not do it for them.
            let (official, organisation) = try await fixture.official(of: "sample-vn-songxanh-city")
            let record = try #require(try await TraineeApplicationRecord.query(on: app.db).filter(\.$traineeName == "Sample Trainee C (Viet Nam)").first())
            record.userID = official.id
            try await record.update(on: app.db)
            #expect(try await names(official).contains("Sample Trainee C (Viet Nam)"))
            let path = "/api/v1/training-applications/\(record.storedID.uuidString)/alumni"
            #expect(try await fixture.send(.PUT, path, ["optIn": true], by: try await app.member(of: organisation)).status == .forbidden)
            #expect(try await fixture.send(.PUT, path, ["optIn": true], by: official).json["alumniOptIn"] as? Bool == true)
            #expect(try await names(nil).contains("Sample Trainee C (Viet Nam)"))
        }
    }

    static func event(_ title: String, state: String, firstDay: String, on db: any Database) async throws -> UUID {
        let event = CentreEvent()
        event.id = UUID()
        event.centreID = nil
        event.type = "seminar"; event.state = state
        event.titleEn = title; event.titleKo = title + " (국문)"
        event.descriptionEn = "For tests."; event.descriptionKo = "시험용."
        event.venue = "Seoul"; event.onlineLink = nil; event.timeZone = "Asia/Seoul"
        event.firstDay = firstDay; event.lastDay = firstDay
        event.slotTimes = "09:00"; event.slotMinutes = 30; event.tables = 1
        event.registrationOpens = "2026-01-05"; event.registrationCloses = firstDay
        event.capacity = 50; event.b2b = false; event.g2g = true; event.answerHours = 48
        event.sample = false
        try await event.create(on: db)
        return try event.requireID()
    }

    static func register(_ event: UUID, organisation: String, user: UUID?, status: String, on db: any Database) async throws {
        let registration = EventRegistration()
        registration.eventID = event; registration.userID = user
        registration.organisation = organisation; registration.country = "KH"; registration.kind = "government"
        registration.person = "Participant"; registration.contact = "participant@example.org"
        registration.offersSectors = ""; registration.offersCountries = ""; registration.offersTextEn = ""; registration.offersTextKo = ""
        registration.seeksSectors = ""; registration.seeksCountries = ""; registration.seeksTextEn = ""; registration.seeksTextKo = ""
        registration.available = nil; registration.maxMeetings = 4; registration.status = status
        registration.feedToken = UUID().uuidString; registration.sample = false
        try await registration.create(on: db)
    }

    /// "What followed" lists the Centres' events the alumnus's organisation went to after the
    /// cohort (validated registrations of events the reader may see), on the API and the page;
    /// a pending registration, an event before the cohort's end and a draft event do not count.
    @Test(arguments: TestDatabase.all)
    func whatFollowedListsTheEventsAfterTheCohort(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: Sample Trainee A (Cambodia) finished the October 2026 cohort (ends 2026-10-23).
            let fixture = try await TrainingFixture.make(app)
            let record = try #require(try await TraineeApplicationRecord.query(on: app.db).filter(\.$traineeName == "Sample Trainee A (Cambodia)").first())
            let organisation = try #require(try await Organisation.find(record.organisationID, on: app.db))
            let after = try await Self.event("Forum after the training", state: "published", firstDay: "2026-11-20", on: app.db)
            let before = try await Self.event("Forum before the end", state: "published", firstDay: "2026-10-20", on: app.db)
            let pending = try await Self.event("Forum still pending", state: "published", firstDay: "2026-12-01", on: app.db)
            let draft = try await Self.event("Forum in draft", state: "draft", firstDay: "2026-12-02", on: app.db)
            try await Self.register(after, organisation: organisation.nameEn, user: nil, status: "validated", on: app.db)
            try await Self.register(before, organisation: organisation.nameEn, user: nil, status: "validated", on: app.db)
            try await Self.register(pending, organisation: organisation.nameKo, user: nil, status: "pending", on: app.db)
            try await Self.register(draft, organisation: organisation.nameEn, user: nil, status: "validated", on: app.db)
            // Act
            let listed = try await fixture.send(.GET, "/api/v1/alumni?limit=100", by: nil)
            // Check
            #expect(listed.status == .ok)
            let alumnus = try #require((listed.json["items"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "Sample Trainee A (Cambodia)" })
            let events = ((alumnus["ledTo"] as? [String: Any])?["events"] as? [[String: Any]]) ?? []
            let ids = events.compactMap { $0["id"] as? String }
            #expect(ids.contains(after.uuidString.lowercased()))
            #expect(!ids.contains(before.uuidString.lowercased()) && !ids.contains(pending.uuidString.lowercased()) && !ids.contains(draft.uuidString.lowercased()))
            #expect(events.first { $0["id"] as? String == after.uuidString.lowercased() }?["firstDay"] as? String == "2026-11-20")
            let page = try await Browser(app).get("/training/alumni?lang=ko")
            #expect(page.text.contains("Forum after the training (국문)"))
            #expect(!page.text.contains("Forum in draft"))
        }
    }
}
