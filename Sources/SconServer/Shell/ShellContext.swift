import Fluent
import Foundation
import SconDomain
import Vapor

/// The frame of every page: the home page, the language switch, the pages of parts not built
/// yet, the assets, and the strings every page shares (layout, errors, field names).
struct ShellContext: SconContext {
    let name = "Shell"

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: ShellController())
    }

    var navigation: [NavigationEntry] {
        ShellURL.Area.allCases.enumerated().map { index, area in
            NavigationEntry(placement: .main, order: 100 + index, label: "area.\(area.rawValue).name", route: ShellURL.area(area))
        }
    }

    var strings: StringTable { Self.table }

    var tools: ContextTools { ContextTools(commands: ["remind": RemindCommand()]) }
}
