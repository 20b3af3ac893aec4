import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The organiser's event form: a centre's staff create and edit their events in the pages, with
/// the API's checks; bad input comes back with each error next to its field and nothing written.
@Suite struct CentreEventFormTests {
    /// The form of a good one-day networking day (local times in Bangkok).
    static func form(_ changes: [String: String] = [:]) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("type", "networking-day"), ("titleKo", "방콕 네트워킹 데이"), ("titleEn", "Bangkok networking day"),
            ("descriptionKo", ""), ("descriptionEn", "Meet the city."), ("venue", "Test hall"), ("onlineLink", ""),
            ("timeZone", "Asia/Bangkok"), ("firstDay", "2027-03-10"), ("lastDay", "2027-03-10"), ("slotTimes", "09:00, 09:30, 10:30"),
            ("slotMinutes", "25"), ("tables", "4"), ("b2b", "true"), ("answerHours", "48"),
            ("registrationOpens", "2027-01-15"), ("registrationCloses", "2027-03-01"), ("capacity", "40"), ("call", ""),
        ]
        for (key, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == key }) { fields[index].1 = value } else { fields.append((key, value)) }
        }
        return fields
    }

    static func auditCount(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    @Test(arguments: TestDatabase.all)
    func staffCreateAnEventThroughTheFormAndBadInputIsKeptWithItsErrors(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let path = "/centres/\(f.centre.uuidString)/events/new"
            let browser = Browser(app)
            try await browser.signIn(f.staff)
            // The centre page offers the form to its staff.
            let centre = try await browser.get("/centres/\(f.centre.uuidString)?lang=en")
            #expect(centre.text.contains("href=\"/centres/\(UUIDText.string(f.centre))/events/new\""))
            let blank = try await browser.get(path + "?lang=ko")
            #expect(blank.status == .ok)
            #expect(blank.text.contains("미팅 시작 시각"))
            let events = try await app.count(CentreEvent.self), audits = try await Self.auditCount(app, "event.create")
            // The last day before the first, overlapping slots: 422, every value kept, each error at its field in Korean.
            let bad = try await browser.post(path + "?lang=ko", form: Self.form(["lastDay": "2027-03-09", "slotTimes": "09:00, 09:10"]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"방콕 네트워킹 데이\"") && bad.text.contains("value=\"09:00, 09:10\"") && bad.text.contains("value=\"2027-03-09\""))
            #expect(bad.text.contains("id=\"f-lastDay-error\"") && bad.text.contains("종료일: 시작보다 종료가 앞섭니다."))
            #expect(bad.text.contains("id=\"f-slotTimes-error\"") && bad.text.contains("09:10 — 미팅 시작 시각: 앞 시간대가 끝나기 전에 시작합니다."))
            // No slot, a zero slot length, no venue nor link, no side: each named, in English too.
            let empty = try await browser.post(path + "?lang=en", form: Self.form(["slotTimes": "", "slotMinutes": "0", "venue": "", "b2b": ""]))
            #expect(empty.status == .unprocessableEntity)
            for field in ["slotTimes", "slotMinutes", "venue", "b2b"] { #expect(empty.text.contains("id=\"f-\(field)-error\""), "\(field)") }
            #expect(empty.text.contains("Length of a meeting (minutes): out of range. (5–240)"))
            #expect(try await app.count(CentreEvent.self) == events)
            // The good form: the row, its audit event, then the event's page.
            let good = try await browser.post(path, form: Self.form())
            #expect(good.status == .seeOther)
            let row = try #require(try await CentreEvent.query(on: app.db).filter(\.$titleEn == "Bangkok networking day").first())
            #expect(row.centreID == f.centre && row.state == "draft" && row.slotTimes == "09:00,09:30,10:30" && row.timeZone == "Asia/Bangkok")
            #expect(good.headers.first(name: .location) == "/events/\(UUIDText.string(row.storedID))?created=1")
            #expect(try await Self.auditCount(app, "event.create") == audits + 1)
            // The first slot is 09:00 in Bangkok: 02:00 UTC.
            #expect(try row.plan.interval(ofSlot: 0).start == AuditChain.date("2027-03-10T02:00:00Z"))
            let page = try await browser.get("/events/\(UUIDText.string(row.storedID))?created=1&lang=en")
            #expect(page.status == .ok && page.text.contains("created as a draft"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherCentresStaffAndVisitorsCannotUseTheForm(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let path = "/centres/\(f.centre.uuidString)/events/new"
            let events = try await app.count(CentreEvent.self)
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            #expect(try await other.get(path).status == .forbidden)
            #expect(try await other.post(path, form: Self.form()).status == .forbidden)
            // The ministry's form is the programme office's.
            #expect(try await other.get("/events/new").status == .forbidden)
            #expect(try await other.post("/events/new", form: Self.form()).status == .forbidden)
            let visitor = Browser(app)
            let anonymous = try await visitor.get(path)
            #expect(anonymous.status == .seeOther && (anonymous.headers.first(name: .location) ?? "").hasPrefix("/signin"))
            #expect(try await app.count(CentreEvent.self) == events)
            // An officer creates a ministry event.
            let officer = Browser(app)
            try await officer.signIn(try await app.makeUser(grants: [Grant(role: .programmeOfficer, scope: .global)]))
            #expect(try await officer.get("/centres?lang=en").text.contains("href=\"/events/new\""))
            #expect(try await officer.post("/events/new", form: Self.form(["titleEn": "Ministry forum"])).status == .seeOther)
            let row = try #require(try await CentreEvent.query(on: app.db).filter(\.$titleEn == "Ministry forum").first())
            #expect(row.centreID == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theOrganiserEditsTheEventWhileTheStateAllows(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
            let event = try #require(created.json["id"] as? String)
            let path = "/events/\(event)/edit"
            let browser = Browser(app)
            try await browser.signIn(f.staff)
            let form = try await browser.get(path + "?lang=en")
            #expect(form.status == .ok)
            #expect(form.text.contains("value=\"10:00, 10:30, 11:00\"") && form.text.contains("value=\"Test day\""))
            // Another centre's staff: not theirs, nothing written.
            let other = Browser(app)
            try await other.signIn(f.otherStaff)
            #expect(try await other.get(path).status == .notFound)
            #expect(try await other.post(path, form: Self.form(["titleEn": "Stolen"])).status == .notFound)
            // Bad input: 422, nothing changed.
            let bad = try await browser.post(path, form: Self.form(["registrationCloses": "2027-03-20"]))
            #expect(bad.status == .unprocessableEntity && bad.text.contains("id=\"f-registrationCloses-error\""))
            #expect(try await CentreEvent.find(UUID(uuidString: event)!, on: app.db)?.titleEn == "Test day")
            // Saved: the new plan and its audit event.
            let saved = try await browser.post(path, form: Self.form(["titleEn": "Renamed day"]))
            #expect(saved.status == .seeOther)
            let row = try #require(try await CentreEvent.find(UUID(uuidString: event)!, on: app.db))
            #expect(row.titleEn == "Renamed day" && row.slotTimes == "09:00,09:30,10:30")
            #expect(try await Self.auditCount(app, "event.update") == 1)
            // Open with a registration: the slots stay (409, the reason in the page's language), the title may change.
            #expect(try await f.call(.POST, "/api/v1/events/\(event)/state", ["to": "open"], by: f.staff).status == .ok)
            #expect(try await f.call(.POST, "/api/v1/events/\(event)/registrations", f.registration("Early Org"), by: f.a).status == .created)
            let moved = try await browser.post(path + "?lang=ko", form: Self.form(["slotTimes": "09:00, 10:00"]))
            #expect(moved.status == .conflict && moved.text.contains("미팅 길이는 바꿀 수 없습니다"))
            #expect(try await CentreEvent.find(UUID(uuidString: event)!, on: app.db)?.slotTimes == "09:00,09:30,10:30")
            #expect(try await browser.post(path, form: Self.form(["titleEn": "Open day"])).status == .seeOther)
            // Past registration: no more edits (409 with the reason), nothing written.
            #expect(try await f.call(.POST, "/api/v1/events/\(event)/state", ["to": "matchmaking"], by: f.staff).status == .ok)
            let late = try await browser.get(path + "?lang=en")
            #expect(late.status == .conflict && late.text.contains("edited while it is a draft or open for registration"))
            #expect(try await browser.post(path, form: Self.form(["titleEn": "Late"])).status == .conflict)
            #expect(try await CentreEvent.find(UUID(uuidString: event)!, on: app.db)?.titleEn == "Open day")
            #expect(try await Self.auditCount(app, "event.update") == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAPIEditsAnEventWithTheSameRules(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
            let event = try #require(created.json["id"] as? String)
            let path = "/api/v1/events/\(event)"
            var body = f.eventBody(["titleEn": "Edited day"])
            body.removeValue(forKey: "centre")
            // Wrong users: another centre's staff (a draft: 404), a participant, a visitor; nothing written.
            #expect(try await f.call(.PUT, path, body, by: f.otherStaff).status == .notFound)
            #expect(try await f.call(.PUT, path, body, by: nil).status == .unauthorized)
            // Bad input: the end before the start (422), the organiser (400: not a field of an edit); nothing written.
            var backwards = body
            backwards["lastDay"] = "2027-03-09"
            let bad = try await f.call(.PUT, path, backwards, by: f.staff)
            #expect(bad.status == .unprocessableEntity && bad.problemFields == ["lastDay"])
            #expect(try await f.call(.PUT, path, f.eventBody(), by: f.staff).status == .badRequest)
            #expect(try await CentreEvent.find(UUID(uuidString: event)!, on: app.db)?.titleEn == "Test day")
            let done = try await f.call(.PUT, path, body, by: f.staff)
            #expect(done.status == .ok)
            #expect(done.json["titleEn"] as? String == "Edited day" || "\(done.json)".contains("Edited day"))
            #expect(try await Self.auditCount(app, "event.update") == 1)
            // Open with a registration: the slots stay (409); past registration, no edit (409).
            #expect(try await f.call(.POST, "\(path)/state", ["to": "open"], by: f.staff).status == .ok)
            #expect(try await f.call(.PUT, path, body, by: f.a).status == .forbidden)
            #expect(try await f.call(.POST, "\(path)/registrations", f.registration("Early Org"), by: f.a).status == .created)
            var moved = body
            moved["slotTimes"] = ["09:00", "10:00"]
            #expect(try await f.call(.PUT, path, moved, by: f.staff).status == .conflict)
            #expect(try await f.call(.POST, "\(path)/state", ["to": "matchmaking"], by: f.staff).status == .ok)
            #expect(try await f.call(.PUT, path, body, by: f.staff).status == .conflict)
            #expect(try await Self.auditCount(app, "event.update") == 1)
        }
    }

    @Test func editsFollowTheEventsState() throws {
        let plan = try EventDraft(type: "webinar", titleEn: "W", titleKo: "W", onlineLink: "https://example.org/w", timeZone: "Asia/Seoul",
                                  firstDay: "2027-05-01", lastDay: "2027-05-01", slotTimes: ["10:00"], slotMinutes: 30, tables: 1,
                                  registrationOpens: "2027-04-01", registrationCloses: "2027-04-30", capacity: 10, b2b: true).validated()
        var later = plan
        later.slotStarts = [11 * 60]
        var smaller = plan
        smaller.capacity = 2
        #expect(EventEdit.refusal(state: .draft, current: plan, proposed: later, registrations: 0) == nil)
        #expect(EventEdit.refusal(state: .open, current: plan, proposed: later, registrations: 1) == .slotsInUse(registrations: 1))
        #expect(EventEdit.refusal(state: .open, current: plan, proposed: smaller, registrations: 3) == .capacityBelowRegistrations(registrations: 3))
        #expect(EventEdit.refusal(state: .matchmaking, current: plan, proposed: plan, registrations: 0) == .notEditable(state: .matchmaking))
        for refusal in [EventRefusal.notEditable(state: .held), .slotsInUse(registrations: 2), .capacityBelowRegistrations(registrations: 2)] {
            #expect(Strings.korean.has("refusal.\(refusal.key)") && !Strings.english.localized(refusal).contains("refusal."))
        }
    }
}
