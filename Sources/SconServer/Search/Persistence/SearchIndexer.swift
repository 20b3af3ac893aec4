import Fluent
import Foundation
import SconDomain
import Vapor

/// Keeps the search index in step with the records. Challenges and solutions are indexed when
/// they change (their stores call `SearchIndex.upsert`); the other kinds, which change through
/// other contexts, are re-read from their contexts at start, every ten minutes while serving,
/// and by `scon search reindex`.
enum SearchIndexer {
    /// Kinds re-read from their contexts; the marketplace's are kept by its stores.
    static let refreshedKinds: Set<SearchKind> = [.organisation, .city, .call, .project, .agreement]

    /// Replaces the entries of `kinds` with what the contexts say is searchable now.
    static func refresh(_ kinds: Set<SearchKind> = refreshedKinds, on db: any Database, now: Date) async throws {
        var documents: [SearchKind: [SearchDocument]] = [:]
        for context in SconContexts.all {
            for document in try await context.searchDocuments(on: db) where kinds.contains(document.kind) {
                documents[document.kind, default: []].append(document)
            }
        }
        let found = documents
        try await db.transaction { tx in
            let index = SearchIndex(db: tx)
            for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
                try await index.replace(kind, with: found[kind] ?? [], now: now)
            }
        }
    }
}

/// While `scon serve` runs: the index of the other contexts' records at start and every ten minutes.
struct SearchRefresh: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard application.sconConfig.searchRefreshMinutes > 0 else { return }
        try await SearchIndexer.refresh(on: application.db, now: application.clock.now())
        let minutes = Int64(application.sconConfig.searchRefreshMinutes)
        application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: .minutes(minutes), delay: .minutes(minutes)) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do { try await SearchIndexer.refresh(on: application.db, now: application.clock.now()) }
                catch { application.logger.warning("search index refresh failed: \(error)") }
            }
        }
    }
}
