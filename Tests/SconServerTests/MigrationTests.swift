import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// A database made by the first releases' migrations (001–005, with the demo data and three
/// accounts; Fixtures/Migration005) migrates forward without loss: every API read it answered
/// then (recorded in `golden/`) it answers the same now (new fields may be added), and its
/// audit log still verifies.
@Suite struct MigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Migration005")

    /// True when `old` is within `new`: the same scalars, every key of an object, arrays of the same length.
    static func contains(_ new: Any, _ old: Any, at path: String, _ differences: inout [String]) {
        switch (new, old) {
        case (let new as [String: Any], let old as [String: Any]):
            for (key, value) in old {
                guard let newValue = new[key] else { differences.append("\(path).\(key) is gone"); continue }
                contains(newValue, value, at: "\(path).\(key)", &differences)
            }
        case (let new as [Any], let old as [Any]):
            guard new.count == old.count else { differences.append("\(path) has \(new.count) items, had \(old.count)"); return }
            for (index, pair) in zip(new, old).enumerated() { contains(pair.0, pair.1, at: "\(path)[\(index)]", &differences) }
        default:
            if "\(new)" != "\(old)" { differences.append("\(path): \(new) (was \(old))") }
        }
    }

    @Test func aDatabaseOfTheFirstReleasesMigratesForwardAndAnswersTheSame() async throws {
        // setup: a copy of the old database
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let file = "\(directory)/scon-migration-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture.appendingPathComponent("demo-005.db").path, toPath: file)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var config = AppConfig()
        config.databaseURL = "sqlite:\(file)"
        do {
            try await SconServer.configure(app, config: config)
            // act: migrate forward, as `scon serve` does
            try await app.autoMigrate()
            try await app.asyncBoot()
            // check: the same answers
            let reads = try String(contentsOf: Self.fixture.appendingPathComponent("reads.txt"), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(reads.count == 30)
            for (index, read) in reads.enumerated() where read.count == 2 {
                let golden = try Data(contentsOf: Self.fixture.appendingPathComponent(String(format: "golden/%02d.body", index + 1)))
                let headers: HTTPHeaders = read[0] == "anon" ? [:] : ["Authorization": "Bearer scon_fixture-\(read[0])"]
                try await app.testing().test(.GET, read[1], headers: headers) { response in
                    #expect(response.status == .ok, "\(read[1]) as \(read[0])")
                    let body = Data(response.body.readableBytesView)
                    if let old = try? JSONSerialization.jsonObject(with: golden) {
                        let new = try JSONSerialization.jsonObject(with: body)
                        var differences: [String] = []
                        Self.contains(new, old, at: "", &differences)
                        #expect(differences.isEmpty, "\(read[1]) as \(read[0]): \(differences.prefix(5).joined(separator: "; "))")
                    } else {
                        #expect(body == golden, "\(read[1]) as \(read[0]) changed")
                    }
                }
            }
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
