import Fluent
import SconDomain
import Vapor

/// The fund's position, exchange rates, a project's finance and the bookings that move money
/// (with an `Idempotency-Key`): `FundAPI`.
struct FundAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(FundAPI.fund, use: position)
        signedIn.get(FundAPI.transactionsCSV, use: transactionsCSV)
        routes.get(FundAPI.exchangeRates, use: rates)
        signedIn.post(FundAPI.exchangeRates, use: recordRate)
        routes.get(FundAPI.projectFinance(.key), use: finance)
        signedIn.recentlySignedIn.post(FundAPI.projectBookings(.key), use: book)
    }

    @Sendable func position(_ req: Request) async throws -> FundPositionDTO {
        let by = req.query[String.self, at: "by"] ?? "earmark"
        guard let grouping = FundReports.Grouping(rawValue: by) else {
            throw DomainError.badParameter([FieldIssue(field: "by", code: "unknown", detail: "by is earmark, country, sector or stage.")])
        }
        let currencyText = req.query[String.self, at: "currency"] ?? "KRW"
        guard let currency = Currency(rawValue: currencyText) else {
            throw DomainError.badParameter([FieldIssue(field: "currency", code: "unknown", detail: "reports are in KRW or USD.")])
        }
        return FundPositionDTO(report: try await FundReports(db: req.db).position(by: grouping, currency: currency, today: CalendarDay(req.now)))
    }

    @Sendable func transactionsCSV(_ req: Request) async throws -> Response {
        try req.principal.require(FundAccess.allows(req.principal, .exportLedger), "export the ledger")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "kscon-ledger.csv")
        return Response(status: .ok, headers: headers, body: .init(string: try await LedgerCSV(db: req.db).export()))
    }

    @Sendable func rates(_ req: Request) async throws -> ListResponse<ExchangeRateDTO> {
        let rows = try await ExchangeRateStore(db: req.db, audit: req.auditLog).all()
        return ListResponse(items: rows.compactMap { row in row.rate.map { ExchangeRateDTO(rate: $0, sample: row.sample) } }, nextCursor: nil)
    }

    @Sendable func recordRate(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(ExchangeRateInput.self)
        let row = try await ExchangeRateStore(db: req.db, audit: req.auditLog)
            .record(currency: input.currency, day: input.day, rate: input.krwPerUnit, source: input.source, by: req.principal)
        return ExchangeRateDTO(rate: row.rate!, sample: row.sample).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func finance(_ req: Request) async throws -> ProjectFinanceDTO {
        let project = try await ProjectStore(db: req.db).find(try req.uuid(), by: req.principal)
        return ProjectFinanceDTO(finance: try await ProjectFinance.of(project, on: req.db))
    }

    @Sendable func book(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(BookingInput.self)
        let outcome = try await req.ledgerStore.book(try req.uuid(), input.request, key: req.headers.first(name: "Idempotency-Key"), by: req.principal)
        // A retry gets the first answer again, byte for byte, rendered from the stored transaction.
        let response = try LedgerTransactionDTO(transaction: outcome.transaction, projectCode: outcome.projectCode)
            .jsonResponse(status: .created, allocator: req.byteBufferAllocator)
        if outcome.replayed { response.headers.add(name: "Idempotency-Replayed", value: "true") }
        return response
    }
}

extension Request {
    var ledgerStore: LedgerStore { LedgerStore(db: db, audit: auditLog) }
}
