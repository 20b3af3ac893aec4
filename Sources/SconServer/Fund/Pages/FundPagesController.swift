import Fluent
import SconDomain
import Vapor

/// The fund's page: its position for everyone, in KRW or USD.
struct FundPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(FundURL.fund, use: fund)
    }

    @Sendable func fund(_ req: Request) async throws -> HTML {
        let currency = req.query[String.self, at: "currency"] == "USD" ? Currency.USD : .KRW
        let all = try await FundReports(db: req.db).positions(by: FundReports.Grouping.allCases, currency: currency, today: CalendarDay(req.now))
        let rates = try await ExchangeRateStore(db: req.db, audit: req.auditLog).all()
        // Open data is real data: the IATI file exists once a project that is not sample data is public.
        let published = try await ProjectQuery(db: req.db).count(ProjectQuery.Filter(withoutSamples: true), for: .anonymous)
        return FundPage.render(PageContext(request: req), .init(reports: all, rates: rates, currency: currency,
                                                                mayExport: FundAccess.allows(req.principal, .exportLedger),
                                                                publishedProjects: published))
    }
}
