import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The app reads the time from its clock, so that a test can stand at any moment: the same
/// draft is submitted before the deadline and refused after it; a session ends when its days do.
@Suite struct ClockTests {
    @Test(arguments: TestDatabase.all)
    func theDeadlineIsTheClocksDeadline(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: two drafts in a call that closes on 2099-06-30 at 18:00 (Asia/Bangkok)
            let fixture = try await ProposalFixture.make(app)
            let late = try await fixture.draft()
            let early = try await fixture.draft()
            // act: a day after the deadline
            app.clock = .fixed(try #require(AuditChain.date("2100-01-02T00:00:00Z")))
            let refused = try await fixture.post("/api/v1/proposals/\(late)/submit", by: fixture.member)
            // check: refused as closed; back before the deadline the other one goes in
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("the call closed at 2099-06-30T18:00"))
            app.clock = .fixed(try #require(AuditChain.date("2099-06-01T00:00:00Z")))
            #expect(try await fixture.post("/api/v1/proposals/\(early)/submit", by: fixture.member).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aSessionEndsWhenItsDaysAreOver(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(try await app.makeUser())
            #expect(try await browser.get("/account").status == .ok)
            app.clock = .fixed(Date().addingTimeInterval(15 * 86_400))
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test func storesAndQueriesReadTheClockNotTheSystem() throws {
        var found: [String] = []
        for (path, text) in try ArchitectureTests.sources("Sources/SconServer") where path.contains("/Persistence/") || path.contains("/Pages/") || path.contains("/API/") {
            if text.contains("Date()") { found.append(path) }
        }
        #expect(found.isEmpty, "Date() instead of the app's clock in: \(found)")
    }
}
