import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct OrganisationWriteAPITests {
    static var valid: [String: Any] { [
        "name": ["en": "Sample Mekong Water Co.", "ko": "(샘플) 메콩워터"], "type": "company", "country": "VN",
        "sectors": ["water"], "website": "https://example.org", "description": ["en": "Water meters.", "ko": "수도 계량기."],
    ] }

    @Test(arguments: TestDatabase.all)
    func officerCreatesAndEveryoneReadsIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let officer = try await app.officer()
            var location: String?
            // MUT
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(Self.valid)) { response in
                // validate
                #expect(response.status == .created)
                #expect(response.json["sample"] as? Bool == false)
                #expect(response.json["acronym"] is NSNull)
                location = response.headers.first(name: .location)
            }
            try await app.testing().test(.GET, try #require(location)) { response in
                #expect(response.status == .ok)
                #expect((response.json["name"] as? [String: String])?["ko"] == "(샘플) 메콩워터")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedNamingTheFieldsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let before = try await app.count(Organisation.self)
            var invalid = Self.valid
            invalid["country"] = "FR"
            invalid["name"] = ["en": "", "ko": "x"]
            invalid["sectors"] = ["water", "space"]
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(invalid)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.headers.contentType?.subType == "problem+json")
                #expect(Set(response.problemFields) == ["country", "name.en", "sectors[1]"])
            }
            var unknown = Self.valid
            unknown["owner"] = "me"
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(unknown)) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["owner"])
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: HTTPHeaders([("Content-Type", "text/plain")]).adding(officer.bearer), body: ByteBuffer(string: "hi")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            var huge = Self.valid
            huge["description"] = ["en": String(repeating: "a", count: 400_000), "ko": ""]
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(huge)) { response in
                #expect(response.status == .payloadTooLarge)
                #expect(response.json["status"] as? Int == 413)
            }
            #expect(try await app.count(Organisation.self) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func wrongUsersCannotCreateOrEdit(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let molit = try await app.organisationID("molit")
            let outsider = try await app.member(of: try await app.organisationID("busan"))
            let before = try await app.count(Organisation.self)
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders, body: try Body.json(Self.valid)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.first(name: .wwwAuthenticate) != nil)
            }
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(outsider.bearer), body: try Body.json(Self.valid)) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(molit)", headers: Body.jsonHeaders.adding(outsider.bearer), body: try Body.json(["acronym": "HACK"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.GET, "/api/v1/organisations/\(molit)") { response in
                #expect(response.json["acronym"] as? String == "MOLIT")
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(molit)", headers: Body.jsonHeaders.adding(["Authorization": "Bearer scon_forged"]), body: try Body.json(["acronym": "HACK"])) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try await app.count(Organisation.self) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func membersPatchOnlyTheFieldsTheySend(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let member = try await app.member(of: busan)
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(busan)", headers: Body.jsonHeaders.adding(member.bearer),
                                         body: try Body.json(["sectors": ["water", "transport"], "acronym": "BMC"])) { response in
                #expect(response.status == .ok)
                #expect(response.json["sectors"] as? [String] == ["water", "transport"])
                #expect(response.json["acronym"] as? String == "BMC")
                #expect((response.json["name"] as? [String: String])?["en"] == "Busan Metropolitan City")
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(busan)", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(["acronym": NSNull()])) { response in
                #expect(response.json["acronym"] is NSNull)
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(UUID())", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(["acronym": "X"])) { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.PATCH, "/api/v1/organisations/\(busan)", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json([:] as [String: Any])) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
