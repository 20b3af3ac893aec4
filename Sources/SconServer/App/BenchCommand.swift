import Foundation
import SconDomain
import Vapor

/// `scon bench NAME [options]`: a context's benchmark (`assignment`, `ledger`, …; the HTTP
/// benchmark is bench/http.sh). Each prints Markdown tables.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to measure")
        var what: String
        @Option(name: "runs", help: "Timed runs per instance (default 5).")
        var runs: Int?
        @Option(name: "clients", help: "Concurrent clients (ledger: default 16).")
        var clients: Int?
        @Option(name: "count", help: "Operations in all (ledger: default 2000).")
        var count: Int?
        @Option(name: "postgres", help: "A PostgreSQL URL to measure on (a schema of its own, dropped afterwards) instead of SQLite.")
        var postgres: String?
    }

    var help: String { "Benchmarks: \(Self.benchmarks.keys.sorted().joined(separator: ", ")) (the HTTP benchmark is bench/http.sh)." }

    static var benchmarks: [String: @Sendable (BenchOptions, CommandContext) async throws -> Void] {
        SconContexts.all.reduce(into: [:]) { $0.merge($1.tools.benchmarks) { first, _ in first } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let benchmark = Self.benchmarks[signature.what] else {
            CommandFailure("unknown benchmark \(signature.what); use: scon bench \(Self.benchmarks.keys.sorted().joined(separator: " | ")) (HTTP: bench/http.sh)").exit()
        }
        try await benchmark(BenchOptions(runs: signature.runs, clients: signature.clients, count: signature.count, postgres: signature.postgres), context)
    }
}
