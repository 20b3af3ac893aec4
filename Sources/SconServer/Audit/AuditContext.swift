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

    var tools: ContextTools { ContextTools(commands: ["audit": AuditCommand()]) }
}
