import Fluent
import Foundation
import SconDomain
import Vapor

/// The one search box over challenges, solutions, organisations, cities, calls and projects, in
/// the region's ten languages (the analysis is SconDomain/Search; docs/search.md).
struct SearchContext: SconContext {
    let name = "Search"

    var migrations: [any Migration] { [CreateSearchIndex(), AddSearchEntrySpans(), AddSearchImpactLength(), CreateSearchForward()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: SearchController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 95, label: "nav.search", route: SearchURL.search)]
    }

    var strings: StringTable { Self.table }

    var tools: ContextTools {
        ContextTools(benchmarks: ["search": { options, context in
                         context.console.print(try await SearchBench.run(count: max(400, options.count ?? 100_000), clients: max(1, options.clients ?? 16),
                                                                         rounds: max(1, options.runs ?? 10), postgres: options.postgres))
                     }],
                     commands: ["search": SearchCommand()])
    }
}

/// `scon search reindex`: re-reads every searchable record of the other contexts into the index
/// (challenges and solutions are kept in step by their stores; `--all` re-indexes those too).
struct SearchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "reindex")
        var action: String
        @Flag(name: "all", help: "Re-index challenges and solutions as well")
        var all: Bool
    }

    var help: String { "Maintains the search index: scon search reindex [--all]." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "reindex" else { CommandFailure("unknown action \(signature.action); use: scon search reindex [--all]").exit() }
        let app = context.application
        let started = Date()
        try await SearchIndexer.refresh(on: app.db, now: app.clock.now())
        if signature.all { try await MarketplaceIndex.rebuild(on: app.db, now: app.clock.now()) }
        let count = try await SearchEntry.query(on: app.db).count()
        context.console.print("search index: \(count) entries, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
