import Fluent
import Foundation
import SconDomain
import Vapor

/// Operations: health, metrics, the OpenAPI document, and the benchmark's bare route.
struct OperationsContext: SconContext {
    let name = "Operations"

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: OperationsController())
        if routes.config.benchCeiling {
            // The bare route the HTTP benchmark compares against (bench/http.sh).
            routes.app.get(OperationsURL.ceiling) { _ async in "Hello, World!" }
        }
    }

    var strings: StringTable { [:] }

    var tools: ContextTools { ContextTools(commands: ["openapi": OpenAPICommand(), "backup": BackupCommand(), "restore": RestoreCommand()]) }
}
