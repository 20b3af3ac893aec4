import Fluent
import SconDomain
import Vapor

/// The directory's pages: countries, cities, organisations and their contact people.
struct DirectoryPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectoryURL.countries, use: countries)
        routes.get(DirectoryURL.country(.key), use: country)
        routes.get(DirectoryURL.cities, use: cities)
        routes.get(DirectoryURL.city(.key), use: city)
        routes.get(DirectoryURL.organisations, use: organisations)
        routes.get(DirectoryURL.organisationNew, use: newOrganisationForm)
        routes.post(DirectoryURL.organisationNew, use: createOrganisation)
        routes.get(DirectoryURL.organisation(.key), use: organisation)
        routes.get(DirectoryURL.organisationEdit(.key), use: editOrganisationForm)
        routes.post(DirectoryURL.organisationEdit(.key), use: updateOrganisation)
        routes.post(DirectoryURL.organisationPeople(.key), use: addPerson)
        routes.post(DirectoryURL.personDelete(.key), use: removePerson)
    }

    @Sendable func countries(_ req: Request) async throws -> HTML {
        CountryPages.list(PageContext(request: req), countries: try await req.application.countryNames.all(on: req.db))
    }

    @Sendable func country(_ req: Request) async throws -> HTML {
        guard let code = CountryCode(req.parameter(.code)),
              let country = try await CountryQuery(db: req.db).find(code) else { throw DomainError.notFound("country") }
        let cities = try await CityQuery(rows: req.rows).inCountry(code.value)
        let organisations = try await OrganisationQuery(rows: req.rows).inCountry(code.value)
        let context = PageContext(request: req)
        let story = CountryStory.render(context, try await CountryStory.load(code, for: req.principal, on: req.db, today: CalendarDay(req.now)),
                                        countries: try await req.application.countryNames.all(on: req.db))
        return CountryPages.show(context, .init(country: country, cities: cities, organisations: organisations, story: story))
    }

    @Sendable func cities(_ req: Request) async throws -> HTML {
        let filter = try CityFilter.parse(country: req.queryItem("country"), kind: req.queryItem("kind"), query: req.queryItem("q"))
        let pageQuery = try req.pageQuery()
        let page = try await CityQuery(rows: req.rows).page(filter, pageQuery)
        let countries = try await req.application.countryNames.all(on: req.db)
        return CityPages.list(PageContext(request: req), .init(filter: filter, page: page, countries: countries, isFirstPage: pageQuery.cursor == nil))
    }

    @Sendable func city(_ req: Request) async throws -> HTML {
        guard let id = UUID(uuidString: req.parameter(.id)),
              let city = try await CityQuery(rows: req.rows).find(id) else { throw DomainError.notFound("city") }
        let context = PageContext(request: req)
        var story: HTML = .empty
        if let country = CountryCode(city.country) {
            story = CityStory.render(context, try await CityStory.load(id, country: country, for: req.principal, on: req.db, today: CalendarDay(req.now)),
                                     city: id, country: city.country)
        }
        return CityPages.show(context, city: city, countries: try await req.application.countryNames.all(on: req.db), story: story)
    }

    @Sendable func organisations(_ req: Request) async throws -> HTML {
        let filter = try req.organisationFilter()
        let pageQuery = try req.pageQuery()
        let page = try await OrganisationQuery(rows: req.rows).page(filter, pageQuery, summary: true)
        let countries = try await req.application.countryNames.all(on: req.db)
        return OrganisationListPage.render(PageContext(request: req), .init(
            filter: filter, page: page, countries: countries, isFirstPage: pageQuery.cursor == nil,
            mayCreate: DirectoryAccess.allows(req.principal, .createOrganisation)))
    }

    @Sendable func organisation(_ req: Request) async throws -> HTML {
        OrganisationShowPage.render(PageContext(request: req), try await showModel(req, id: try organisationID(req)))
    }

    // MARK: Register and edit

    struct OrganisationForm: Content {
        var nameEn: String?; var nameKo: String?; var acronym: String?; var type: String?; var country: String?
        var sectors: [String]?; var website: String?; var descriptionEn: String?; var descriptionKo: String?

        var draft: OrganisationDraft {
            OrganisationDraft(nameEn: nameEn, nameKo: nameKo, acronym: acronym, type: type, country: country, sectors: sectors ?? [],
                              website: website, descriptionEn: descriptionEn, descriptionKo: descriptionKo)
        }
    }

    @Sendable func newOrganisationForm(_ req: Request) async throws -> HTML {
        try req.principal.require(DirectoryAccess.allows(req.principal, .createOrganisation), "create organisations")
        let countries = try await req.application.countryNames.all(on: req.db)
        return OrganisationFormPage.render(PageContext(request: req), .init(organisationID: nil, draft: OrganisationDraft(type: "company", country: "KR"), countries: countries))
    }

    @Sendable func createOrganisation(_ req: Request) async throws -> Response {
        try req.principal.require(DirectoryAccess.allows(req.principal, .createOrganisation), "create organisations")
        let form = try req.content.decode(OrganisationForm.self)
        do {
            let created = try await OrganisationStore(db: req.db).create(form.draft, by: req.principal)
            return req.redirect(to: DirectoryURL.organisation(.value(created.id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let countries = try await req.application.countryNames.all(on: req.db)
            return try await OrganisationFormPage.render(PageContext(request: req), .init(organisationID: nil, draft: form.draft, countries: countries, issues: issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func editOrganisationForm(_ req: Request) async throws -> HTML {
        let id = try organisationID(req)
        guard let model = try await Organisation.find(id, on: req.db) else { throw DomainError.notFound("organisation") }
        try req.principal.require(DirectoryAccess.allows(req.principal, .editOrganisation(id)), "edit this organisation")
        let countries = try await req.application.countryNames.all(on: req.db)
        return OrganisationFormPage.render(PageContext(request: req), .init(organisationID: id, draft: OrganisationDraft(try model.fields), countries: countries))
    }

    @Sendable func updateOrganisation(_ req: Request) async throws -> Response {
        let id = try organisationID(req)
        let form = try req.content.decode(OrganisationForm.self)
        do {
            _ = try await OrganisationStore(db: req.db).update(id, by: req.principal) { _ in form.draft }
            return req.redirect(to: DirectoryURL.organisation(.value(id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let countries = try await req.application.countryNames.all(on: req.db)
            return try await OrganisationFormPage.render(PageContext(request: req), .init(organisationID: id, draft: form.draft, countries: countries, issues: issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: People

    struct PersonForm: Content { var name: String?; var titleEn: String?; var titleKo: String?; var email: String?; var phone: String? }

    @Sendable func addPerson(_ req: Request) async throws -> Response {
        let id = try organisationID(req)
        let form = try req.content.decode(PersonForm.self)
        let draft = PersonDraft(name: form.name, titleEn: form.titleEn, titleKo: form.titleKo, email: form.email, phone: form.phone)
        do {
            _ = try await PersonStore(db: req.db).create(in: id, draft, by: req.principal)
            return req.redirect(to: DirectoryURL.organisation(.value(id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            var model = try await showModel(req, id: id)
            model.personIssues = issues
            model.personDraft = draft
            return try await OrganisationShowPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func removePerson(_ req: Request) async throws -> Response {
        guard let id = UUID(uuidString: req.parameter(.id)) else { throw DomainError.notFound("person") }
        let organisationID = try await PersonStore(db: req.db).delete(id, by: req.principal)
        return req.redirect(to: DirectoryURL.organisation(.value(organisationID)).path, redirectType: .normal)
    }

    private func organisationID(_ req: Request) throws -> UUID {
        guard let id = UUID(uuidString: req.parameter(.id)) else { throw DomainError.notFound("organisation") }
        return id
    }

    private func showModel(_ req: Request, id: UUID) async throws -> OrganisationShowPage.Model {
        try await Self.showModel(req, id: id, joinFailure: nil)
    }

    static func showModel(_ req: Request, id: UUID, joinFailure: (request: UUID?, issues: [FieldIssue], reason: String?, alert: String?)?) async throws
        -> OrganisationShowPage.Model {
        guard let organisation = try await OrganisationQuery(rows: req.rows).find(id) else { throw DomainError.notFound("organisation") }
        let show = try await ContactVisibility.allows(req.principal, organisation: id, on: req.db)
        let people = try await PersonQuery(db: req.db).of(organisation: id, showContactDetails: show)
        return .init(organisation: organisation, people: people, countries: try await req.application.countryNames.all(on: req.db),
                     mayEdit: DirectoryAccess.allows(req.principal, .editOrganisation(id)), showContactDetails: show,
                     joining: try await JoinPagesController.organisationSection(req, organisation: id, failure: joinFailure))
    }
}
