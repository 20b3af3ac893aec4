import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A Thai city's organisation and a Korean company, a member of each, a stranger, and requests.
struct MarketplaceFixture: Sendable {
    let app: Application
    let city: UUID
    let cityOrg: UUID
    let company: UUID
    let cityMember: TestUser
    let companyMember: TestUser
    let stranger: TestUser

    static func make(_ app: Application) async throws -> MarketplaceFixture {
        let cityOrg = try await app.organisationID("sample-th-sukjai-municipality")
        let company = try await app.organisationID("sample-hanbit-mobility")
        let city = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Bangkok").first()?.id)
        return MarketplaceFixture(app: app, city: city, cityOrg: cityOrg, company: company,
                                  cityMember: try await app.member(of: cityOrg), companyMember: try await app.member(of: company),
                                  stranger: try await app.makeUser())
    }

    func challengeBody(_ changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["city": city.uuidString, "organisation": cityOrg.uuidString, "sectors": ["transport"], "language": "th",
                                   "title": "รถติดหนักบนถนนสายหลัก", "body": "ชั่วโมงเร่งด่วนรถติดยาวหลายกิโลเมตรบนถนนสายหลักของเมือง",
                                   "titleEn": "Heavy congestion on the main roads", "budgetMin": "1,000,000", "budgetMax": "5,000,000",
                                   "budgetCurrency": "THB"]
        for (key, value) in changes { body[key] = value }
        return body
    }

    func solutionBody(_ changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["organisation": company.uuidString, "sectors": ["transport", "digital"], "language": "en",
                                   "title": "Adaptive traffic signals for congested corridors",
                                   "body": "Signals that adapt to traffic measured by cameras cut waiting at junctions on main roads.",
                                   "readiness": "deployed", "languages": ["en", "th"], "references": [city.uuidString]]
        for (key, value) in changes { body[key] = value }
        return body
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, by user: TestUser?) async throws -> TestingHTTPResponse {
        var headers = user?.bearer ?? [:]
        if body != nil { headers = Body.jsonHeaders.adding(headers) }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: try body.map(Body.json)) { result = $0 }
        return try #require(result)
    }

    /// A published challenge and solution, by their organisations' members.
    func publishedPair() async throws -> (challenge: String, solution: String) {
        let challenge = try await send(.POST, "/api/v1/challenges", challengeBody(["publish": true]), by: cityMember)
        let solution = try await send(.POST, "/api/v1/solutions", solutionBody(["publish": true]), by: companyMember)
        #expect(challenge.status == .created && solution.status == .created)
        return (try #require(challenge.json["id"] as? String), try #require(solution.json["id"] as? String))
    }
}
