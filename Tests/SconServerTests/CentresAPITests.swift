import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A centre with its staff, another centre's staff, three participants, and the requests of the API.
struct CentresFixture: Sendable {
    let app: Application
    let centre: UUID
    let staff: TestUser
    let otherStaff: TestUser
    let a: TestUser
    let b: TestUser
    let c: TestUser

    static let start = AuditChain.date("2027-02-01T00:00:00Z")!

    static func make(_ app: Application) async throws -> CentresFixture {
        app.clock = .fixed(start)
        func centre(_ name: String) async throws -> UUID {
            let row = Centre()
            row.apply(try CentreDraft(nameEn: name, nameKo: name, hostCity: nil, hostCountry: nil, covers: [], hostOrganisation: nil, contact: nil,
                                      openedOn: nil, status: "planned").validated())
            row.sample = false
            try await row.create(on: app.db)
            return row.storedID
        }
        let one = try await centre("Test centre one"), two = try await centre("Test centre two")
        func staff(_ id: UUID) async throws -> TestUser { try await app.makeUser(grants: [Grant(role: .centreStaff, scope: .centre(id.uuidString.lowercased()))]) }
        return CentresFixture(app: app, centre: one, staff: try await staff(one), otherStaff: try await staff(two),
                              a: try await app.makeUser(), b: try await app.makeUser(), c: try await app.makeUser())
    }

    func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, by user: TestUser?) async throws -> TestingHTTPResponse {
        var headers = user?.bearer ?? [:]
        if body != nil { headers = headers.adding(Body.jsonHeaders) }
        var result: TestingHTTPResponse?
        if let body {
            try await app.testing().test(method, path, headers: headers, body: try Body.json(body)) { result = $0 }
        } else {
            try await app.testing().test(method, path, headers: headers) { result = $0 }
        }
        return try #require(result)
    }

    func eventBody(_ changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["centre": centre.uuidString, "type": "networking-day", "titleEn": "Test day", "titleKo": "테스트 행사",
                                   "venue": "Test hall", "timeZone": "Asia/Bangkok", "firstDay": "2027-03-10", "lastDay": "2027-03-10",
                                   "slotTimes": ["10:00", "10:30", "11:00"], "slotMinutes": 25, "tables": 2,
                                   "registrationOpens": "2027-01-01", "registrationCloses": "2027-03-01", "capacity": 20, "b2b": true, "g2g": true,
                                   "answerHours": 48]
        for (key, value) in changes { body[key] = value }
        return body
    }

    func registration(_ organisation: String, country: String = "TH", available: [Int]? = nil) -> [String: Any] {
        var body: [String: Any] = ["organisation": organisation, "country": country, "kind": "business", "person": "Person of \(organisation)",
                                   "contact": "\(organisation.lowercased().replacingOccurrences(of: " ", with: ""))@example.org",
                                   "offersSectors": ["transport"], "seeksSectors": ["water"]]
        if let available { body["available"] = available }
        return body
    }

    /// An event in matchmaking with A, B (Korean) and C registered and validated; answers the ids.
    func matchmaking() async throws -> (event: UUID, a: UUID, b: UUID, c: UUID) {
        let created = try await call(.POST, "/api/v1/events", eventBody(), by: staff)
        #expect(created.status == .created)
        let event = try #require(created.json["id"] as? String)
        #expect(try await call(.POST, "/api/v1/events/\(event)/state", ["to": "open"], by: staff).status == .ok)
        var ids: [String] = []
        for (user, name, country) in [(a, "Alpha Mobility", "KR"), (b, "Beta Water", "TH"), (c, "Gamma City", "LA")] {
            let registered = try await call(.POST, "/api/v1/events/\(event)/registrations", registration(name, country: country), by: user)
            #expect(registered.status == .created, "\(registered.text)")
            let id = try #require(registered.json["id"] as? String)
            #expect(try await call(.POST, "/api/v1/events/\(event)/registrations/\(id)/decision", ["decision": "validated"], by: staff).status == .ok)
            ids.append(id)
        }
        #expect(try await call(.POST, "/api/v1/events/\(event)/state", ["to": "matchmaking"], by: staff).status == .ok)
        return (UUID(uuidString: event)!, UUID(uuidString: ids[0])!, UUID(uuidString: ids[1])!, UUID(uuidString: ids[2])!)
    }
}

