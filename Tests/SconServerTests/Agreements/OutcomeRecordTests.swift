import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Outcomes recorded in the app (`POST /api/v1/outcomes`), counted by the same tally and list.
@Suite struct OutcomeRecordTests {
    static func body(link: UUID, date: String, type: String = "event-held", linkKind: String = "event") -> [String: Any] {
        ["type": type, "state": "achieved", "date": date, "countries": ["VN", "KR"],
         "title": ["en": "Smart-city workshop held in Hanoi", "ko": "하노이 스마트시티 워크숍 개최"], "linkKind": linkKind, "linkId": link.uuidString]
    }

    func everything(_ fixture: AgreementsFixture, _ query: String) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var cursor: String?
        repeat {
            let page = try await fixture.send(.GET, "/api/v1/outcomes?\(query)&limit=7" + (cursor.map { "&cursor=\($0)" } ?? ""), by: nil).json
            items += page["items"] as? [[String: Any]] ?? []
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return items
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerRecordsAnOutcomeAndTheTallyMovesByOne(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an event to count, the tally and list before.
            let fixture = try await AgreementsFixture.make(app)
            let event = try #require(try await CentreEvent.query(on: app.db).first())
            let today = CalendarDay(Date())
            let query = "asOf=\(today)&country=VN&type=event-held"
            let before = try await fixture.send(.GET, "/api/v1/outcomes/tally?\(query)", by: nil).json
            let audit = try await AuditRecord.query(on: app.db).filter(\.$action == "outcome.create").count()

            // Act.
            let created = try await fixture.send(.POST, "/api/v1/outcomes", Self.body(link: event.storedID, date: today.adding(days: -3).description), by: fixture.officer)

            // Check: the record as the list shows it, the tally one more, the list agrees.
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["standing"] as? String == "achieved")
            #expect(created.json["recordedOn"] as? String == today.description)
            #expect(created.json["countries"] as? [String] == ["KR", "VN"])
            let after = try await fixture.send(.GET, "/api/v1/outcomes/tally?\(query)", by: nil).json
            #expect(after["total"] as? Int == (before["total"] as? Int ?? -1) + 1)
            #expect(after["achieved"] as? Int == (before["achieved"] as? Int ?? -1) + 1)
            let items = try await everything(fixture, query)
            #expect(items.count == after["total"] as? Int)
            #expect(items.contains { $0["id"] as? String == id })
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "outcome.create").count() == audit + 1)
            // The programme's record as of 25 November 2019 does not move.
            let report = try await fixture.send(.GET, "/api/v1/outcomes/tally?asOf=2019-11-25", by: nil).json
            #expect((report["achieved"] as? Int, report["planned"] as? Int, report["total"] as? Int) == (20, 3, 23))
            // The outcomes page counts it too.
            #expect(try await Browser(app).get("/outcomes?\(query)&lang=en").text.contains("Smart-city workshop held in Hanoi"))

            // The same record counted again on the same day is refused.
            let twice = try await fixture.send(.POST, "/api/v1/outcomes", Self.body(link: event.storedID, date: today.adding(days: -3).description), by: fixture.officer)
            #expect(twice.status == .conflict)
            #expect(try await fixture.send(.GET, "/api/v1/outcomes/tally?\(query)", by: nil).json["total"] as? Int == after["total"] as? Int)
        }
    }

    @Test(arguments: TestDatabase.all)
    func outcomesBreakingTheCountingRulesAreRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let event = try #require(try await CentreEvent.query(on: app.db).first())
            let before = try await app.count(Outcome.self)
            let yesterday = CalendarDay(Date()).adding(days: -1).description

            var undisclosed = Self.body(link: event.storedID, date: yesterday); undisclosed["type"] = "not-disclosed"
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", undisclosed, by: fixture.officer).problemFields == ["type"])
            let future = try await fixture.send(.POST, "/api/v1/outcomes", Self.body(link: event.storedID, date: "2099-01-01"), by: fixture.officer)
            #expect(future.status == .unprocessableEntity)
            #expect(future.problemFields == ["date"])
            var nowhere = Self.body(link: event.storedID, date: yesterday); nowhere["countries"] = []
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", nowhere, by: fixture.officer).problemFields == ["countries"])
            let mismatch = Self.body(link: event.storedID, date: yesterday, type: "training-completed", linkKind: "event")
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", mismatch, by: fixture.officer).problemFields == ["linkKind"])
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", Self.body(link: UUID(), date: yesterday), by: fixture.officer).problemFields == ["linkId"])
            var extra = Self.body(link: event.storedID, date: yesterday); extra["achieved"] = 1
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", extra, by: fixture.officer).status == .badRequest)
            // Wrong user.
            let body = Self.body(link: event.storedID, date: yesterday)
            #expect(try await fixture.send(.POST, "/api/v1/outcomes", body, by: nil).status == .unauthorized)
            for user in [try await app.makeUser(), try await app.member(of: try await app.organisationID("molit")), try await app.admin()] {
                #expect(try await fixture.send(.POST, "/api/v1/outcomes", body, by: user).status == .forbidden)
            }
            #expect(try await app.count(Outcome.self) == before)
        }
    }
}
