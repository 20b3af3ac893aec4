import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct DirectoryReadAPITests {
    @Test(arguments: TestDatabase.all)
    func countriesListAseanMembersThenKorea(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // MUT
            try await app.testing().test(.GET, "/api/v1/countries") { response in
                // validate
                #expect(response.status == .ok)
                let items = try #require(response.json["items"] as? [[String: Any]])
                #expect(items.count == 11)
                #expect(items.last?["code"] as? String == "KR")
                #expect(items.first?["code"] as? String == "BN")
                #expect((items.first?["name"] as? [String: String])?["ko"] == "브루나이")
                #expect(response.json.keys.contains("nextCursor"))
            }
            try await app.testing().test(.GET, "/api/v1/countries/th") { response in
                #expect(response.status == .ok)
                #expect(response.json["currency"] as? String == "THB")
                #expect(response.json["timeZones"] as? [String] == ["Asia/Bangkok"])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func badAndUnknownCountryCodes(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.testing().test(.GET, "/api/v1/countries/THA") { response in
                #expect(response.status == .badRequest)
                #expect(response.headers.contentType?.subType == "problem+json")
            }
            try await app.testing().test(.GET, "/api/v1/countries/FR") { response in
                #expect(response.status == .notFound)
                #expect(response.json["status"] as? Int == 404)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func organisationPagesWalkEveryRowExactlyOnce(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let total = try await app.count(Organisation.self)
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "/api/v1/organisations?limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .ok)
                    let items = response.json["items"] as? [[String: Any]] ?? []
                    #expect(items.count <= 7)
                    seen += items.compactMap { $0["id"] as? String }
                    cursor = response.json["nextCursor"] as? String
                }
                pages += 1
            } while cursor != nil && pages < 20
            #expect(seen.count == total)
            #expect(Set(seen).count == total)
            #expect(pages == (total + 6) / 7)
        }
    }

    @Test(arguments: TestDatabase.all)
    func organisationFiltersAndBilingualSearch(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            func names(_ query: String) async throws -> [String] {
                var names: [String] = []
                try await app.testing().test(.GET, "/api/v1/organisations?" + query) { response in
                    #expect(response.status == .ok)
                    names = (response.json["items"] as? [[String: Any]] ?? []).compactMap { ($0["name"] as? [String: String])?["en"] }
                }
                return names
            }
            #expect(try await names("q=%EA%B5%AD%ED%86%A0%EA%B5%90%ED%86%B5%EB%B6%80") == ["Ministry of Land, Infrastructure and Transport"]) // 국토교통부
            #expect(try await names("q=molit") == ["Ministry of Land, Infrastructure and Transport"])
            #expect(try await names("q=MINISTRY%20OF%20land").count == 1)
            #expect(try await names("q=%25").isEmpty) // a literal % matches nothing, not everything
            let ministries = try await names("type=ministry&country=KR")
            #expect(Set(ministries).isSuperset(of: ["Ministry of Foreign Affairs", "Ministry of Land, Infrastructure and Transport"]))
            let water = try await names("sector=water&sample=false")
            #expect(water == ["Ministry of Land, Infrastructure and Transport"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func badListParametersAre400NamingTheParameter(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for (query, field) in [("type=bank", "type"), ("limit=0", "limit"), ("limit=abc", "limit"), ("cursor=xyz", "cursor"),
                                   ("sector=space", "sector"), ("country=Korea", "country"), ("sample=maybe", "sample")] {
                try await app.testing().test(.GET, "/api/v1/organisations?\(query)") { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.problemFields == [field], "\(query)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/cities?kind=village") { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["kind"])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func citiesByCountryAndById(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var danang: String?
            try await app.testing().test(.GET, "/api/v1/cities?country=VN") { response in
                let items = response.json["items"] as? [[String: Any]] ?? []
                #expect(Set(items.compactMap { ($0["name"] as? [String: String])?["en"] }) == ["Da Nang", "Hanoi", "Ho Chi Minh City"])
                danang = items.first { ($0["name"] as? [String: String])?["en"] == "Da Nang" }?["id"] as? String
            }
            try await app.testing().test(.GET, "/api/v1/cities/\(try #require(danang))") { response in
                #expect(response.status == .ok)
                #expect(response.json["kind"] as? String == "ascn-pilot")
                #expect(response.json["geonamesId"] as? Int != nil)
            }
            try await app.testing().test(.GET, "/api/v1/cities?kind=ascn-pilot&limit=100") { response in
                #expect((response.json["items"] as? [Any])?.count == 26)
            }
            try await app.testing().test(.GET, "/api/v1/cities/not-a-uuid") { #expect($0.status == .badRequest) }
            try await app.testing().test(.GET, "/api/v1/cities/\(UUID())") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/sectors") { response in
                #expect((response.json["items"] as? [Any])?.count == 10)
            }
        }
    }
}
