import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct MarketplaceImportTests {
    @Test(arguments: TestDatabase.all)
    func importingTheSameRefAgainUpdatesIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let importer = MarketplaceImport(db: app.db, audit: app.auditLog)
            let first = """
            {"ref": "c001", "kind": "challenge", "lang": "lo", "title": "ນ້ຳຖ້ວມຂັງ", "body": "ນ້ຳຖ້ວມຂັງໃນເມືອງທຸກປີ", "country": "LA", "sectors": ["water"]}
            {"ref": "s001", "kind": "solution", "lang": "en", "title": "Flood sensors", "body": "River level sensors with alerts.", "country": "LA", "sectors": ["water", "digital"]}
            """
            #expect(try await importer.run(Data(first.utf8)) == .init(created: 2, updated: 0))
            let again = first.replacingOccurrences(of: "Flood sensors", with: "River flood sensors")
            #expect(try await importer.run(Data(again.utf8)) == .init(created: 0, updated: 2))
            let solution = try #require(try await Solution.query(on: app.db).filter(\.$externalRef == "s001").first())
            #expect(solution.title == "River flood sensors")
            #expect(solution.status == "published")
            // One placeholder organisation for Laos, marked as imported.
            let owners = try await Organisation.query(on: app.db).filter(\.$seedKey == "imported:LA").all()
            #expect(owners.count == 1)
            #expect(owners.first?.source == "scon import marketplace")
            #expect(solution.organisationID == owners.first?.id)
            // Found by the search, with its external reference.
            var result: TestingHTTPResponse?
            try await app.testing().test(.GET, "/api/v1/search?q=river%20flood&kind=solution") { result = $0 }
            #expect(SearchAPITests.refs(try #require(result)) == ["s001"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadLineRefusesTheWholeFileNamingLineAndField(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let before = (try await app.count(Challenge.self), try await app.count(Solution.self), try await app.count(Organisation.self))
            let file = """
            {"ref": "c1", "kind": "challenge", "lang": "th", "title": "ok", "body": "ok", "country": "TH", "sectors": ["water"]}

            {"ref": "c2", "kind": "challenge", "lang": "xx", "title": "bad", "body": "bad", "country": "TH", "sectors": ["water"]}
            {"ref": "c3", "kind": "challenge", "lang": "th", "title": "bad", "body": "bad", "country": "US", "sectors": ["water"]}
            not json
            {"ref": "c1", "kind": "solution", "lang": "th", "title": "dup", "body": "dup", "country": "TH", "sectors": []}
            """
            do {
                _ = try await MarketplaceImport(db: app.db, audit: app.auditLog).run(Data(file.utf8))
                Issue.record("the file was accepted")
            } catch DomainError.invalid(let issues) {
                #expect(issues.map(\.field) == ["lines[3].lang", "lines[4].country", "lines[5]", "lines[6].ref"])
            }
            #expect(try await app.count(Challenge.self) == before.0)
            #expect(try await app.count(Solution.self) == before.1)
            #expect(try await app.count(Organisation.self) == before.2)
            // Not UTF-8 at all.
            await #expect(throws: DomainError.self) { try await MarketplaceImport(db: app.db, audit: app.auditLog).run(Data([0xFF, 0xFE, 0x00])) }
        }
    }
}
