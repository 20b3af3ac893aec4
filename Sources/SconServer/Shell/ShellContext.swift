import Fluent
import Foundation
import SconDomain
import Vapor

/// The frame of every page: the language switch, the pages of parts not built yet, the assets,
/// and the strings every page shares (layout, errors, field names). The home page is the Portal's.
struct ShellContext: SconContext {
    let name = "Shell"

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: ShellController())
    }

    /// The parts not built yet stay out of the menu (no dead ends); their pages still answer
    /// at their addresses. A context that is built adds
    /// its own entry.
    var navigation: [NavigationEntry] { [] }

    var strings: StringTable { Self.table }

    var tools: ContextTools { ContextTools(commands: ["remind": RemindCommand()]) }
}
