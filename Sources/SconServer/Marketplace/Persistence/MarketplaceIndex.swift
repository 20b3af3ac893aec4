import Fluent
import Foundation
import SconDomain

/// Re-indexes every challenge and solution (`scon search reindex --all`): the searchable ones
/// in, the others out.
enum MarketplaceIndex {
    static func rebuild(on db: any Database, now: Date) async throws {
        try await db.transaction { tx in
            let index = SearchIndex(db: tx)
            try await index.replace(.challenge, with: try await Challenge.query(on: tx).all().filter { try $0.isSearchable }.map { try $0.searchDocument }, now: now)
            try await index.replace(.solution, with: try await Solution.query(on: tx).all().filter { try $0.isSearchable }.map { try $0.searchDocument }, now: now)
        }
    }
}
