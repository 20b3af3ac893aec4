import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct SQLiteReadersTests {
    @Test func listsAreReadThroughReadOnlyConnectionsThatSeeEveryCommittedWrite() async throws {
        try await withTestApp(.sqlite) { app in
            let officer = try await app.officer()
            var organisation = OrganisationWriteAPITests.valid
            organisation["name"] = ["en": "Readers Probe Ltd.", "ko": "리더 검사"]
            try await app.testing().test(.GET, "/api/v1/organisations?q=probe") { response in
                #expect((response.json["items"] as? [Any])?.isEmpty == true)
            }
            let readers = try #require(app.storage[SQLiteReadersKey.self], "a booted app on an SQLite file reads through its readers")
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer),
                                         body: try Body.json(organisation)) { response in
                #expect(response.status == .created)
            }
            // Written through the pool, read at once through a reader.
            try await app.testing().test(.GET, "/api/v1/organisations?q=probe") { response in
                let items = response.json["items"] as? [[String: Any]]
                #expect(items?.count == 1)
                #expect((items?.first?["name"] as? [String: String])?["en"] == "Readers Probe Ltd.")
            }
            // The readers cannot write.
            let reader = readers.reader(for: app.eventLoopGroup.any())
            #expect(throws: SQLiteReadError.self) { _ = try reader.query("DELETE FROM organisations", []) { _ in 0 } }
            #expect(try await app.count(Organisation.self) > 1)
        }
    }
}
