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
    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .account, order: 0, label: "work.title", route: ShellURL.home, isShown: { $0.isSignedIn })]
    }

    /// Someone without any role: how to start (join an organisation, the call, help).
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        guard principal.grants.isEmpty else { return [] }
        return [HomeCard(order: 0, title: strings["work.start"], lines: [], actions: [
            .init(text: strings["work.start.join"], path: DirectoryURL.myOrganisations.path + "#join"),
            .init(text: strings["work.start.calls"], path: OpenCallURL.calls.path),
            .init(text: strings["work.start.help"], path: DirectoryURL.help.path),
        ], empty: strings["work.start.empty"])]
    }

    var strings: StringTable { Self.table }

    var tools: ContextTools { ContextTools(commands: ["remind": RemindCommand()]) }
}
