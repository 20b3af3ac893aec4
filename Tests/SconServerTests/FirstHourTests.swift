import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// What people met in their first hour (issue 14), each with its test.
@Suite struct FirstHourTests {
    @Test(arguments: TestDatabase.all)
    func theFundPageLinksOpenDataOnlyWhenThereIsSomethingToPublish(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: the demo data's projects are all samples.
            let page = try await Browser(app).get("/fund?lang=en")
            // Check: no link to a file that does not exist, a sentence instead.
            #expect(page.status == .ok)
            #expect(!page.text.contains("/api/v1/export/iati.xml"))
            #expect(page.text.contains("nothing to publish yet"))
            // A project that is not sample data and is public: the link is there, and it works.
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            project.sample = false
            try await project.save(on: app.db)
            let published = try await Browser(app).get("/fund?lang=ko")
            #expect(published.text.contains("/api/v1/export/iati.xml"))
            #expect(try await Browser(app).get("/api/v1/export/iati.xml").status == .ok)
        }
    }
}
