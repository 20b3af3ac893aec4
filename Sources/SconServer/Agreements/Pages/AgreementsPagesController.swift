import Fluent
import Foundation
import SconDomain
import Vapor

/// The pages of agreements and outcomes.
struct AgreementsPagesController: RouteCollection {
    let maxDocumentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        routes.get(AgreementsURL.agreements, use: list)
        routes.get(AgreementsURL.new, use: newForm)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.new, use: create)
        routes.get(AgreementsURL.agreement(.key), use: show)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.actions(.key), use: action)
        routes.get(AgreementsURL.outcomes, use: outcomes)
        routes.grouped(RequireSignedIn()).get(AgreementsURL.edit(.key), use: editForm)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.edit(.key), use: update)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.milestones(.key), use: addMilestone)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.milestoneDone(.key, .key), use: milestoneDone)
        routes.grouped(RequireSignedIn()).post(AgreementsURL.links(.key), use: link)
        // The form carries a file: the limit plus its boundaries and the token.
        let uploadLimit = maxDocumentBytes + 64 * 1024
        routes.grouped(RequireSignedIn()).upload(AgreementsURL.document(.key), maxBytes: uploadLimit, use: upload).allowingBodies(upTo: uploadLimit)
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
                      form: AgreementShowPage.Form = .init(), failed: AgreementFollowUpView.Section? = nil,
                      values: AgreementFollowUpView.Values = .init()) async throws -> HTML {
        let today = CalendarDay(req.now)
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: today)
        let targets = AgreementLinkTargets(db: req.db)
        let mayManage = AgreementAccess.allows(req.principal, .manage)
        let model = AgreementShowPage.Model(record: record, countries: try await req.application.countryNames.all(on: req.db),
                                            targets: try await targets.visible(record.links, for: req.principal, language: req.language),
                                            candidates: mayManage ? try await targets.candidates(language: req.language) : [],
                                            mayManage: mayManage, today: today, maxDocumentBytes: maxDocumentBytes, message: message, problem: problem,
                                            issues: issues, form: form, failed: failed, values: values)
        return AgreementShowPage.render(PageContext(request: req), model)
    }

    /// Runs a change from one of the agreement page's forms: the page again with a message, or
    /// with the refusal (409) or the errors (422) at that form, its input kept.
    private func change(_ req: Request, id: UUID, section: AgreementFollowUpView.Section, values: AgreementFollowUpView.Values,
                        message: String, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return try await page(req, id: id, message: req.strings[message]).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await page(req, id: id, problem: req.strings.localized(refusal), failed: section, values: values).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, id: id, issues: issues, failed: section, values: values).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct FollowUpForm: Content { var titleEn: String?; var titleKo: String?; var dueOn: String?; var doneOn: String?; var target: String? }

    private static func blank(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    @Sendable func addMilestone(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(FollowUpForm.self)
        let values = AgreementFollowUpView.Values(titleEn: form.titleEn, titleKo: form.titleKo, dueOn: form.dueOn)
        return try await change(req, id: id, section: .milestone, values: values, message: "agreement.milestone.added") {
            _ = try await req.agreementStore.addMilestone(id, MilestoneDraft(titleEn: form.titleEn, titleKo: form.titleKo, dueOn: Self.blank(form.dueOn)), by: req.principal)
        }
    }

    @Sendable func milestoneDone(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(FollowUpForm.self)
        return try await change(req, id: id, section: .done, values: .init(doneOn: form.doneOn), message: "agreement.milestone.marked") {
            try await req.agreementStore.completeMilestone(id, milestone: try req.uuid(.milestone), doneOn: Self.blank(form.doneOn), by: req.principal)
        }
    }

    /// `target` is `kind:id` (the form's grouped list).
    @Sendable func link(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(FollowUpForm.self)
        let parts = (form.target ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        return try await change(req, id: id, section: .link, values: .init(target: form.target), message: "agreement.link.added") {
            try await req.agreementStore.link(id, kind: parts.first, target: parts.count > 1 ? UUID(uuidString: parts[1]) : nil, by: req.principal)
        }
    }

    struct DocumentForm: Content { var file: File? }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let file = try req.content.decode(DocumentForm.self).file
        return try await change(req, id: id, section: .document, values: .init(), message: "agreement.document.added") {
            try await req.agreementStore.attach(id, filename: file?.filename, bytes: file.map { Array($0.data.readableBytesView) } ?? [],
                                                maximumBytes: maxDocumentBytes, by: req.principal)
        }
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

    private func form(_ req: Request, _ values: AgreementFormPage.Values, issues: [FieldIssue] = [], editing: AgreementRecord? = nil) async throws -> HTML {
        let organisations = editing != nil ? [] : try await Organisation.query(on: req.db).sort(\.$sortKey).all().map { ($0.storedID, $0.name.text(in: req.language)) }
        return AgreementFormPage.render(PageContext(request: req), .init(values: values, organisations: organisations,
                                                                         countries: try await req.application.countryNames.all(on: req.db), issues: issues,
                                                                         editing: editing))
    }

    /// The projects of these codes (an unknown code is a 422 naming `projects`).
    private func projects(_ codes: [String], on db: any Database) async throws -> [UUID] {
        guard !codes.isEmpty else { return [] }
        let found = try await Project.query(on: db).filter(\.$code ~~ codes).all()
        let known = Set(found.map(\.code))
        let unknown = codes.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw DomainError.invalid([FieldIssue(field: "projects", code: "unknown", detail: "no project has the code \(unknown.joined(separator: ", ")).")])
        }
        return found.map(\.storedID)
    }

    /// The form to change a recorded agreement (officers; a restricted one others may not see is 404).
    @Sendable func editForm(_ req: Request) async throws -> HTML {
        let record = try await AgreementQuery(db: req.db).find(try req.uuid(), for: req.principal, today: CalendarDay(req.now))
        try req.principal.require(AgreementAccess.allows(req.principal, .manage), "change agreements")
        let linked = record.links.filter { $0.kind == .project }.map(\.id)
        let codes = linked.isEmpty ? [] : try await Project.query(on: req.db).filter(\.$id ~~ linked).sort(\.$code).all().map(\.code)
        return try await form(req, .of(record, projectCodes: codes), editing: record)
    }

    /// Changes the agreement's facts, fields and project links; its parties stay as recorded.
    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        try req.principal.require(AgreementAccess.allows(req.principal, .manage), "change agreements")
        let values = try req.content.decode(AgreementFormPage.Values.self)
        var draft = values.draft
        draft.parties = try await AgreementParty.query(on: req.db).filter(\.$agreementID == id).sort(\.$position).all().map { party in
            AgreementDraft.Party(organisation: party.organisationID, country: party.countryCode, nameEn: party.nameEn, nameKo: party.nameKo,
                                 signatoryTitleEn: party.signatoryTitleEn, signatoryTitleKo: party.signatoryTitleKo)
        }
        do {
            try await req.agreementStore.update(id, draft, projects: try await projects(values.projectCodes, on: req.db), by: req.principal)
            return req.redirect(to: AgreementsURL.agreement(.value(id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await form(req, values, issues: issues, editing: record).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func newForm(_ req: Request) async throws -> HTML {
        try req.principal.require(AgreementAccess.allows(req.principal, .manage), "record agreements")
        return try await form(req, AgreementFormPage.Values(kind: "mou", level: "institutional", public: "on"))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let values = try req.content.decode(AgreementFormPage.Values.self)
        do {
            let id = try await req.agreementStore.create(values.draft, projects: try await projects(values.projectCodes, on: req.db), by: req.principal)
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
