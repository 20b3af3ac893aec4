import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct PeopleAndCityAPITests {
    /// A seeded sample organisation that has contact people.
    func organisationWithPeople(_ app: Application) async throws -> UUID {
        try #require(try await Person.query(on: app.db).first()?.organisationID)
    }

    @Test(arguments: TestDatabase.all)
    func contactDetailsAreForSignedInMembersOnly(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let organisation = try await organisationWithPeople(app)
            let reader = try await app.makeUser()
            try await app.testing().test(.GET, "/api/v1/organisations/\(organisation)/people") { response in
                let people = response.json["items"] as? [[String: Any]] ?? []
                #expect(!people.isEmpty)
                #expect(people.allSatisfy { $0["email"] is NSNull && $0["phone"] is NSNull && $0["name"] is String })
                #expect(!response.text.contains("@example.org"))
            }
            try await app.testing().test(.GET, "/api/v1/organisations/\(organisation)/people", headers: reader.bearer) { response in
                let people = response.json["items"] as? [[String: Any]] ?? []
                #expect(people.contains { ($0["email"] as? String)?.hasSuffix("@example.org") == true })
            }
            try await app.testing().test(.GET, "/api/v1/organisations/\(UUID())/people") { #expect($0.status == .notFound) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func membersKeepTheirContactsOthersCannot(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let member = try await app.member(of: busan)
            let outsider = try await app.member(of: try await app.organisationID("sejong"))
            var personID: String?
            try await app.testing().test(.POST, "/api/v1/organisations/\(busan)/people", headers: Body.jsonHeaders.adding(member.bearer),
                                         body: try Body.json(["name": "Kim Minji", "title": ["en": "Smart city team", "ko": "스마트시티팀"], "email": "minji@example.org"])) { response in
                #expect(response.status == .created)
                personID = response.json["id"] as? String
            }
            let id = try #require(personID)
            try await app.testing().test(.POST, "/api/v1/organisations/\(busan)/people", headers: Body.jsonHeaders.adding(member.bearer),
                                         body: try Body.json(["name": "", "email": "minji@", "phone": "call me"])) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(Set(response.problemFields) == ["name", "email", "phone"])
            }
            try await app.testing().test(.PATCH, "/api/v1/people/\(id)", headers: Body.jsonHeaders.adding(outsider.bearer), body: try Body.json(["name": "Mallory"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.DELETE, "/api/v1/people/\(id)", headers: outsider.bearer) { #expect($0.status == .forbidden) }
            try await app.testing().test(.POST, "/api/v1/organisations/\(busan)/people", headers: Body.jsonHeaders.adding(outsider.bearer), body: try Body.json(["name": "Mallory"])) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.PATCH, "/api/v1/people/\(id)", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(["phone": "+82 51 000 0000"])) { response in
                #expect(response.status == .ok)
                #expect(response.json["phone"] as? String == "+82 51 000 0000")
                #expect(response.json["email"] as? String == "minji@example.org")
            }
            #expect(try await Person.query(on: app.db).filter(\.$organisationID == busan).count() == 1)
            try await app.testing().test(.DELETE, "/api/v1/people/\(id)", headers: member.bearer) { #expect($0.status == .noContent) }
            #expect(try await Person.query(on: app.db).filter(\.$organisationID == busan).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheProgrammeOfficeAddsCities(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let member = try await app.member(of: try await app.organisationID("busan"))
            let before = try await app.count(City.self)
            let city: [String: Any] = ["name": ["en": "Luang Prabang", "ko": "루앙프라방"], "country": "LA", "latitude": 19.886, "longitude": 102.135]
            try await app.testing().test(.POST, "/api/v1/cities", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(city)) { #expect($0.status == .forbidden) }
            try await app.testing().test(.POST, "/api/v1/cities", headers: Body.jsonHeaders, body: try Body.json(city)) { #expect($0.status == .unauthorized) }
            var bad = city
            bad["latitude"] = 123.0
            try await app.testing().test(.POST, "/api/v1/cities", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(bad)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.problemFields == ["latitude"])
            }
            bad["latitude"] = "north"
            try await app.testing().test(.POST, "/api/v1/cities", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(bad)) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["latitude"])
            }
            #expect(try await app.count(City.self) == before)
            var id: String?
            try await app.testing().test(.POST, "/api/v1/cities", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(city)) { response in
                #expect(response.status == .created)
                #expect(response.json["kind"] as? String == "other")
                id = response.json["id"] as? String
            }
            try await app.testing().test(.PATCH, "/api/v1/cities/\(try #require(id))", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(["population": 55_000])) { response in
                #expect(response.status == .ok)
                #expect(response.json["population"] as? Int == 55_000)
            }
        }
    }
}
