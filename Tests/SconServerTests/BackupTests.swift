import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// `scon backup` and `scon restore` on SQLite: a copy taken while money is being booked loads
/// into an empty database, its audit verifies, and the API reads what it read before.
@Suite struct BackupTests {
    private func temporaryDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "scon-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    private func read(_ app: Application, _ path: String) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, path) { body = $0.body.string }
        return body
    }

    @Test func aCopyTakenDuringBookingsRestoresIntoAnEmptyDatabase() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/copy.sqlite"
        var organisations = "", numbers: [Int] = []

        try await withTestApp(.sqlite) { app in
            // Setup: bookings run while the copy is taken.
            let fixture = try await FundFixture.make(app)
            organisations = try await read(app, "/api/v1/organisations?limit=50")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for _ in 0..<15 {
                        let booked = try await fixture.book(fixture.commitment("1000000"), by: fixture.manager)
                        #expect(booked.status == .created)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(20))
                    // Action: the copy.
                    let bytes = try await DatabaseBackup(app: app).backup(to: file)
                    #expect(bytes > 0)
                }
                try await group.waitForAll()
            }
            numbers = try await LedgerTransaction.query(on: app.db).sort(\.$number).all(\.$number)
            // A backup never overwrites a file.
            await #expect(throws: DatabaseBackup.Failure.self) { try await DatabaseBackup(app: app).backup(to: file) }
            // Restoring into a database that has tables is refused.
            await #expect(throws: DatabaseBackup.Failure.self) { try await DatabaseBackup(app: app).restore(from: file) }
        }
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try await withTestApp(.sqlite, migrate: false) { app in
            // Action: restore into the empty database.
            let tables = try await DatabaseBackup(app: app).restore(from: file)
            // Check: the audit verifies, the reads are the same, the ledger is a prefix of the original's.
            #expect(tables > 20)
            if case .broken(let sequence, let reason) = try await app.auditLog.verify() { Issue.record("audit broken at \(sequence): \(reason)") }
            #expect(try await read(app, "/api/v1/organisations?limit=50") == organisations)
            let restored = try await LedgerTransaction.query(on: app.db).sort(\.$number).all(\.$number)
            #expect(!restored.isEmpty)
            #expect(Array(numbers.prefix(restored.count)) == restored)
            // And the restored database takes new writes.
            let fixture = try await FundFixture.make(app)
            #expect(try await fixture.book(fixture.commitment("1000000"), by: fixture.manager).status == .created)
        }
    }
}
