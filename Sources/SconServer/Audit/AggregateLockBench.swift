import NIOConcurrencyHelpers
import Fluent
import Foundation
import SconDomain
import SQLKit
import Vapor

/// `scon bench locks [--clients 16] [--count 800] [--postgres URL]`: do writes to different
/// aggregates wait for each other? On a fresh database, `clients` clients write proposal drafts
/// into the open sample call, first alone, then while as many clients book money on the fund.
/// Prints proposal writes per second in both runs and their ratio (the goal on PostgreSQL:
/// at least 0.8), the bookings' rate, and checks the ledger and the audit chains afterwards.
enum AggregateLockBench {
    static func run(clients: Int, count: Int, postgres: String?) async throws -> String {
        try await BenchDatabase.with(postgres: postgres) { app in
            let database = postgres == nil ? "SQLite" : "PostgreSQL"
            guard let call = try await Call.query(on: app.db).filter(\.$state == CallState.open.rawValue).first(),
                  let organisation = try await Organisation.query(on: app.db).filter(\.$seedKey == "th-mdes").first(),
                  let city = try await City.query(on: app.db).filter(\.$nameEn == "Bangkok").first(),
                  let project = try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first(),
                  let earmark = try await Earmark.query(on: app.db).filter(\.$code == "PIS-ASEAN").first() else { return "no demo data" }
            let member = try await benchUser(app, "bench-member@example.org", Grant(role: .organisationMember, scope: .organisation(UUIDText.string(organisation.storedID))))
            let manager = try await benchUser(app, "bench-fund@example.org", Grant(role: .fundManager, scope: .global))
            let proposals = ProposalStore(db: app.db, audit: app.auditLog)
            let ledger = LedgerStore(db: app.db, audit: app.auditLog)
            let draft = ProposalDraft(cityID: city.storedID, title: "Bench: flood early warning", problem: "Flash floods close roads every monsoon.",
                                      objectives: "A master plan for sensors and warnings.", supportType: "master-plan", budget: 500_000_000,
                                      counterpart: "Bangkok Metropolitan Administration", language: "en")
            let callID = call.storedID, organisationID = organisation.storedID, projectID = project.storedID, earmarkID = earmark.storedID

            @Sendable func writeProposals() async throws -> Double {
                let clock = ContinuousClock(), started = clock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for client in 0..<clients {
                        group.addTask {
                            for _ in stride(from: client, to: count, by: clients) {
                                _ = try await proposals.create(in: callID, organisationID: organisationID, draft, by: member)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                return Double(count) / seconds(clock.now - started)
            }
            let alone = try await writeProposals()
            let stop = NIOLockedValueBox(false)
            let booked = NIOLockedValueBox(0)
            let clock = ContinuousClock(), started = clock.now
            async let bookings: Void = withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        while !stop.withLockedValue({ $0 }) {
                            let request = BookingRequest(movement: "commitment", amount: "1000000", currency: "KRW", earmark: earmarkID,
                                                         instrument: "loan", valueDay: nil, memo: "bench")
                            _ = try await ledger.book(projectID, request, key: UUID().uuidString, by: manager)
                            booked.withLockedValue { $0 += 1 }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let alongside = try await writeProposals()
            stop.withLockedValue { $0 = true }
            try await bookings
            let bookingRate = Double(booked.withLockedValue { $0 }) / seconds(clock.now - started)
            let audit = try await app.auditLog.verify()
            let intact: Bool
            if case .intact = audit { intact = true } else { intact = false }
            return """
            | database | clients per kind | proposal writes/s alone | with bookings running | ratio | bookings/s meanwhile | audit chains |
            |---|---:|---:|---:|---:|---:|---|
            | \(database) | \(clients) | \(String(format: "%.0f", alone)) | \(String(format: "%.0f", alongside)) | \(String(format: "%.2f", alongside / alone)) | \
            \(String(format: "%.0f", bookingRate)) | \(intact ? "verify" : "BROKEN: \(audit)") |
            """
        }
    }

    static func benchUser(_ app: Application, _ email: String, _ grant: Grant) async throws -> Principal {
        let user = User(email: EmailAddress(email)!, passwordHash: "-", displayName: "Bench", language: .en)
        try await user.create(on: app.db)
        return Principal(userID: try user.requireID(), grants: [grant])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A fresh database for a benchmark: a temporary SQLite file, or a schema of its own on
/// PostgreSQL, migrated and seeded, removed afterwards.
enum BenchDatabase {
    static func with(postgres: String?, _ body: (Application) async throws -> String) async throws -> String {
        let app = try await Application.make(.production)
        app.logger.logLevel = .error
        var config = AppConfig()
        config.bcryptCost = 4
        var file: String?
        var schema: String?
        if let postgres {
            config.databaseURL = postgres
            schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        } else {
            file = NSTemporaryDirectory() + "scon-bench-\(UUID().uuidString).sqlite"
            config.databaseURL = "sqlite:\(file!)"
        }
        // SCON_BENCH_KEEP=1 keeps the SQLite file to look into afterwards (its path is printed).
        let keep = Environment.get("SCON_BENCH_KEEP") == "1"
        defer {
            if let file {
                if keep { print("kept: \(file)") } else { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
            }
        }
        do {
            try await configure(app, config: config, postgresSearchPath: schema.map { [$0] })
            if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            try await app.autoMigrate()
            try await DemoData.seedIfEmpty(app.db)
            try await app.asyncBoot()
            let report = try await body(app)
            if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
            try await app.asyncShutdown()
            return report
        } catch {
            if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
            try? await app.asyncShutdown()
            throw error
        }
    }
}
