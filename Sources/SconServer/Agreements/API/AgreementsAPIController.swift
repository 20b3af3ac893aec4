import Fluent
import SconDomain
import Vapor

/// `/api/v1/agreements` and `/api/v1/outcomes`.
struct AgreementsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(AgreementsAPI.agreements, use: list)
        signedIn.post(AgreementsAPI.agreements, use: create)
        routes.get(AgreementsAPI.agreement(.key), use: agreement)
        signedIn.post(AgreementsAPI.actions(.key), use: action)
        routes.get(AgreementsAPI.outcomes, use: outcomes)
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
        let id = try await req.agreementStore.create(input.draft, projects: input.projects, by: req.principal)
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        return req.created(AgreementDTO(record: record), at: AgreementsAPI.agreement(.value(id)))
    }

    @Sendable func action(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(StatusActionInput.self)
        try await req.agreementStore.move(id, party: input.party, status: input.status, date: input.date, note: input.note, by: req.principal)
        let record = try await AgreementQuery(db: req.db).find(id, for: req.principal, today: CalendarDay(req.now))
        return AgreementDTO(record: record).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
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
