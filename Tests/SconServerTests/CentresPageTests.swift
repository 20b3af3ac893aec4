import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct CentresPageTests {
    /// An event open for registration, created through the API by the centre's staff.
    static func openEvent(_ f: CentresFixture) async throws -> String {
        let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
        let event = try #require(created.json["id"] as? String)
        #expect(try await f.call(.POST, "/api/v1/events/\(event)/state", ["to": "open"], by: f.staff).status == .ok)
        return event
    }

    @Test(arguments: TestDatabase.all)
    func theRegistrationFormKeepsTheInputAndNamesEachError(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let event = try await Self.openEvent(f)
            let browser = Browser(app)
            try await browser.signIn(f.a)
            let form = try await browser.get("/events/\(event)/register?lang=ko")
            #expect(form.status == .ok)
            #expect(form.text.contains("참석 가능한 시간대"))
            // A missing person and no slot ticked: 422, the typed organisation kept, each error next to its field, nothing written.
            let before = try await app.count(EventRegistration.self)
            let bad = try await browser.post("/events/\(event)/register?lang=ko", form: [
                ("organisation", "Kept Org"), ("country", "TH"), ("kind", "business"), ("person", ""), ("contact", "k@example.org"),
                ("slotsShown", "1"), ("maxMeetings", ""),
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"Kept Org\""))
            #expect(bad.text.contains("id=\"f-person-error\""))
            #expect(bad.text.contains("id=\"f-available-error\""))
            #expect(try await app.count(EventRegistration.self) == before)
            let good = try await browser.post("/events/\(event)/register", form: [
                ("organisation", "Kept Org"), ("country", "TH"), ("kind", "business"), ("person", "Somchai"), ("contact", "k@example.org"),
                ("offersSectors[]", "water"), ("available[]", "0"), ("available[]", "2"), ("slotsShown", "1"), ("maxMeetings", "2"),
            ])
            #expect(good.status == .seeOther)
            let row = try #require(try await EventRegistration.query(on: app.db).filter(\.$organisation == "Kept Org").first())
            #expect(row.available == "0,2" && row.offersSectors == "water" && row.maxMeetings == 2 && row.userID == f.a.id)
            // The organiser validates it from the event page; another participant cannot.
            let other = Browser(app)
            try await other.signIn(f.b)
            let path = "/events/\(event)/registrations/\(UUIDText.string(row.storedID))/decision"
            #expect(try await other.post(path, form: [("decision", "validated")]).status == .forbidden)
            let organiser = Browser(app)
            try await organiser.signIn(f.staff)
            #expect(try await organiser.post(path, form: [("decision", "validated")]).status == .ok)
            #expect(try await EventRegistration.find(row.storedID, on: app.db)?.status == "validated")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theOrganiserRunsLocksAndPublishesFromTheEventPage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let (event, a, b, _) = try await f.matchmaking()
            let proposed = try await f.call(.POST, "/api/v1/events/\(event.uuidString)/requests", ["from": a.uuidString, "to": b.uuidString], by: f.staff)
            let request = try #require(proposed.json["id"] as? String)
            let organiser = Browser(app)
            try await organiser.signIn(f.staff)
            let ran = try await organiser.post("/events/\(event.uuidString)/schedule/run?lang=en", form: [])
            #expect(ran.status == .ok)
            #expect(ran.text.contains("1 meetings placed") || ran.text.contains("meetings placed"))
            #expect(try await organiser.post("/events/\(event.uuidString)/meetings/\(request)/lock", form: [("locked", "true")]).status == .ok)
            #expect(try await MeetingRequestRecord.find(UUID(uuidString: request)!, on: app.db)?.locked == true)
            // A participant cannot lock or publish.
            let participant = Browser(app)
            try await participant.signIn(f.a)
            #expect(try await participant.post("/events/\(event.uuidString)/schedule/publish", form: []).status == .forbidden)
            // Publishing asks first (nothing sent), then acts once confirmed.
            let asked = try await organiser.post("/events/\(event.uuidString)/schedule/publish?lang=ko", form: [])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("미팅 일정을 공개할까요?"))
            #expect(try await CentreEvent.find(event, on: app.db)?.publishedAt == nil)
            #expect(try await organiser.post("/events/\(event.uuidString)/schedule/publish", form: [("confirm", "yes")]).status == .ok)
            #expect(try await CentreEvent.find(event, on: app.db)?.publishedAt != nil)
            let agenda = try await participant.get("/events/\(event.uuidString)/agenda?lang=ko")
            #expect(agenda.status == .ok)
            #expect(agenda.text.contains("Beta Water"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPersonsRegistrationsAreInTheirDataAndLeaveWithThem(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let event = try await Self.openEvent(f)
            #expect(try await f.call(.POST, "/api/v1/events/\(event)/registrations", f.registration("Own Org"), by: f.a).status == .created)
            let context = CentresContext()
            let data = try await context.personalData(of: f.a.id, on: app.db)
            #expect(data["eventRegistrations"] != nil)
            try await context.erasePersonalData(of: f.a.id, on: app.db)
            let row = try #require(try await EventRegistration.query(on: app.db).filter(\.$organisation == "Own Org").first())
            #expect(row.userID == nil && row.person == "—" && row.contact == "—")
            #expect(try await context.personalData(of: f.a.id, on: app.db).isEmpty)
        }
    }
}
