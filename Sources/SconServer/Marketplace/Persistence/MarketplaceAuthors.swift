import Fluent
import Foundation

/// The display names of the people who wrote in a conversation (an erased account shows as such).
enum MarketplaceAuthors {
    static func names(of ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(ids)).all()
            .map { ($0.storedID, $0.displayName) })
    }
}
