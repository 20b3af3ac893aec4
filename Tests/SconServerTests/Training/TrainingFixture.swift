import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A programme of its own, an officer, and requests on the training API.
struct TrainingFixture: Sendable {
    let app: Application
    let officer: TestUser
    let programme: UUID

    /// Inside the application window of `cohortBody` (2027-01-04 to the end of 2027-01-29, Asia/Bangkok).
    static let duringApplications = AuditChain.date("2027-01-10T03:00:00Z")!
    /// After the application deadline: 2027-01-29 ends at 17:00 UTC in Bangkok.
    static let afterDeadline = AuditChain.date("2027-01-29T17:00:00Z")!

    static func make(_ app: Application) async throws -> TrainingFixture {
        app.clock = .fixed(duringApplications)
        let programme = TrainingProgramme()
        programme.id = UUID()
        programme.code = "TEST-\(UUID().uuidString.prefix(6))"
        programme.titleEn = "Test programme"; programme.titleKo = "시험 과정"
        programme.descriptionEn = "For tests."; programme.descriptionKo = "시험용."
        programme.topics = "ict"; programme.format = "online"; programme.languages = "en"; programme.lengthDays = 5
        programme.hostEn = "Host"; programme.hostKo = "주관"
        programme.sample = false
        try await programme.create(on: app.db)
        return TrainingFixture(app: app, officer: try await app.officer(), programme: try programme.requireID())
    }

    func cohortBody(capacity: Int = 4, atMost: Int = 2, sessionDay: String = "2027-03-08", code: String = "TEST-\(UUID().uuidString.prefix(8))") -> [String: Any] {
        ["programme": programme.uuidString, "code": code,
         "title": ["en": "Test cohort", "ko": "시험 기수"], "venueTimeZone": "Asia/Seoul",
         "startDay": "2027-03-08", "endDay": "2027-03-12", "capacity": capacity, "quota": ["atMost": atMost],
         "applicationOpens": "2027-01-04", "applicationDeadline": "2027-01-29", "rankingDeadline": "2027-02-05", "applicationTimeZone": "Asia/Bangkok",
         "sessions": [["day": sessionDay, "starts": "09:30", "ends": "12:00", "topic": ["en": "Opening", "ko": "개강"], "venue": ["en": "Sejong", "ko": "세종"]]]]
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, by user: TestUser?) async throws -> TestingHTTPResponse {
        let headers = Body.jsonHeaders.adding(user?.bearer ?? [:])
        var result: TestingHTTPResponse?
        if let body {
            try await app.testing().test(method, path, headers: headers, body: try Body.json(body)) { result = $0 }
        } else {
            try await app.testing().test(method, path, headers: user?.bearer ?? [:]) { result = $0 }
        }
        return try #require(result)
    }

    func createCohort(capacity: Int = 4, atMost: Int = 2) async throws -> UUID {
        let response = try await send(.POST, "/api/v1/cohorts", cohortBody(capacity: capacity, atMost: atMost), by: officer)
        #expect(response.status == .created, "\(response.text)")
        return try #require(UUID(uuidString: response.json["id"] as? String ?? ""))
    }

    /// An official who is a member of a seeded government organisation.
    func official(of organisationKey: String) async throws -> (user: TestUser, organisation: UUID) {
        let organisation = try await app.organisationID(organisationKey)
        return (try await app.member(of: organisation), organisation)
    }

    func focalPoint(_ country: String) async throws -> TestUser {
        try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode(country)!))])
    }

    func applicationBody(_ organisation: UUID) -> [String: Any] {
        ["organisation": organisation.uuidString, "level": "national", "motivation": "To learn smart-city planning.", "actionPlanIdea": "A traffic data centre."]
    }

    /// Applies, is nominated by a colleague and returns the application's id.
    func nominee(_ organisationKey: String, cohort: UUID) async throws -> UUID {
        let (user, organisation) = try await official(of: organisationKey)
        let applied = try await send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", applicationBody(organisation), by: user)
        #expect(applied.status == .created, "\(applied.text)")
        let id = try #require(UUID(uuidString: applied.json["id"] as? String ?? ""))
        let colleague = try await app.member(of: organisation)
        let nominated = try await send(.POST, "/api/v1/training-applications/\(id.uuidString)/nomination", by: colleague)
        #expect(nominated.status == .ok, "\(nominated.text)")
        return id
    }

    /// The completed sample cohort of the demo data and its certificates' codes.
    func sampleCertificates() async throws -> (cohort: UUID, codes: [String]) {
        let cohort = try #require(try await TrainingCohort.query(on: app.db).filter(\.$code == "SAMPLE-TR-2026-10").first()?.id)
        let listed = try await send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/certificates", by: officer)
        #expect(listed.status == .ok)
        let codes = (listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        return (cohort, codes)
    }
}