@Suite struct CentresAPITests {
    @Test(arguments: TestDatabase.all)
    func theCentresArePlannedWithoutInventedFacts(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await CentresFixture.make(app)
            let list = try await fixture.call(.GET, "/api/v1/centres", by: nil)
            #expect(list.status == .ok)
            let items = try #require(list.json["items"] as? [[String: Any]])
            let planned = items.filter { ($0["status"] as? String) == "planned" && ($0["sample"] as? Bool) == false && $0["hostCountry"] is NSNull }
            #expect(planned.count >= 4)
            #expect(items.contains { ($0["sample"] as? Bool) == true })
            let page = try await fixture.call(.GET, "/centres?lang=en", by: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("not disclosed"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheCentresOwnStaffEditIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await CentresFixture.make(app)
            let body: [String: Any] = ["nameEn": "Renamed", "nameKo": "새 이름", "status": "planned"]
            let refused = try await fixture.call(.PUT, "/api/v1/centres/\(fixture.centre.uuidString)", body, by: fixture.otherStaff)
            #expect(refused.status == .forbidden)
            #expect(try await Centre.find(fixture.centre, on: app.db)?.nameEn == "Test centre one")
            let bad = try await fixture.call(.PUT, "/api/v1/centres/\(fixture.centre.uuidString)", ["nameEn": "X", "nameKo": "X", "status": "open"], by: fixture.staff)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["openedOn"])
            let done = try await fixture.call(.PUT, "/api/v1/centres/\(fixture.centre.uuidString)", body, by: fixture.staff)
            #expect(done.status == .ok)
            #expect((done.json["name"] as? [String: Any])?["en"] as? String == "Renamed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadEventIsRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await CentresFixture.make(app)
            let before = try await app.count(CentreEvent.self)
            let backwards = try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(["lastDay": "2027-03-09"]), by: fixture.staff)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.problemFields.contains("lastDay"))
            let overlapping = try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(["slotTimes": ["10:00", "10:20"]]), by: fixture.staff)
            #expect(overlapping.status == .unprocessableEntity)
            #expect(overlapping.problemFields == ["slotTimes[1]"])
            let unknown = try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(["colour": "red"]), by: fixture.staff)
            #expect(unknown.status == .badRequest)
            // Another centre's staff do not organise this centre's events; nobody without a role does.
            #expect(try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(), by: fixture.otherStaff).status == .forbidden)
            #expect(try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(), by: fixture.a).status == .forbidden)
            #expect(try await fixture.call(.POST, "/api/v1/events", fixture.eventBody(), by: nil).status == .unauthorized)
            #expect(try await app.count(CentreEvent.self) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aMatchmakingDayRunsEndToEnd(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let (event, a, b, c) = try await f.matchmaking()
            let base = "/api/v1/events/\(event.uuidString)"
            // A asks B; B accepts. The organiser proposes C–A.
            let asked = try await f.call(.POST, "\(base)/requests", ["to": b.uuidString, "priority": 5, "message": "Smart buses?"], by: f.a)
            #expect(asked.status == .created)
            let ab = try #require(asked.json["id"] as? String)
            #expect(try await f.call(.POST, "\(base)/requests/\(ab)/answer", ["answer": "accepted"], by: f.b).status == .ok)
            let proposed = try await f.call(.POST, "\(base)/requests", ["from": c.uuidString, "to": a.uuidString, "priority": 3], by: f.staff)
            #expect(proposed.status == .created)
            #expect(proposed.json["state"] as? String == "accepted")
            let ca = try #require(proposed.json["id"] as? String)
            // Suggestions are explained.
            let suggestions = try await f.call(.GET, "\(base)/suggestions", by: f.c)
            #expect(suggestions.status == .ok)
            // The schedule: both meetings placed, in different slots (A is in both).
            let run = try await f.call(.POST, "\(base)/schedule/run", by: f.staff)
            #expect(run.status == .ok, "\(run.text)")
            let meetings = try #require(run.json["meetings"] as? [[String: Any]])
            #expect(meetings.count == 2)
            #expect(Set(meetings.compactMap { $0["slot"] as? Int }).count == 2)
            #expect(try await f.call(.POST, "\(base)/schedule/publish", by: f.staff).json["state"] as? String == "published")
            // A's agenda: two meetings, the other sides' organisations and contacts, a private feed.
            let agenda = try await f.call(.GET, "\(base)/agenda", by: f.a)
            #expect(agenda.status == .ok)
            let items = try #require(agenda.json["meetings"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["organisation"] as? String }) == ["Beta Water", "Gamma City"])
            let feedPath = try #require(agenda.json["feed"] as? String)
            let feed = try await f.call(.GET, feedPath, by: nil)
            #expect(feed.status == .ok)
            #expect(feed.headers.contentType?.subType == "calendar")
            if let calendar = try ICalendarReader.read(feed.text) {
                #expect(calendar.events.count == 2)
                #expect(calendar.events.allSatisfy { $0.tzid == "Asia/Bangkok" && $0.sequence == 0 && $0.status == "CONFIRMED" })
                #expect(Set(calendar.events.map(\.uid)) == ["meeting-\(ab)@k-scon", "meeting-\(ca)@k-scon"])
                #expect(calendar.timezones.contains("Asia/Bangkok"))
            }
            // After publishing: the organiser refuses B and re-runs: A–B is dropped (CANCELLED, SEQUENCE 1),
            // A and B get a notice, C (whose meeting stays) gets none.
            #expect(try await f.call(.POST, "\(base)/registrations/\(b.uuidString)/decision", ["decision": "refused"], by: f.staff).status == .ok)
            #expect(try await f.call(.POST, "\(base)/schedule/run", by: f.staff).status == .ok)
            #expect(try await f.call(.POST, "\(base)/schedule/publish", by: f.staff).status == .ok)
            let again = try await f.call(.GET, feedPath, by: nil)
            if let calendar = try ICalendarReader.read(again.text) {
                let dropped = try #require(calendar.events.first { $0.uid == "meeting-\(ab)@k-scon" })
                #expect(dropped.status == "CANCELLED")
                #expect(dropped.sequence == 1)
                #expect(calendar.events.first { $0.uid == "meeting-\(ca)@k-scon" }?.sequence == 0)
            }
            let notices = try await CentreNotice.query(on: app.db).all()
            #expect(Set(notices.map(\.userID)) == [f.a.id, f.b.id])
            #expect(notices.allSatisfy { $0.textKo.contains("일정에서 빠졌습니다") })
            // The public page of the event and its own calendar file.
            let page = try await f.call(.GET, "/events/\(event.uuidString)?lang=ko", by: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("Alpha Mobility"))
            let ics = try await f.call(.GET, "/events/\(event.uuidString)/event.ics", by: nil)
            if let calendar = try ICalendarReader.read(ics.text) {
                #expect(calendar.events.first?.uid == "event-\(event.uuidString.lowercased())@k-scon")
                #expect(calendar.events.first?.start == "2027-03-10T03:00:00Z")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func badRequestsAreRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let (event, a, b, _) = try await f.matchmaking()
            let base = "/api/v1/events/\(event.uuidString)"
            let before = try await app.count(MeetingRequestRecord.self)
            let own = try await f.call(.POST, "\(base)/requests", ["to": a.uuidString], by: f.a)
            #expect(own.status == .unprocessableEntity)
            #expect(own.problemFields == ["to"])
            let priority = try await f.call(.POST, "\(base)/requests", ["to": b.uuidString, "priority": 9], by: f.a)
            #expect(priority.problemFields == ["priority"])
            #expect(try await app.count(MeetingRequestRecord.self) == before)
            // A request not answered within the answer period (48 h) expires: answering it is refused.
            let asked = try await f.call(.POST, "\(base)/requests", ["to": b.uuidString], by: f.a)
            let id = try #require(asked.json["id"] as? String)
            app.clock = .fixed(CentresFixture.start.addingTimeInterval(49 * 3_600))
            let late = try await f.call(.POST, "\(base)/requests/\(id)/answer", ["answer": "accepted"], by: f.b)
            #expect(late.status == .conflict)
            #expect(try await MeetingRequestRecord.find(UUID(uuidString: id)!, on: app.db)?.state == "requested")
            let listed = try await f.call(.GET, "\(base)/requests", by: f.a)
            #expect((listed.json["items"] as? [[String: Any]])?.first?["state"] as? String == "expired")
            // The requester's quota is free again: a new request to B is taken.
            #expect(try await f.call(.POST, "\(base)/requests", ["to": b.uuidString], by: f.a).status == .created)
            // The one who asked does not answer their own request.
            #expect(try await f.call(.POST, "\(base)/requests/\(id)/answer", ["answer": "accepted"], by: f.a).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLockOutsideSomeonesAvailabilityIsRefused(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
            let event = try #require(created.json["id"] as? String)
            let base = "/api/v1/events/\(event)"
            _ = try await f.call(.POST, "\(base)/state", ["to": "open"], by: f.staff)
            let one = try await f.call(.POST, "\(base)/registrations", f.registration("Only Morning", available: [0]), by: f.a)
            let two = try await f.call(.POST, "\(base)/registrations", f.registration("Any Time"), by: f.b)
            // A slot outside the event is refused at registration.
            let outside = try await f.call(.POST, "\(base)/registrations", f.registration("Late", available: [7]), by: f.c)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.problemFields == ["available[0]"])
            let first = try #require(one.json["id"] as? String), second = try #require(two.json["id"] as? String)
            for id in [first, second] { _ = try await f.call(.POST, "\(base)/registrations/\(id)/decision", ["decision": "validated"], by: f.staff) }
            _ = try await f.call(.POST, "\(base)/state", ["to": "matchmaking"], by: f.staff)
            let proposed = try await f.call(.POST, "\(base)/requests", ["from": first, "to": second], by: f.staff)
            let request = try #require(proposed.json["id"] as? String)
            let refused = try await f.call(.POST, "\(base)/meetings/\(request)/lock", ["locked": true, "slot": 2], by: f.staff)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await MeetingRequestRecord.find(UUID(uuidString: request)!, on: app.db)?.locked == false)
            // Another centre's staff cannot see this centre's event's schedule.
            #expect(try await f.call(.POST, "\(base)/meetings/\(request)/lock", ["locked": true, "slot": 0], by: f.otherStaff).status == .forbidden)
            let locked = try await f.call(.POST, "\(base)/meetings/\(request)/lock", ["locked": true, "slot": 0, "table": 1], by: f.staff)
            #expect(locked.status == .ok)
            let run = try await f.call(.POST, "\(base)/schedule/run", by: f.staff)
            #expect((run.json["meetings"] as? [[String: Any]])?.first?["table"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func participantsSeeOnlyWhatIsTheirs(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
            let event = try #require(created.json["id"] as? String)
            let base = "/api/v1/events/\(event)"
            // A draft is the organisers' only.
            #expect(try await f.call(.GET, base, by: nil).status == .notFound)
            #expect(try await f.call(.GET, base, by: f.otherStaff).status == .notFound)
            #expect(try await f.call(.POST, "\(base)/state", ["to": "open"], by: f.otherStaff).status == .notFound)
            _ = try await f.call(.POST, "\(base)/state", ["to": "open"], by: f.staff)
            let registered = try await f.call(.POST, "\(base)/registrations", f.registration("Alpha"), by: f.a)
            let id = try #require(registered.json["id"] as? String)
            // An unvalidated registration is not shown to visitors or to other participants.
            #expect((try await f.call(.GET, "\(base)/registrations", by: nil).json["items"] as? [Any])?.isEmpty == true)
            #expect((try await f.call(.GET, "\(base)/registrations", by: f.b).json["items"] as? [Any])?.isEmpty == true)
            #expect((try await f.call(.GET, "\(base)/registrations", by: f.a).json["items"] as? [Any])?.count == 1)
            // Only organisers decide.
            #expect(try await f.call(.POST, "\(base)/registrations/\(id)/decision", ["decision": "validated"], by: f.a).status == .forbidden)
            _ = try await f.call(.POST, "\(base)/registrations/\(id)/decision", ["decision": "validated"], by: f.staff)
            _ = try await f.call(.POST, "\(base)/state", ["to": "matchmaking"], by: f.staff)
            let open = try await f.call(.GET, "\(base)/registrations", by: nil)
            let items = try #require(open.json["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["contact"] == nil)
            // Another participant's agenda and a guessed feed link are not found.
            #expect(try await f.call(.GET, "\(base)/agenda?registration=\(id)", by: f.b).status == .notFound)
            #expect(try await f.call(.GET, "/events/\(event)/feed/\(String(repeating: "x", count: 43))", by: nil).status == .notFound)
            #expect(try await f.call(.GET, "/events/\(event)/agenda?registration=\(id)", by: f.b).status == .notFound)
            #expect(try await f.call(.GET, "\(base)/agenda?registration=\(id)", by: f.staff).status == .ok)
            // The organiser's schedule is not for participants.
            #expect(try await f.call(.GET, "\(base)/schedule", by: f.a).status == .forbidden)
            #expect(try await f.call(.POST, "\(base)/schedule/run", by: f.a).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSampleDayHasAPublishedSchedule(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let held = try #require(try await CentreEvent.query(on: app.db).filter(\.$state == "held").first())
            #expect(held.sample)
            let requests = try await MeetingRequestRecord.query(on: app.db).filter(\.$eventID == held.storedID).all()
            let accepted = requests.filter { $0.state == "accepted" }
            let placed = accepted.filter { $0.publishedSlot != nil }
            #expect(placed.count > 0 && placed.count <= accepted.count)
            #expect(try await CentreEvent.query(on: app.db).filter(\.$state == "open").filter(\.$sample == true).count() == 1)
            let page = try await app.testing().sendRequest(.GET, "/events/\(UUIDText.string(held.storedID))")
            #expect(page.status == .ok)
            // The schedule's share of accepted requests placed on the sample day (the report quotes it).
            print("sample day: \(placed.count) of \(accepted.count) accepted requests placed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theGrantOfACentreNeedsTheCentre(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let admin = try await app.admin()
            let store = GrantStore(db: app.db)
            let principal = Principal(userID: admin.id, grants: [Grant(role: .administrator, scope: .global)])
            await #expect(throws: DomainError.self) {
                try await store.grant(Grant(role: .centreStaff, scope: .centre(UUID().uuidString.lowercased())), to: f.a.id, by: principal)
            }
            try await store.grant(Grant(role: .centreStaff, scope: .centre(f.centre.uuidString.lowercased())), to: f.a.id, by: principal)
        }
    }
}

