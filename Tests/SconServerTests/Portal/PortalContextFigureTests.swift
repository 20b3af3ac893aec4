import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The portal counts centres, events held and trained officials from their own tables; the
/// country page gains its centres and trainees; a city page tells its story.
@Suite struct PortalContextFigureTests {
    @Test(arguments: TestDatabase.all)
    func theHomePageCountsCentresEventsHeldAndTrainedOfficialsEachLinkingToItsList(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: one trainee of the test's own completed, one event held.
            let application = try #require(try await TraineeApplicationRecord.query(on: app.db).first())
            application.state = TraineeApplicationState.completed.rawValue
            try await application.update(on: app.db)
            let event = try #require(try await CentreEvent.query(on: app.db).first())
            event.state = EventState.held.rawValue
            try await event.update(on: app.db)
            let centres = try await app.count(Centre.self)
            let held = try await CentreEvent.query(on: app.db).filter(\.$state ~~ ["held", "closed"]).count()
            let trained = try await TraineeApplicationRecord.query(on: app.db).filter(\.$state == "completed").count()

            // Act + check: each figure is the count of its table, linked to its list, in both languages.
            let english = try await Browser(app).get("/?lang=en").text
            #expect(english.contains("<a href=\"/centres\"><strong>\(centres)</strong> cooperation centres"))
            #expect(english.contains("<a href=\"/centres#events-held\"><strong>\(held)</strong> events held"))
            #expect(english.contains("<a href=\"/training#trained\"><strong>\(trained)</strong> officials trained"))
            let korean = try await Browser(app).get("/?lang=ko").text
            #expect(korean.contains("협력센터") && korean.contains("개최 행사") && korean.contains("연수 수료 공무원"))

            // The country filter narrows them: trainees by their country.
            let country = application.country
            let ofCountry = try await TraineeApplicationRecord.query(on: app.db).filter(\.$state == "completed").filter(\.$country == country).count()
            #expect(try await Browser(app).get("/?country=\(country)&lang=en").text.contains("<strong>\(ofCountry)</strong> officials trained"))
            // And the country page shows its trainees and its centres.
            let page = try await Browser(app).get("/countries/\(country)?lang=en").text
            #expect(page.contains("<strong>\(ofCountry)</strong> trained officials from this country"))
            #expect(page.contains("Cooperation centres hosted here"))
        }
    }

    /// The number of a figure on the home page and the list it links to.
    static func figure(_ home: String, _ label: String) throws -> (value: Int, link: String) {
        let pattern = try Regex("<a href=\"([^\"]*)\"><strong>([0-9,]+)</strong> \(label)")
        let match = try #require(home.firstMatch(of: pattern), "\(label)")
        let link = String(try #require(match.output[1].substring)).replacingOccurrences(of: "&amp;", with: "&")
        return (Int(String(try #require(match.output[2].substring)).filter(\.isNumber)) ?? -1, link)
    }

    @Test(arguments: TestDatabase.all)
    func eachFigureOpensExactlyTheRecordsItCountsForEveryCountry(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a centre hosted in Thailand and one in Viet Nam, each with a held and an upcoming event; a held ministry
            // event; a closed event; two Thai officials and one Vietnamese who completed a cohort.
            func centre(_ name: String, _ country: String) async throws -> UUID {
                let row = Centre()
                row.apply(try CentreDraft(nameEn: name, nameKo: name, hostCity: nil, hostCountry: country, covers: [country], hostOrganisation: nil,
                                          contact: nil, openedOn: nil, status: "planned").validated())
                row.sample = false
                try await row.create(on: app.db)
                return row.storedID
            }
            func event(_ centre: UUID?, _ state: EventState, _ title: String) async throws {
                let row = CentreEvent()
                row.id = UUID()
                row.centreID = centre
                row.apply(try EventDraft(type: "seminar", titleEn: title, titleKo: title, venue: "Hall", timeZone: "Asia/Bangkok", firstDay: "2026-05-10",
                                         lastDay: "2026-05-10", slotTimes: ["10:00"], slotMinutes: 30, tables: 1, registrationOpens: "2026-04-01",
                                         registrationCloses: "2026-05-01", capacity: 10, b2b: true).validated())
                row.state = state.rawValue
                row.sample = false
                try await row.create(on: app.db)
            }
            let thai = try await centre("Figure centre TH", "TH"), vietnamese = try await centre("Figure centre VN", "VN")
            try await event(thai, .held, "Thai held"); try await event(thai, .closed, "Thai closed"); try await event(thai, .open, "Thai open")
            try await event(vietnamese, .held, "Viet held"); try await event(nil, .held, "Ministry held")
            let applications = try await TraineeApplicationRecord.query(on: app.db).limit(3).all()
            #expect(applications.count == 3)
            for (row, country) in zip(applications, ["TH", "TH", "VN"]) {
                row.state = TraineeApplicationState.completed.rawValue
                row.country = country
                try await row.update(on: app.db)
            }
            let browser = Browser(app)
            for country in ["", "TH", "VN", "LA"] {
                let home = try await browser.get("/?lang=en" + (country.isEmpty ? "" : "&country=\(country)")).text
                // Act: follow each figure's link. Check: its page holds exactly the records counted.
                let centres = try Self.figure(home, "cooperation centres")
                #expect(centres.link == "/centres" + (country.isEmpty ? "" : "?country=\(country)"))
                let centresPage = try await browser.get(centres.link).text
                #expect(centresPage.components(separatedBy: "data-record=\"centre\"").count - 1 == centres.value, "centres \(country)")
                let held = try Self.figure(home, "events held")
                let heldPage = try await browser.get(held.link).text
                #expect(heldPage.components(separatedBy: "data-record=\"held\"").count - 1 == held.value, "held \(country)")
                // The count's rule, independently: held or closed; of the country's centres when one is chosen.
                let hosted = try await Centre.query(on: app.db).all().filter { country.isEmpty || $0.hostCountry == country }.map(\.storedID)
                let expected = try await CentreEvent.query(on: app.db).filter(\.$state ~~ ["held", "closed"]).all()
                    .filter { country.isEmpty || $0.centreID.map(hosted.contains) == true }.count
                #expect(held.value == expected && centres.value == hosted.count, "held \(country)")
                #expect(heldPage.contains("Thai held") == ["", "TH"].contains(country) && heldPage.contains("Thai closed") == ["", "TH"].contains(country))
                #expect(heldPage.contains("Ministry held") == country.isEmpty)
                let trained = try Self.figure(home, "officials trained")
                let trainedPage = try await browser.get(trained.link).text
                let listed = trainedPage.matches(of: /data-trained="(\d+)"/).map { Int($0.output.1) ?? 0 }.reduce(0, +)
                #expect(listed == trained.value, "trained \(country)")
                if country == "TH" { #expect(trained.value >= 2) }
            }
            // A filter that is not a country code: a 400 problem, as the portal's own lists answer.
            #expect(try await browser.get("/centres?country=Thailand").status == .badRequest)
            #expect(try await browser.get("/training?country=T1").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func eventsTakingRegistrationsAreOpenNow(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an event open for registration until tomorrow, a draft and an event whose registration closed yesterday.
            let today = CalendarDay(app.clock.now())
            func event(_ title: String, state: EventState, closes: CalendarDay) async throws {
                let row = CentreEvent()
                row.id = UUID()
                row.centreID = nil
                row.apply(try EventDraft(type: "seminar", titleEn: title, titleKo: title, venue: "Hall", timeZone: "Asia/Seoul",
                                         firstDay: today.adding(days: 10).description, lastDay: today.adding(days: 10).description, slotTimes: ["10:00"],
                                         slotMinutes: 30, tables: 1, registrationOpens: today.adding(days: -5).description,
                                         registrationCloses: closes.description, capacity: 10, b2b: true).validated())
                row.state = state.rawValue
                row.sample = false
                try await row.create(on: app.db)
            }
            try await event("Open seminar", state: .open, closes: today.adding(days: 1))
            try await event("Draft seminar", state: .draft, closes: today.adding(days: 1))
            try await event("Closed seminar", state: .open, closes: today.adding(days: -1))
            // Act + check: "Open now" names the open one with its last day to register, in both languages.
            let english = try await Browser(app).get("/?lang=en").text
            #expect(english.contains("Open seminar</a>") && english.contains("registration until \(today.adding(days: 1))"))
            #expect(!english.contains("Draft seminar") && !english.contains("Closed seminar</a>"))
            #expect(try await Browser(app).get("/?lang=ko").text.contains("\(today.adding(days: 1))까지 참가 등록"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func trainingCohortsTakingApplicationsAreOpenNow(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: the clock inside one cohort's application window (to 2027-01-29), after another's (closed 2026-12-20).
            let fixture = try await TrainingFixture.make(app)
            var openBody = fixture.cohortBody()
            openBody["title"] = ["en": "Open cohort", "ko": "접수 중 기수"]
            var closedBody = fixture.cohortBody()
            closedBody["title"] = ["en": "Closed cohort", "ko": "마감 기수"]
            closedBody["applicationOpens"] = "2026-12-01"; closedBody["applicationDeadline"] = "2026-12-20"; closedBody["rankingDeadline"] = "2026-12-27"
            let created = try await fixture.send(.POST, "/api/v1/cohorts", openBody, by: fixture.officer)
            let closed = try await fixture.send(.POST, "/api/v1/cohorts", closedBody, by: fixture.officer)
            #expect(created.status == .created && closed.status == .created, "\(created.text) \(closed.text)")
            let open = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))

            // Act + check: "Open now" links the open cohort with its deadline, not the closed one, in both languages.
            let english = try await Browser(app).get("/?lang=en").text
            #expect(english.contains("<a href=\"\(TrainingURL.cohort(.value(open)).path)\">Open cohort</a>"))
            #expect(english.contains("training applications until 2027-01-29 (Asia/Bangkok)"))
            #expect(!english.contains("Closed cohort"))
            let korean = try await Browser(app).get("/?lang=ko").text
            #expect(korean.contains("접수 중 기수</a>") && korean.contains("2027-01-29 (Asia/Bangkok)까지 연수 신청") && !korean.contains("마감 기수"))
            // After the deadline it is no longer open.
            app.clock = .fixed(TrainingFixture.afterDeadline)
            #expect(!(try await Browser(app).get("/?lang=en").text.contains("Open cohort</a>")))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theEventCalendarHoldsThePublicEventsInTheirZonesAndFollowsTheCountry(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Act: the whole calendar, and Lao PDR's (no centre is hosted there).
            let all = try await Browser(app).get("/data/events.ics")
            #expect(all.status == .ok && all.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            let none = try await Browser(app).get("/data/events.ics?country=LA")
            #expect(try await Browser(app).get("/data/events.ics?country=Laos").status == .badRequest)
            // Check, with a real parser: every event past its draft, once, in its own zone; none for Lao PDR.
            let public_ = try await CentreEvent.query(on: app.db).filter(\.$state != "draft").all()
            if let calendar = try ICalendarReader.read(all.text), let empty = try ICalendarReader.read(none.text) {
                #expect(Set(calendar.events.map(\.uid)) == Set(public_.map { "event-\(UUIDText.string($0.storedID))@k-scon" }))
                #expect(calendar.events.allSatisfy { $0.tzid != nil && $0.start?.hasSuffix("Z") == true })
                #expect(empty.events.isEmpty)
            }
            #expect(try await Browser(app).get("/data?lang=ko").text.contains("/data/events.ics"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCityPageTellsItsStory(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a public project's city, an agreement of the test's own linked to it, an outcome counting the agreement.
            let fixture = try await AgreementsFixture.make(app)
            let projects = try await PortalProjects.load(PortalFilter(), on: app.db)
            let project = try #require(projects.first { !$0.sample } ?? projects.first)
            let agreement = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true, projects: [project.id])
            let hidden = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: false, projects: [project.id])
            let agreementID = try #require(agreement["id"] as? String)
            let outcome = try await fixture.send(.POST, "/api/v1/outcomes", [
                "type": "agreement", "state": "achieved", "date": "2026-03-10", "countries": [project.country],
                "title": ["en": "City MOU signed", "ko": "도시 협약 체결"], "linkKind": "agreement", "linkId": agreementID], by: fixture.officer)
            #expect(outcome.status == .created, "\(outcome.text)")

            // Act + check: the city's page lists the project, the public agreement and the outcome, not the restricted agreement.
            let page = try await Browser(app).get("/cities/\(UUIDText.string(project.cityID))?lang=en")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("This city&#39;s story") || html.contains("This city's story"))
            #expect(html.contains(ProjectURL.project(.value(project.id)).path))
            #expect(html.contains("/agreements/\(agreementID)"))
            #expect(!html.contains("/agreements/\(try #require(hidden["id"] as? String))"))
            #expect(html.contains("City MOU signed"))
            #expect(try await Browser(app).get("/cities/\(UUIDText.string(project.cityID))?lang=ko").text.contains("이 도시의 이야기"))
        }
    }
}
