import Testing
import Foundation

/// The databases every database test runs on: SQLite always, PostgreSQL when `POSTGRES_URL` is set (CI sets it).
enum TestDatabase: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [TestDatabase] {
        ProcessInfo.processInfo.environment["POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    var testDescription: String { rawValue }
}

