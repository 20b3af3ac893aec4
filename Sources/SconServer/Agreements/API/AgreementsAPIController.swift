import Fluent
import SconDomain
import Vapor

/// `/api/v1/agreements` and `/api/v1/outcomes`.
struct AgreementsAPIController: RouteCollection {
    let maxDocumentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(AgreementsAPI.agreements, use: list)
        signedIn.post(AgreementsAPI.agreements, use: create)
        routes.get(AgreementsAPI.agreement(.key), use: agreement)
        signedIn.put(AgreementsAPI.agreement(.key), use: update)
        signedIn.post(AgreementsAPI.actions(.key), use: action)
        signedIn.post(AgreementsAPI.milestones(.key), use: addMilestone)
        signedIn.post(AgreementsAPI.milestoneDone(.key, .key), use: milestoneDone)
        signedIn.post(AgreementsAPI.links(.key), use: link)
        signedIn.upload(AgreementsAPI.document(.key), maxBytes: maxDocumentBytes, use: putDocument).allowingBodies(upTo: maxDocumentBytes)
        routes.get(AgreementsAPI.document(.key), use: document)
        routes.get(AgreementsAPI.outcomes, use: outcomes)
        signedIn.post(AgreementsAPI.outcomes, use: recordOutcome)
        routes.get(AgreementsAPI.tally, use: tally)
    }

    /// The agreements the caller sees, by code; filters `country`, `kind`, `level`, `sector`.
    @Sendable func list(_ req: Request) async throws -> ListResponse<AgreementDTO> {
        let filter = try AgreementQuery.Filter.parse(country: req.queryItem("country"), kind: req.queryItem("kind"),
                                                     level: req.queryItem("level"), sector: req.queryItem("sector"))
        let page = try await AgreementQuery(db: req.db).page(filter, try req.pageQuery(), for: req.principal)
        let records = try await AgreementRecord.load(page.items, on: req.db, today: CalendarDay(req.now))
        return ListResponse(items: records.map(AgreementDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func agreement(_ req: Request) async throws -> AgreementDTO {
        AgreementDTO(record: try await AgreementQuery(db: req.db).find(try req.uuid(), for: req.principal, today: CalendarDay(req.now)))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(AgreementInput.self)
        let id = try await req.agreementStore.create(input.draft, projects: input.projects ?? [], by: req.principal)
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        return req.created(AgreementDTO(record: record), at: AgreementsAPI.agreement(.value(id)))
    }

    /// Changes a recorded agreement (officers): the same body as a new one.
    @Sendable func update(_ req: Request) async throws -> AgreementDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(AgreementInput.self)
        try await req.agreementStore.update(id, input.draft, projects: input.projects, by: req.principal)
        return AgreementDTO(record: try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now)))
    }

    @Sendable func action(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(StatusActionInput.self)
        try await req.agreementStore.move(id, party: input.party, status: input.status, date: input.date, note: input.note, by: req.principal)
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        return AgreementDTO(record: record).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    private func current(_ req: Request, _ id: UUID) async throws -> AgreementDTO {
        AgreementDTO(record: try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now)))
    }

    /// A follow-up milestone (officers).
    @Sendable func addMilestone(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(AgreementMilestoneInput.self)
        _ = try await req.agreementStore.addMilestone(id, input.draft, by: req.principal)
        return try await current(req, id).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    /// Marks a milestone done (officers).
    @Sendable func milestoneDone(_ req: Request) async throws -> AgreementDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(AgreementMilestoneDoneInput.self)
        try await req.agreementStore.completeMilestone(id, milestone: try req.uuid(.milestone), doneOn: input.doneOn, by: req.principal)
        return try await current(req, id)
    }

    /// Links a call, an event, a training cohort or a project (officers).
    @Sendable func link(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(AgreementLinkInput.self)
        try await req.agreementStore.link(id, kind: input.kind, target: input.target, by: req.principal)
        return try await current(req, id).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    /// The document is the body (a PDF, whatever type is declared); `?filename=` names it.
    @Sendable func putDocument(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        try await req.agreementStore.attach(id, filename: req.queryItem("filename"), bytes: bytes, maximumBytes: maxDocumentBytes, by: req.principal)
        return try await current(req, id).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    /// The document as a download, for whoever may see the agreement.
    @Sendable func document(_ req: Request) async throws -> Response {
        let row = try await req.agreementStore.document(try req.uuid(), by: req.principal)
        return AttachmentAPIController.fileResponse(filename: row.filename, mediaType: AttachmentKind.pdf.rawValue, sha256: row.sha256, content: row.content, for: req)
    }

    /// An outcome recorded in the app (officers), counted by the tally from then on.
    @Sendable func recordOutcome(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(OutcomeRecordInput.self)
        let outcome = try await req.outcomeStore.create(input.draft, by: req.principal)
        return try OutcomeDTO(outcome, asOf: CalendarDay(req.now)).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    /// The outcome records under the filter (`asOf`, `from`, `country`, `type`), by day.
    @Sendable func outcomes(_ req: Request) async throws -> ListResponse<OutcomeDTO> {
        let filter = try req.outcomeFilter()
        let page = try await OutcomeQuery(db: req.db).page(filter, try req.pageQuery())
        return ListResponse(items: try page.items.map { try OutcomeDTO($0, asOf: filter.asOf) }, nextCursor: page.nextCursor?.encoded)
    }

    /// The tally under the same filter, with the address of the list of its records.
    @Sendable func tally(_ req: Request) async throws -> OutcomeTallyDTO {
        let filter = try req.outcomeFilter()
        return OutcomeTallyDTO(tally: try await OutcomeQuery(db: req.db).tally(filter), filter: filter,
                               records: AgreementsAPI.outcomes.path + "?" + filter.queryString)
    }
}

extension Request {
    var agreementStore: AgreementStore { AgreementStore(db: db, audit: auditLog) }
    var outcomeStore: OutcomeStore { OutcomeStore(db: db, audit: auditLog) }

    /// The outcome filter of the query (`asOf` defaults to today).
    func outcomeFilter() throws -> OutcomeFilter {
        try OutcomeFilter.parse(asOf: queryItem("asOf"), from: queryItem("from"), country: queryItem("country"), type: queryItem("type"),
                                today: CalendarDay(now))
    }
}

extension OutcomeFilter {
    /// The filter as a query string (`asOf=2019-11-25&country=TH`), for links that reproduce a figure.
    var queryString: String {
        var items = ["asOf=\(asOf)"]
        if let from { items.append("from=\(from)") }
        if let country { items.append("country=\(country.value)") }
        if let type { items.append("type=\(type.rawValue)") }
        return items.joined(separator: "&")
    }
}
