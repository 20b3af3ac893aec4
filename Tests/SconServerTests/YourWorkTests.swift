import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Each role's home (`/home`, issue 14 item 8): where signing in leads, what is due, what the
/// person owns and the next actions, in both languages; nobody sees another role's cards.
@Suite struct YourWorkTests {
    @Test(arguments: TestDatabase.all)
    func signingInLeadsToTheHomeOfEachRole(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an applicant with a draft in an open call, a reviewer, an officer, a fund
            // manager, a focal point, centre staff, and someone with no role.
            let fixture = try await ProposalFixture.make(app)
            let draft = try await fixture.draft()
            let reviewer = try await app.makeUser(grants: [Grant(role: .reviewer, scope: .global)])
            let fund = try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)])
            let focal = try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])
            let centre = try #require(try await Centre.query(on: app.db).first())
            let staff = try await app.makeUser(grants: [Grant(role: .centreStaff, scope: .centre(centre.storedID.uuidString.lowercased()))])
            let newcomer = try await app.makeUser()

            // Action: sign in without a page to go back to.
            let browser = Browser(app)
            let signedIn = try await browser.post("/signin", form: [("email", newcomer.email), ("password", newcomer.password)])
            // Check: the home, with the way to start for someone without a role.
            #expect(signedIn.headers.first(name: .location) == "/home")
            let start = try await browser.get("/home?lang=en")
            #expect(start.status == .ok)
            #expect(start.text.contains("Getting started") && start.text.contains("href=\"/account/organisations#join\""))
            #expect(!start.text.contains("My proposals") && !start.text.contains("Bookings"))

            func home(_ user: TestUser, _ language: String = "en") async throws -> String {
                let browser = Browser(app)
                try await browser.signIn(user)
                let page = try await browser.get("/home?lang=\(language)")
                #expect(page.status == .ok)
                return page.text
            }
            // The applicant: their draft, and a button to start a proposal in the open call.
            let applicant = try await home(fixture.member)
            #expect(applicant.contains("My proposals") && applicant.contains("href=\"/proposals/\(draft)\""))
            #expect(applicant.contains("href=\"/calls/\(fixture.callID)/proposals/new\""))
            #expect(!applicant.contains("Calls running") && !applicant.contains("Bookings"))
            #expect(try await home(fixture.member, "ko").contains("내 제안서"))
            // The officer: the calls running with what they received, and "New call".
            let officer = try await home(fixture.officer)
            #expect(officer.contains("Calls running") && officer.contains("href=\"/calls/new\""))
            // The reviewer: reviews to do and done, and the profile.
            let reviews = try await home(reviewer)
            #expect(reviews.contains("Your reviews") && reviews.contains("href=\"/reviews?state=pending\"") && reviews.contains("href=\"/account/reviewer\""))
            #expect(!reviews.contains("Calls running"))
            // The fund manager: the projects money can be booked on, each at its bookings.
            let booking = try await home(fund)
            #expect(booking.contains("Bookings") && booking.contains("#finance\"") && booking.contains("href=\"/fund\""))
            #expect(try await home(fund, "ko").contains("예산 집행 기록"))
            // The focal point: the call's endorsement page for their country.
            #expect(try await home(focal).contains("href=\"/calls/\(fixture.callID)/endorsements/TH\""))
            // The centre's staff: their centre.
            let centreHome = try await home(staff)
            #expect(centreHome.contains("Your centre") && centreHome.contains("href=\"/centres/\(centre.storedID.uuidString.lowercased())\""))
            #expect(!centreHome.contains("Bookings"))

            // A visitor is sent to sign in.
            let visitor = try await Browser(app).get("/home")
            #expect(visitor.status == .seeOther && visitor.headers.first(name: .location)?.hasPrefix("/signin") == true)
        }
    }
}
