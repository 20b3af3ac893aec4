import Fluent
import Foundation
import SconDomain
import Vapor

/// The public portal: the home page (figures, map, charts, what is open, latest results, one
/// filter for all of it), the data catalogue and the open-data files.
struct PortalContext: SconContext {
    let name = "Portal"

    func register(_ routes: ContextRoutes) throws {
        _ = routes.app.portalCache
        try routes.app.register(collection: PortalController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 90, label: "nav.data", route: PortalURL.data)]
    }

    var strings: StringTable { Self.table }

    var tools: ContextTools { ContextTools(commands: ["portal-fill": PortalFillCommand()]) }
}
