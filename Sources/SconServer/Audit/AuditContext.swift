import Fluent
import Foundation
import SconDomain
import Vapor

/// The audit log: the hash-chained record of every decision and every change of money.
struct AuditContext: SconContext {
    let name = "Audit"

    var migrations: [any Migration] { [CreateAuditRecord(), UpdateAuditEntriesAddChain()] }

    func register(_ routes: ContextRoutes) throws {}

    var strings: StringTable { Self.table }

    var tools: ContextTools {
        ContextTools(benchmarks: ["locks": { options, context in
                         context.console.print(try await AggregateLockBench.run(clients: max(1, options.clients ?? 16), count: max(1, options.count ?? 800),
                                                                                postgres: options.postgres))
                     }],
                     commands: ["audit": AuditCommand()])
    }
}
