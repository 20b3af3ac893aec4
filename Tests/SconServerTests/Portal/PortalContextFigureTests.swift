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
            #expect(english.contains("<a href=\"/centres\"><strong>\(held)</strong> events held"))
            #expect(english.contains("<a href=\"/training\"><strong>\(trained)</strong> officials trained"))
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
