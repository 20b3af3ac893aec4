import Fluent
import Foundation
import SconDomain
import Vapor

/// Open data: the public projects as IATI 2.03 activities.
struct OpenDataContext: SconContext {
    let name = "OpenData"

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: OpenDataAPIController())
    }

    var strings: StringTable { [:] }

    var tools: ContextTools {
        ContextTools(exports: ["iati": { app in
            guard let document = try await IATIExport(db: app.db).document(now: app.clock.now()) else { throw CommandFailure("no public project to publish yet") }
            return Data(document.utf8)
        }])
    }
}
