import Foundation
import Vapor

/// Where the platform reads the time: the system clock in production, a fixed or moved
/// instant in tests, so that deadlines, sessions and "what is due" can be tested at any date.
struct SconClock: Sendable {
    let now: @Sendable () -> Date

    static let live = SconClock { Date() }

    /// Always `date`.
    static func fixed(_ date: Date) -> SconClock { SconClock { date } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = SconClock }

    /// The app's clock (the system clock unless a test sets another).
    var clock: SconClock {
        get { storage[ClockKey.self] ?? .live }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// Now, by the app's clock.
    var now: Date { application.clock.now() }
}
