import Fluent
import Foundation
import SconDomain
import SQLKit
import Testing
import VaporTesting
@testable import SconServer

@Suite struct SearchAPITests {
    static let lines = """
    {"ref": "t-ko", "kind": "challenge", "lang": "ko", "title": "도심 주차난", "body": "스마트주차시스템을 도입해 불법 주차를 줄이고 싶습니다.", "country": "KR", "sectors": ["transport"]}
    {"ref": "t-vi", "kind": "challenge", "lang": "vi", "title": "Ngập lụt đô thị", "body": "Mưa lớn gây ngập lụt nhiều tuyến phố mỗi mùa mưa.", "country": "VN", "sectors": ["water"]}
    {"ref": "t-id", "kind": "solution", "lang": "id", "title": "Pengelolaan persampahan kota", "body": "Layanan pengangkutan sampah terjadwal dengan aplikasi.", "country": "ID", "sectors": ["environment"]}
    {"ref": "t-th", "kind": "challenge", "lang": "th", "title": "น้ำท่วมขังในเมือง", "body": "ฝนตกหนักทำให้น้ำท่วมถนนหลายสาย", "country": "TH", "sectors": ["water"]}
    """

    static func search(_ app: Application, _ query: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, "/api/v1/search?" + query) { result = $0 }
        return try #require(result)
    }

    static func refs(_ response: TestingHTTPResponse) -> [String] {
        ((response.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["externalRef"] as? String }
    }

    @Test(arguments: TestDatabase.all)
    func findsWordsInsideCompoundsWithoutDiacriticsAndAcrossLanguages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await MarketplaceImport(db: app.db, audit: app.auditLog).run(Data(Self.lines.utf8))
            func q(_ text: String) -> String { "q=" + text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&limit=10" }
            // 주차 inside 스마트주차시스템을; ngap lut without diacritics; the root sampah in persampahan.
            #expect(Self.refs(try await Self.search(app, q("주차"))).first == "t-ko")
            #expect(Self.refs(try await Self.search(app, q("ngap lut"))).first == "t-vi")
            #expect(Self.refs(try await Self.search(app, q("sampah"))).first == "t-id")
            // A Korean query about floods finds the Thai and the Vietnamese challenge about floods.
            let flood = Self.refs(try await Self.search(app, q("홍수")))
            #expect(flood.contains("t-th") && flood.contains("t-vi"))
            // The contract's shape: kind, id, externalRef, title, score, highlight, best first.
            let response = try await Self.search(app, q("주차") + "&kind=challenge")
            let first = try #require((response.json["items"] as? [[String: Any]])?.first)
            #expect(first["kind"] as? String == "challenge")
            #expect((first["highlight"] as? String)?.contains("«") == true)
            #expect((first["score"] as? Double ?? 0) > 0)
            #expect(response.json.keys.contains("nextCursor"))
            // Facets narrow: no Thai entry among the Vietnamese ones.
            #expect(!Self.refs(try await Self.search(app, q("홍수") + "&country=VN")).contains("t-th"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func highlightsComeFromTheStoredSpansAndEntriesWithoutThemAreStillHighlighted(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: entries indexed now keep where their terms are.
            _ = try await MarketplaceImport(db: app.db, audit: app.auditLog).run(Data(Self.lines.utf8))
            let sql = app.db as! any SQLDatabase
            struct Count: Decodable { var count: Int }
            let without = try await sql.raw("SELECT count(*) AS count FROM search_entries WHERE body_spans IS NULL OR title_spans IS NULL")
                .first(decoding: Count.self)?.count
            #expect(without == 0)
            let queries = ["q=%EC%A3%BC%EC%B0%A8", "q=ngap%20lut", "q=sampah", "q=%EB%82%99%ED%95%98%20flood"]
            var fromSpans: [[String]] = []
            for query in queries { fromSpans.append(Self.highlights(try await Self.search(app, query))) }
            #expect(fromSpans[0].first == "스마트«주차»시스템을 도입해 불법 «주차»를 줄이고 싶습니다.")
            // Action: an index made before spans were kept (the columns empty).
            try await sql.raw("UPDATE search_entries SET title_spans = NULL, body_spans = NULL").run()
            // Check: the same highlights, made by analysing the texts.
            for (index, query) in queries.enumerated() { #expect(Self.highlights(try await Self.search(app, query)) == fromSpans[index]) }
        }
    }

    static func highlights(_ response: TestingHTTPResponse) -> [String] {
        ((response.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["highlight"] as? String }
    }

    @Test(arguments: TestDatabase.all)
    func pagesFollowTheRanking(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await MarketplaceImport(db: app.db, audit: app.auditLog).run(Data(Self.lines.utf8))
            let first = try await Self.search(app, "q=flood&limit=1")
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await Self.search(app, "q=flood&limit=1&cursor=\(cursor)")
            #expect(second.status == .ok)
            #expect(Self.refs(first) != Self.refs(second) || (first.json["items"] as? [[String: Any]])?.first?["id"] as? String != (second.json["items"] as? [[String: Any]])?.first?["id"] as? String)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badQueriesAreRefusedClearly(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let long = try await Self.search(app, "q=" + String(repeating: "a", count: 10_000))
            #expect(long.status == .badRequest)
            #expect(long.problemFields == ["q"])
            #expect(long.headers.contentType?.description.contains("problem+json") == true)
            #expect(try await Self.search(app, "q=%FF%FE").status == .badRequest)
            #expect(try await Self.search(app, "q=water&kind=secret").status == .badRequest)
            #expect(try await Self.search(app, "q=water&cursor=nonsense").status == .badRequest)
            // Nothing typed: no results, not an error.
            let empty = try await Self.search(app, "q=%20%20")
            #expect(empty.status == .ok)
            #expect(Self.refs(empty).isEmpty)
        }
    }
}
