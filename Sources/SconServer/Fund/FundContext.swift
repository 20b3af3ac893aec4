import Fluent
import Foundation
import SconDomain
import Vapor

/// The PIS fund: its earmarks, exchange rates and the double-entry ledger of commitments,
/// disbursements, cancellations and repayments.
struct FundContext: SconContext {
    let name = "Fund"

    var migrations: [any Migration] { [CreateFundTables(), UpdateIdempotencyKeysAddResult(), UpdateFundAddIndexes()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: FundPagesController())
        try routes.app.register(collection: FundAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 60, label: "nav.fund", route: FundURL.fund)]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Fund.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in try await DemoData.seedFund(db) }
        return true
    }

    var tools: ContextTools {
        ContextTools(benchmarks: ["ledger": { options, context in
                         let report = try await LedgerBench.run(clients: max(1, options.clients ?? 16), count: max(1, options.count ?? 2_000),
                                                                 postgres: options.postgres)
                         context.console.print(report)
                     }],
                     exports: ["ledger": { app in Data(try await LedgerCSV(db: app.db).export().utf8) }],
                     commands: ["ledger": LedgerCommand()])
    }
}
