import Fluent
import Foundation
import SconDomain
import Vapor

/// The pages of agreements and outcomes.
struct AgreementsPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AgreementsURL.agreements, use: list)
        routes.get(AgreementsURL.new, use: newForm)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.new, use: create)
        routes.get(AgreementsURL.agreement(.key), use: show)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.actions(.key), use: action)
        routes.get(AgreementsURL.outcomes, use: outcomes)
    }

    @Sendable func list(_ req: Request) async throws -> HTML {
        let filter = try AgreementQuery.Filter.parse(country: req.queryItem("country"), kind: req.queryItem("kind"),
                                                     level: req.queryItem("level"), sector: req.queryItem("sector"))
        let query = try req.pageQuery()
        let page = try await AgreementQuery(db: req.db).page(filter, query, for: req.principal)
        let records = try await AgreementRecord.load(page.items, on: req.db, today: CalendarDay(req.now))
        let countries = try await req.application.countryNames.all(on: req.db)
        return AgreementListPage.render(PageContext(request: req), .init(records: records, countries: countries, filter: filter,
                                                                         next: page.nextCursor, isFirstPage: query.cursor == nil))
    }

    @Sendable func show(_ req: Request) async throws -> HTML {
        try await page(req, id: try req.uuid())
    }

    private func page(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil, issues: [FieldIssue] = [],
                      form: AgreementShowPage.Form = .init()) async throws -> HTML {
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        let projectIDs = record.links.filter { $0.kind == .project }.map(\.id)
        var projects: [(id: UUID, title: String)] = []
        for projectID in projectIDs {
            // A linked project the visitor may not see is left out.
            guard let project = try? await ProjectStore(db: req.db).find(projectID, by: req.principal) else { continue }
            projects.append((project.storedID, "\(project.code) \(project.title)"))
        }
        let model = AgreementShowPage.Model(record: record, countries: try await req.application.countryNames.all(on: req.db), projects: projects,
                                            mayManage: AgreementAccess.allows(req.principal, .manage), message: message, problem: problem,
                                            issues: issues, form: form)
        return AgreementShowPage.render(PageContext(request: req), model)
    }

    struct ActionForm: Content { var party: String?; var status: String?; var date: String?; var note: String? }

    @Sendable func action(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ActionForm.self)
        let values = AgreementShowPage.Form(party: form.party, status: form.status, date: form.date, note: form.note)
        let date = form.date.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        do {
            try await req.agreementStore.move(id, party: form.party.flatMap(UUID.init(uuidString:)), status: form.status, date: date,
                                              note: form.note, by: req.principal)
            return try await page(req, id: id, message: req.strings["agreement.recorded"]).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await page(req, id: id, problem: req.strings.localized(refusal), form: values).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, id: id, issues: issues, form: values).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func form(_ req: Request, _ values: AgreementFormPage.Values, issues: [FieldIssue] = []) async throws -> HTML {
        let organisations = try await Organisation.query(on: req.db).sort(\.$sortKey).all().map { ($0.storedID, $0.name.text(in: req.language)) }
        return AgreementFormPage.render(PageContext(request: req), .init(values: values, organisations: organisations,
                                                                         countries: try await req.application.countryNames.all(on: req.db), issues: issues))
    }

    @Sendable func newForm(_ req: Request) async throws -> HTML {
        try req.principal.require(AgreementAccess.allows(req.principal, .manage), "record agreements")
        return try await form(req, AgreementFormPage.Values(kind: "mou", level: "institutional", public: "on"))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let values = try req.content.decode(AgreementFormPage.Values.self)
        do {
            let id = try await req.agreementStore.create(values.draft, projects: [], by: req.principal)
            return req.redirect(to: AgreementsURL.agreement(.value(id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await form(req, values, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func outcomes(_ req: Request) async throws -> HTML {
        let filter = try req.outcomeFilter()
        let query = try req.pageQuery()
        let outcomes = OutcomeQuery(db: req.db)
        let page = try await outcomes.page(filter, query)
        let model = OutcomeListPage.Model(tally: try await outcomes.tally(filter), filter: filter,
                                          outcomes: try page.items.map { ($0, try $0.facts) },
                                          countries: try await req.application.countryNames.all(on: req.db),
                                          next: page.nextCursor, isFirstPage: query.cursor == nil)
        return OutcomeListPage.render(PageContext(request: req), model)
    }
}
