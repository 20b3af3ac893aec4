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
    func contactDetailsAreForMembersPartnersAndTheOffice(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: an organisation with contacts, a stranger, a member, an officer, and a partner-to-be
            let organisation = try await organisationWithPeople(app)
            let path = "/api/v1/organisations/\(organisation)/people"
            let stranger = try await app.makeUser()
            let member = try await app.member(of: organisation)
            let officer = try await app.officer()
            let partnerOrganisation = try #require(try await Organisation.query(on: app.db).filter(\.$id != organisation).first()?.id)
            let partner = try await app.member(of: partnerOrganisation)
            func emails(_ headers: HTTPHeaders) async throws -> [String] {
                var found: [String] = []
                try await app.testing().test(.GET, path, headers: headers) { response in
                    let people = response.json["items"] as? [[String: Any]] ?? []
                    #expect(!people.isEmpty)
                    found = people.compactMap { $0["email"] as? String }
                }
                return found
            }
            // check: nobody outside sees them, signed in or not
            #expect(try await emails([:]).isEmpty)
            #expect(try await emails(stranger.bearer).isEmpty)
            #expect(try await emails(partner.bearer).isEmpty)
            #expect(try await !emails(member.bearer).isEmpty)
            #expect(try await !emails(officer.bearer).isEmpty)
            // act: both organisations take part in one project; check: the partner sees them now
            let project = try #require(try await Project.query(on: app.db).first()?.id)
            for (id, role) in [(organisation, "lead"), (partnerOrganisation, "partner")] {
                let row = ProjectParticipant()
                row.projectID = project; row.organisationID = id; row.role = role
                try await row.create(on: app.db)
            }
            #expect(try await !emails(partner.bearer).isEmpty)
            #expect(try await emails(stranger.bearer).isEmpty)
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
