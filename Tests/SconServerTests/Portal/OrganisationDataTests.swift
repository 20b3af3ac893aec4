import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The organisations directory as open data (issue 11): every page of `/organisations` with
/// the same filter, as CSV and JSON, linked from the list and the catalogue.
@Suite struct OrganisationDataTests {
    /// Every organisation the list shows for a filter, following its pages.
    static func listed(_ app: Application, _ query: String) async throws -> [String] {
        var ids: [String] = []
        var path = "/api/v1/organisations?limit=100" + (query.isEmpty ? "" : "&" + query)
        while true {
            let page = try await Browser(app).get(path)
            #expect(page.status == .ok)
            ids += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            guard let next = page.json["nextCursor"] as? String else { return ids }
            path = "/api/v1/organisations?limit=100&cursor=\(next)" + (query.isEmpty ? "" : "&" + query)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFilesHoldEveryPageOfTheFilteredList(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for query in ["", "type=ministry", "country=TH", "sector=water", "country=KR&type=public-institution", "q=seoul"] {
                // Action: the list's own answer, and the two files with the same filter.
                let expected = try await Self.listed(app, query)
                let csv = try await Browser(app).get("/data/organisations.csv" + (query.isEmpty ? "" : "?" + query))
                let json = try await Browser(app).get("/data/organisations.json" + (query.isEmpty ? "" : "?" + query))
                // Check: the same organisations in the same order, the BOM and the documented columns.
                #expect(csv.status == .ok && json.status == .ok)
                #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
                let table = try CSVTable(parsing: String(csv.text.dropFirst()))
                #expect(table.header == PortalDataset.organisations.columns)
                #expect(table.records.compactMap { $0["id"] } == expected, "\(query)")
                #expect((json.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } == expected, "\(query)")
            }
            #expect(try await Self.listed(app, "").count == (try await Organisation.query(on: app.db).count()))
            // A 304 on a matching ETag; a bad filter is a 400 problem.
            let first = try await Browser(app).get("/data/organisations.csv?type=ministry")
            let etag = try #require(first.headers.first(name: .eTag))
            var again: TestingHTTPResponse?
            try await app.testing().test(.GET, "/data/organisations.csv?type=ministry", headers: ["If-None-Match": etag]) { again = $0 }
            #expect(again?.status == .notModified)
            #expect(try await Browser(app).get("/data/organisations.json?type=spaceship").status == .badRequest)
            // The list links its files with its filter; the catalogue lists the dataset.
            let page = try await Browser(app).get("/organisations?type=ministry&lang=en")
            #expect(page.text.contains("href=\"/data/organisations.csv?type=ministry\""))
            #expect(try await Browser(app).get("/data?lang=ko").text.contains("/data/organisations.json"))
        }
    }
}