@Suite struct ScheduleCommandTests {
    @Test func answersTheDocumentedShape() throws {
        let input = """
        {"slots": 2, "tables": 1, "participants": [{"id": "a"}, {"id": "b"}, {"id": "c", "available": [1]}],
         "requests": [{"id": "m1", "between": ["a", "b"], "priority": 3}, {"id": "m2", "between": ["a", "c"], "priority": 5}]}
        """
        let output = try JSONSerialization.jsonObject(with: try ScheduleCommandLine.solve(Data(input.utf8))) as? [String: Any]
        #expect(output?["objective"] as? Int == 8)
        #expect(output?["bound"] as? Int == 8)
        #expect((output?["meetings"] as? [[String: Any]])?.count == 2)
    }

    @Test func namesWhyAnInstanceIsMalformed() {
        for (input, message) in [("nope", "not a schedule instance"), (#"{"slots": 2, "tables": 1, "participants": [{"id": "a"}], "requests": [{"id": "m", "between": ["a", "x"], "priority": 1}]}"#, "unknown participant \"x\"")] {
            do {
                _ = try ScheduleCommandLine.solve(Data(input.utf8))
                Issue.record("answered \(input)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
                #expect(!error.message.contains("\n"))
            }
        }
    }
}

@Suite struct CentreLeadBoardTests {
    @Test(arguments: TestDatabase.all)
    func aCentreKeepsItsOwnLeadsAndTheirNextActions(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$countryCode == "TH").first())
            let city = try #require(try await City.query(on: app.db).filter(\.$countryCode == "TH").first())
            let body: [String: Any] = ["organisation": UUIDText.string(organisation.storedID), "city": UUIDText.string(city.storedID),
                                       "title": "Smart bus depot", "supportType": "pre-feasibility", "sectors": ["transport"],
                                       "owner": "Kim", "status": "contacted", "nextAction": "Send the concept note", "dueOn": "2027-01-20"]
            let path = "/api/v1/centres/\(f.centre.uuidString)/leads"
            // Another centre's staff neither record nor read this board.
            let before = try await app.count(Project.self)
            #expect(try await f.call(.POST, path, body, by: f.otherStaff).status == .forbidden)
            #expect(try await f.call(.GET, path, by: f.otherStaff).status == .forbidden)
            // A next action without its day is refused, nothing written (no project either).
            var missing = body
            missing["dueOn"] = nil
            let bad = try await f.call(.POST, path, missing, by: f.staff)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.problemFields == ["dueOn"])
            #expect(try await app.count(Project.self) == before)
            let created = try await f.call(.POST, path, body, by: f.staff)
            #expect(created.status == .created, "\(created.text)")
            let project = try #require(created.json["project"] as? String)
            #expect(created.json["stage"] as? String == "lead")
            // The lead is the centre's: its staff see the project, another centre's staff do not.
            #expect(try await f.call(.GET, "/api/v1/projects/\(project)/dossier", by: f.staff).status == .ok)
            #expect(try await f.call(.GET, "/api/v1/projects/\(project)/dossier", by: f.otherStaff).status == .notFound)
            let listed = try await f.call(.GET, "/api/v1/projects?stage=lead", by: f.otherStaff)
            #expect(!((listed.json["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == project })
            // The overdue next action (due 2027-01-20, today 2027-02-01) is among what is due for the centre's staff.
            let principal = Principal(userID: f.staff.id, grants: [Grant(role: .centreStaff, scope: .centre(f.centre.uuidString.lowercased()))])
            let due = try await CentresDue.items(for: principal, on: app.db, now: CentresFixture.start)
            #expect(due.contains { $0.kind == "due.leadAction" && $0.title.contains("Send the concept note") })
            // Moved to another column.
            let lead = try #require(created.json["id"] as? String)
            let moved = try await f.call(.PUT, "\(path)/\(lead)", ["owner": "Kim", "status": "proposal", "nextAction": "", "dueOn": ""], by: f.staff)
            #expect(moved.json["status"] as? String == "proposal")
            #expect(try await f.call(.PUT, "\(path)/\(lead)", ["owner": "Kim", "status": "won"], by: f.staff).status == .unprocessableEntity)
            let page = try await f.call(.GET, "/centres/\(f.centre.uuidString)?lang=ko", by: f.staff)
            #expect(page.text.contains("Smart bus depot"))
            #expect(!(try await f.call(.GET, "/centres/\(f.centre.uuidString)", by: f.otherStaff)).text.contains("Smart bus depot"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func meetingsAreMarkedHeldByTheirSidesOnly(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let (event, _, b, c) = try await f.matchmaking()
            let base = "/api/v1/events/\(event.uuidString)"
            let proposed = try await f.call(.POST, "\(base)/requests", ["from": b.uuidString, "to": c.uuidString], by: f.staff)
            let meeting = try #require(proposed.json["id"] as? String)
            #expect(try await f.call(.POST, "\(base)/meetings/\(meeting)/outcome", ["outcome": "held"], by: f.b).status == .notFound)
            _ = try await f.call(.POST, "\(base)/schedule/run", by: f.staff)
            _ = try await f.call(.POST, "\(base)/schedule/publish", by: f.staff)
            #expect(try await f.call(.POST, "\(base)/registrations/\(b.uuidString)/check-in", by: f.staff).json["checkedInAt"] is String)
            #expect(try await f.call(.POST, "\(base)/registrations/\(b.uuidString)/check-in", by: f.b).status == .forbidden)
            // A's not in this meeting: not found; a bad outcome: 422; B marks it held with a note.
            #expect(try await f.call(.POST, "\(base)/meetings/\(meeting)/outcome", ["outcome": "held"], by: f.a).status == .notFound)
            #expect(try await f.call(.POST, "\(base)/meetings/\(meeting)/outcome", ["outcome": "maybe"], by: f.b).status == .unprocessableEntity)
            let held = try await f.call(.POST, "\(base)/meetings/\(meeting)/outcome", ["outcome": "held", "notes": "Send the tariff study"], by: f.b)
            #expect(held.json["outcome"] as? String == "held")
            // The follow-up becomes a lead on the centre's board.
            let organisation = try #require(try await Organisation.query(on: app.db).filter(\.$countryCode == "LA").first())
            let city = try #require(try await City.query(on: app.db).filter(\.$countryCode == "LA").first())
            let lead = try await f.call(.POST, "/api/v1/centres/\(f.centre.uuidString)/leads",
                                        ["organisation": UUIDText.string(organisation.storedID), "city": UUIDText.string(city.storedID), "title": "Tariff study follow-up",
                                         "supportType": "master-plan", "owner": "Lee", "meeting": meeting], by: f.staff)
            #expect(lead.status == .created, "\(lead.text)")
            #expect(lead.json["meeting"] as? String == meeting)
            // The event's numbers count the meeting held and the lead it became.
            let row = try #require(try await CentreEvent.find(event, on: app.db))
            let store = EventStore(db: app.db, audit: app.auditLog)
            let numbers = try await EventNumbers.of(row, registrations: try await store.registrations(of: row), requests: try await store.requests(of: row),
                                                    now: CentresFixture.start, on: app.db)
            #expect(numbers.scheduled == 1 && numbers.held == 1 && numbers.leads == 1)
            #expect(numbers.registrationsBySide.map(\.count).reduce(0, +) == 3)
        }
    }
}
