import Fluent
import Foundation
import SconDomain
import Vapor

/// What a person has to do across the platform, the nearest deadline first: each context's
/// `due(for:on:now:)`.
struct DueStore: Sendable {
    let db: any Database

    func due(for principal: Principal, now: Date) async throws -> [DueItem] {
        guard principal.isSignedIn else { return [] }
        var items: [DueItem] = []
        for context in SconContexts.all {
            items += try await context.due(for: principal, on: db, now: now)
        }
        return items.sorted { ($0.due ?? .distantFuture, $0.title) < ($1.due ?? .distantFuture, $1.title) }
    }
}
