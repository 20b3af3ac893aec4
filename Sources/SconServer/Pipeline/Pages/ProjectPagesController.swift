import Fluent
import Foundation
import SconDomain
import Vapor

/// The pages of projects.
struct ProjectPagesController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectURL.projects, use: list)
        routes.get(ProjectURL.project(.key), use: show)
        routes.post(ProjectURL.projectStage(.key), use: stage)
        routes.post(ProjectURL.projectReadiness(.key), use: readiness)
        routes.post(ProjectURL.projectApproval(.key, .key), use: approve)
        routes.recentlySignedIn.post(FundURL.projectBooking(.key), use: book)
        // The version form carries a file: the upload limit plus its boundaries and other fields.
        let uploadLimit = maxAttachmentBytes + 64 * 1024
        routes.upload(ProjectURL.projectEdit(.key, .key), maxBytes: uploadLimit, use: edit)
            .allowingBodies(upTo: uploadLimit)
    }


    @Sendable func list(_ req: Request) async throws -> HTML {
        let filter = try ProjectQuery.Filter.parse(stage: req.queryItem("stage"), country: req.queryItem("country"))
        let query = try req.pageQuery()
        let page = try await ProjectQuery(db: req.db).page(filter, query, for: req.principal)
        let places = try await Self.places(req, page.items)
        return ProjectListPage.render(PageContext(request: req), .init(rows: page.items.map { ProjectListPage.Row(project: $0, place: places[$0.cityID] ?? $0.countryCode) },
                                                                       filter: filter, next: page.nextCursor, isFirstPage: query.cursor == nil))
    }

    @Sendable func show(_ req: Request) async throws -> HTML {
        try await page(req, id: try req.uuid())
    }

    private func page(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil, issues: [FieldIssue] = [],
                      booking: ProjectShowPage.BookingValues? = nil, bookingProblem: String? = nil, bookingIssues: [FieldIssue] = []) async throws -> HTML {
        let dossier = try await ProjectDossier.of(id, by: req.principal, on: req.db, now: req.now)
        let project = dossier.project
        let places = try await Self.places(req, [project])
        let organisation = try await Organisation.find(project.organisationID, on: req.db)
        let call = try await project.callID.asyncFlatMap { try await Call.find($0, on: req.db) }
        let model = ProjectShowPage.Model(dossier: dossier, place: places[project.cityID] ?? project.countryCode,
                                          organisation: organisation.map { $0.name.text(in: req.language) } ?? "",
                                          callTitle: try call?.terms().title.text(in: req.language),
                                          earmarks: try await Earmark.query(on: req.db).sort(\.$code).all(),
                                          organisations: dossier.mayManage ? try await Organisation.query(on: req.db).sort(\.$nameEn).all() : [],
                                          mayBook: FundAccess.allows(req.principal, .book),
                                          message: message, problem: problem, issues: issues,
                                          booking: booking, bookingProblem: bookingProblem, bookingIssues: bookingIssues)
        return ProjectShowPage.render(PageContext(request: req), model)
    }

    /// Runs a change and shows the page again: with the message, the localized refusal (409) or the field errors (422).
    private func change(_ req: Request, id: UUID, message: @escaping @Sendable () -> String?, _ body: @Sendable () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return try await page(req, id: id, message: message()).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await page(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await page(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, id: id, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct StageForm: Content { var to: String?; var reason: String? }

    @Sendable func stage(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(StageForm.self)
        let strings = req.strings
        if form.to == ProjectStage.dropped.rawValue, let page = try await confirmDrop(req, id: id, reason: form.reason) { return page }
        return try await change(req, id: id, message: { strings.format("pipeline.moved", ["stage": strings["stage.\(form.to ?? "")"]]) }) {
            _ = try await req.pipelineStore.move(id, to: form.to, reason: form.reason, by: req.principal)
        }
    }

    /// Dropping a project ends it for good: the confirmation page first, when the store would
    /// accept it now (who may manage, not finished, a reason of 10 to 2,000 characters: the same
    /// rule as StageGate); otherwise the refusal as before.
    private func confirmDrop(_ req: Request, id: UUID, reason: String?) async throws -> Response? {
        guard ProjectAccess.allows(req.principal, .manage),
              let visible = try? await ProjectStore(db: req.db).findVisible(id, by: req.principal),
              let from = try? visible.project.projectStage,
              StageGate.refusal(from: from, to: .dropped, facts: ProjectFacts(), reason: reason) == nil else { return nil }
        let s = req.strings
        return try await Components.confirmStep(req, ConfirmStep(
            title: s["confirm.drop.title"], consequence: s["confirm.drop.what"], yes: s["confirm.drop.yes"],
            back: ProjectURL.project(.value(id)).path, destructive: true, subject: "\(visible.project.code) \(visible.project.title)"))
    }

    struct ReadinessForm: Content { var flag: String; var reason: String? }

    @Sendable func readiness(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ReadinessForm.self)
        return try await change(req, id: id, message: { nil }) {
            _ = try await req.pipelineStore.justify(id, flag: form.flag, reason: form.reason, by: req.principal)
        }
    }

    @Sendable func approve(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let deliverable = try req.uuid(.deliverable)
        return try await change(req, id: id, message: { nil }) {
            _ = try await req.pipelineStore.approve(id, deliverable: deliverable, by: req.principal)
        }
    }

    /// Every field of the recording forms (`ProjectForms`); each part reads its own.
    struct EditForm: Content {
        var organisation: String?; var role: String?; var kind: String?; var title: String?; var `public`: String?
        var deliverable: String?; var note: String?; var milestone: String?; var titleEn: String?; var titleKo: String?
        var planned: String?; var actual: String?; var terms: String?; var agreedOn: String?; var closesOn: String?
        var amountKRW: String?; var technicalScore: String?; var bid: String?; var resultType: String?; var measure: String?
        var baselineYear: String?; var baselineValue: String?; var start: String?; var end: String?; var target: String?
        var actualValue: String?; var descriptionEn: String?; var descriptionKo: String?; var sectors: [String]?
        var file: File?
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let part = req.parameter(.part)
        let form = try req.content.decode(EditForm.self)
        let store = req.pipelineStore
        let principal = req.principal
        @Sendable func uuid(_ text: String?) -> UUID? { text.flatMap(UUID.init(uuidString:)) }
        @Sendable func blank(_ text: String?) -> String? { text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let saved = req.strings["record.saved"]
        return try await change(req, id: id, message: { saved }) {
            switch part {
            case "participant": _ = try await store.addParticipant(id, organisation: uuid(form.organisation), role: form.role, by: principal)
            case "deliverable": _ = try await store.addDeliverable(id, kind: form.kind, title: form.title, isPublic: form.public != nil, by: principal)
            case "version":
                guard let deliverable = uuid(form.deliverable) else { throw DomainError.notFound("deliverable") }
                let upload = form.file.flatMap { file in
                    file.data.readableBytes == 0 && file.filename.isEmpty ? nil
                        : PipelineStore.Upload(filename: file.filename, declaredType: file.contentType?.serialize(), bytes: Array(file.data.readableBytesView),
                                               maximumBytes: maxAttachmentBytes)
                }
                _ = try await store.addVersion(id, deliverable: deliverable, note: form.note, file: upload, by: principal)
            case "milestone":
                _ = try await store.addMilestone(id, titleEn: form.titleEn, titleKo: form.titleKo, planned: form.planned, actual: blank(form.actual), by: principal)
            case "actual":
                guard let milestone = uuid(form.milestone) else { throw DomainError.notFound("milestone") }
                _ = try await store.setActual(id, milestone: milestone, actual: form.actual, by: principal)
            case "tender": _ = try await store.openTender(id, terms: form.terms, agreedOn: form.agreedOn, closesOn: form.closesOn, by: principal)
            case "bid":
                _ = try await store.addBid(id, organisation: uuid(form.organisation), amountKRW: CallForm.number(form.amountKRW),
                                           technicalScore: CallForm.number(form.technicalScore), by: principal)
            case "award": _ = try await store.award(id, bid: uuid(form.bid), by: principal)
            case "indicator":
                let period = PipelineStore.PeriodInput(start: blank(form.start), end: blank(form.end), target: blank(form.target), actual: blank(form.actualValue))
                _ = try await store.addIndicator(id, resultType: form.resultType, titleEn: form.titleEn, titleKo: form.titleKo, measure: form.measure,
                                                 baselineYear: CallForm.number(form.baselineYear), baselineValue: form.baselineValue,
                                                 periods: period.start == nil && period.end == nil ? [] : [period], by: principal)
            case "profile":
                _ = try await store.setProfile(id, descriptionEn: form.descriptionEn ?? "", descriptionKo: form.descriptionKo ?? "", sectors: form.sectors ?? [], by: principal)
            default:
                throw DomainError.notFound("form")
            }
        }
    }

    struct BookingForm: Content {
        var idempotencyKey: String?; var movement: String?; var amount: String?; var currency: String?
        var instrument: String?; var earmark: String?; var valueDay: String?; var memo: String?
    }

    @Sendable func book(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(BookingForm.self)
        func blank(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        // People type amounts with thousands separators and spaces: the form takes them out (the API does not).
        let amount = form.amount.map { $0.filter { $0 != "," && !$0.isWhitespace } }
        let request = BookingRequest(movement: form.movement, amount: amount, currency: form.currency,
                                     earmark: blank(form.earmark).flatMap(UUID.init(uuidString:)), instrument: blank(form.instrument),
                                     valueDay: blank(form.valueDay), memo: form.memo)
        // A refusal is shown at the form, with what was typed (the movement and amount included).
        let kept = ProjectShowPage.BookingValues(movement: form.movement, amount: form.amount, currency: form.currency, instrument: form.instrument,
                                                 earmark: form.earmark, valueDay: form.valueDay, memo: form.memo)
        do {
            let number = try await req.ledgerStore.book(id, request, key: form.idempotencyKey, by: req.principal).transaction.number
            return try await page(req, id: id, message: req.strings.format("finance.booked", ["number": String(number)])).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await page(req, id: id, booking: kept, bookingProblem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await page(req, id: id, booking: kept, bookingProblem: reason).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, id: id, booking: kept, bookingIssues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// "City, country" per city, in the page's language.
    static func places(_ req: Request, _ projects: [Project]) async throws -> [UUID: String] {
        let countries = try await req.application.countryNames.all(on: req.db)
        let cities = try await City.query(on: req.db).filter(\.$id ~~ projects.map(\.cityID)).all()
        return Dictionary(cities.compactMap { city in
            city.id.map { ($0, "\(city.name.text(in: req.language)), \(countries.name(of: city.countryCode, in: req.language))") }
        }, uniquingKeysWith: { first, _ in first })
    }
}

