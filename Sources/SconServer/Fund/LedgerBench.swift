import Fluent
import Foundation
import SconDomain
import SQLKit
import Vapor

/// `scon bench ledger`: commitments per second with N concurrent clients, on a fresh database
/// of its own (a temporary SQLite file, or a PostgreSQL schema that is dropped afterwards),
/// migrated and seeded with the demo fund. Each client books commitments of 1,000,000 KRW
/// against the ASEAN earmark through `LedgerStore.book` (the path of the API, without HTTP),
/// each with its own Idempotency-Key. Afterwards the ledger is checked: every posting sums to
/// zero, the kept balances equal the lines, and the earmark lost exactly what was booked.
enum LedgerBench {
    static func run(clients: Int, count: Int, postgres: String?) async throws -> String {
        try await BenchDatabase.with(postgres: postgres) { app in
            try await measure(app, clients: clients, count: count, database: postgres == nil ? "SQLite" : "PostgreSQL")
        }
    }

    private static func measure(_ app: Application, clients: Int, count: Int, database: String) async throws -> String {
        let user = User(email: EmailAddress("bench-fund-manager@example.org")!, passwordHash: "-", displayName: "Bench", language: .en)
        try await user.create(on: app.db)
        let principal = Principal(userID: try user.requireID(), grants: [Grant(role: .fundManager, scope: .global)])
        guard let project = try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first(),
              let earmark = try await Earmark.query(on: app.db).filter(\.$code == "PIS-ASEAN").first() else { return "no demo fund" }
        let projectID = try project.requireID(), earmarkID = try earmark.requireID()
        let store = LedgerStore(db: app.db, audit: app.auditLog)
        let source = LedgerAccount.available(source: "earmark:\(UUIDText.string(earmarkID))")
        let before = try await LedgerStore.balances([source], on: app.db)[source] ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var times: [Duration] = []
                    for _ in stride(from: client, to: count, by: clients) {
                        let request = BookingRequest(movement: "commitment", amount: "1000000", currency: "KRW", earmark: earmarkID, instrument: "loan",
                                                     valueDay: nil, memo: "bench")
                        let start = clock.now
                        _ = try await store.book(projectID, request, key: UUID().uuidString, by: principal)
                        times.append(clock.now - start)
                    }
                    return times
                }
            }
            var all: [Duration] = []
            for try await times in group { all += times }
            return all.sorted()
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The check: postings balance, balances match the lines, the earmark gave exactly what was booked.
        let lines = try await LedgerLineRecord.query(on: app.db).all()
        var sums: [String: Int] = [:]
        for line in lines { sums[line.account, default: 0] += line.amountKRW }
        let balances = Dictionary(try await LedgerBalance.query(on: app.db).all().map { ($0.account, $0.balance) }, uniquingKeysWith: +)
        let after = balances[source] ?? 0
        let balanced = lines.reduce(0) { $0 + $1.amountKRW } == 0 && sums == balances && before - after == count * 1_000_000
        func ms(_ duration: Duration) -> String {
            String(format: "%.1f", Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15)
        }
        return """
        | database | clients | commitments | seconds | commitments/s | p50 ms | p99 ms | ledger check |
        |---|---:|---:|---:|---:|---:|---:|---|
        | \(database) | \(clients) | \(count) | \(String(format: "%.2f", seconds)) | \(String(format: "%.0f", Double(count) / seconds)) | \
        \(ms(latencies[latencies.count / 2])) | \(ms(latencies[min(latencies.count - 1, latencies.count * 99 / 100)])) | \(balanced ? "balances" : "FAILS") |
        """
    }
}
