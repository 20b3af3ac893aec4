import Fluent
import SconDomain
import SQLKit
import Vapor

/// `/api/v1` for the directory: countries, sectors, cities, organisations and their people.
struct DirectoryAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(DirectoryAPI.countries, use: countries)
        routes.get(DirectoryAPI.country(.key), use: country)
        routes.get(DirectoryAPI.sectors, use: sectors)
        routes.get(DirectoryAPI.cities, use: cities)
        signedIn.post(DirectoryAPI.cities, use: createCity)
        routes.get(DirectoryAPI.city(.key), use: city)
        signedIn.patch(DirectoryAPI.city(.key), use: updateCity)
        routes.get(DirectoryAPI.organisations, use: organisations)
        signedIn.post(DirectoryAPI.organisations, use: createOrganisation)
        routes.get(DirectoryAPI.organisation(.key), use: organisation)
        signedIn.patch(DirectoryAPI.organisation(.key), use: updateOrganisation)
        routes.get(DirectoryAPI.organisationPeople(.key), use: people)
        signedIn.post(DirectoryAPI.organisationPeople(.key), use: createPerson)
        signedIn.patch(DirectoryAPI.person(.key), use: updatePerson)
        signedIn.delete(DirectoryAPI.person(.key), use: deletePerson)
    }

    // MARK: Countries and sectors

    @Sendable func countries(_ req: Request) async throws -> ListResponse<CountryDTO> {
        ListResponse(items: try await CountryQuery(db: req.db).all(), nextCursor: nil)
    }

    @Sendable func country(_ req: Request) async throws -> CountryDTO {
        guard let code = CountryCode(req.parameter(.code)) else {
            throw Abort(.badRequest, reason: "code must be an ISO 3166-1 alpha-2 code.")
        }
        guard let country = try await CountryQuery(db: req.db).find(code) else { throw DomainError.notFound("country") }
        return country
    }

    struct SectorInfo: Content { var code: String; var name: LocalizedText }
    struct SectorList: Content { var items: [SectorInfo] }

    @Sendable func sectors(_ req: Request) async throws -> SectorList {
        SectorList(items: Sector.allCases.map {
            SectorInfo(code: $0.rawValue, name: LocalizedText(en: Strings.english["sector.\($0.rawValue)"], ko: Strings.korean["sector.\($0.rawValue)"]))
        })
    }

    // MARK: Cities

    @Sendable func cities(_ req: Request) async throws -> ListResponse<CityDTO> {
        let filter = try CityFilter.parse(country: req.queryItem("country"), kind: req.queryItem("kind"), query: req.queryItem("q"))
        let page = try await CityQuery(rows: req.rows).page(filter, try req.pageQuery())
        return ListResponse(items: page.items, nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func city(_ req: Request) async throws -> CityDTO {
        guard let city = try await CityQuery(rows: req.rows).find(try req.uuid()) else { throw DomainError.notFound("city") }
        return city
    }

    @Sendable func createCity(_ req: Request) async throws -> Response {
        try req.principal.require(DirectoryAccess.allows(req.principal, .editCities), "add cities")
        let input = try req.decodeJSON(CityInput.self)
        let city = try await CityStore(db: req.db).create(input.applied(to: CityDraft()), by: req.principal)
        return req.created(city, at: DirectoryAPI.city(.value(city.id)))
    }

    @Sendable func updateCity(_ req: Request) async throws -> CityDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(CityInput.self)
        return try await CityStore(db: req.db).update(id, by: req.principal) { input.applied(to: $0) }
    }

    // MARK: Organisations

    @Sendable func organisations(_ req: Request) async throws -> ListResponse<OrganisationDTO> {
        let filter = try OrganisationFilter.parse(type: req.queryItem("type"), country: req.queryItem("country"), sector: req.queryItem("sector"),
                                                  query: req.queryItem("q"), sample: req.queryItem("sample"))
        let page = try await OrganisationQuery(rows: req.rows).page(filter, try req.pageQuery())
        return ListResponse(items: page.items, nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func organisation(_ req: Request) async throws -> OrganisationDTO {
        guard let organisation = try await OrganisationQuery(rows: req.rows).find(try req.uuid()) else {
            throw DomainError.notFound("organisation")
        }
        return organisation
    }

    @Sendable func createOrganisation(_ req: Request) async throws -> Response {
        try req.principal.require(DirectoryAccess.allows(req.principal, .createOrganisation), "create organisations")
        let input = try req.decodeJSON(OrganisationInput.self)
        let organisation = try await OrganisationStore(db: req.db).create(input.draft, by: req.principal)
        return req.created(organisation, at: DirectoryAPI.organisation(.value(organisation.id)))
    }

    @Sendable func updateOrganisation(_ req: Request) async throws -> OrganisationDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(OrganisationInput.self)
        return try await OrganisationStore(db: req.db).update(id, by: req.principal) { input.applied(to: $0) }
    }

    // MARK: People

    @Sendable func people(_ req: Request) async throws -> ListResponse<PersonDTO> {
        let id = try req.uuid()
        guard try await Organisation.find(id, on: req.db) != nil else { throw DomainError.notFound("organisation") }
        let people = try await PersonQuery(db: req.db).of(organisation: id, showContactDetails: try await ContactVisibility.allows(req.principal, organisation: id, on: req.db))
        return ListResponse(items: people, nextCursor: nil)
    }

    @Sendable func createPerson(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(PersonInput.self)
        let person = try await PersonStore(db: req.db).create(in: id, input.applied(to: PersonDraft()), by: req.principal)
        return req.created(person, at: DirectoryAPI.organisationPeople(.value(id)))
    }

    @Sendable func updatePerson(_ req: Request) async throws -> PersonDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(PersonInput.self)
        return try await PersonStore(db: req.db).update(id, by: req.principal) { input.applied(to: $0) }
    }

    @Sendable func deletePerson(_ req: Request) async throws -> HTTPStatus {
        try await PersonStore(db: req.db).delete(try req.uuid(), by: req.principal)
        return .noContent
    }
}

extension Request {
    /// Writes need a signed-in caller: 401 comes before looking the object up.
    var sql: any SQLDatabase { db as! any SQLDatabase }
}
