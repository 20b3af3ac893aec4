import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SconDomain
import SQLKit
import Vapor

/// Something to write to the audit log: who did what to which object, with the facts.
struct AuditEvent: Sendable {
    var actor: String
    var action: String
    var subject: String
    /// JSON text with sorted keys.
    var details: String

    init(actor: UUID?, action: String, subject: String, details: some Encodable) {
        self.actor = actor.map { UUIDText.string($0) } ?? "system"
        self.action = action
        self.subject = subject
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.details = (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The aggregate a change belongs to: its audit chain and the lock its writers take. Writes to
/// different aggregates do not wait for each other (on PostgreSQL); writes to one aggregate
/// happen one at a time, each reading and deciding as the only writer of that aggregate.
struct AuditChainKey: Sendable, Hashable {
    let name: String

    static func call(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "call:\(UUIDText.string(id))") }
    static func project(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "project:\(UUIDText.string(id))") }
    static func fund(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "fund:\(UUIDText.string(id))") }
    static func account(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "user:\(UUIDText.string(id))") }
    static func organisation(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "organisation:\(UUIDText.string(id))") }
    /// Exchange rates are one aggregate of their own.
    static let rates = AuditChainKey(name: "exchange-rates")
    static let registry = AuditChainKey(name: AuditChain.registry)

    /// The PostgreSQL advisory lock of this chain: 64 bits of the name's SHA-256.
    var lockKey: Int64 {
        let digest = Array(SHA256.hash(data: Data("scon-audit-lock:\(name)".utf8)))
        return digest.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }
}

/// The append-only audit log (SconDomain.AuditChain) in the database: one hash chain per
/// aggregate.
///
/// A change and its entries are written in one transaction, so there is never a change
/// without its entry or an entry for a change that was rolled back. On PostgreSQL the change
/// runs under its aggregate's transaction-scoped advisory lock, so writers of one aggregate
/// (a fund's ledger, a call's proposals) take turns while other aggregates go on; on SQLite
/// (one process, one writer) `AuditWriters` queues every writer. The unique index on
/// (chain, chain_sequence) is the last guard.
struct AuditLog: Sendable {
    let db: any Database
    let writers: AuditWriters
    /// The app's clock: entries are stamped with it, and stores that write through this log read "now" from it.
    var clock: SconClock = .live

    /// Runs `change` in a transaction under `chain`'s lock and appends the events it returns to
    /// that chain, in order.
    func record<T: Sendable>(_ chain: AuditChainKey, _ change: @escaping @Sendable (any Database) async throws -> (T, [AuditEvent])) async throws -> T {
        try await writers.run(chain) {
            try await db.transaction { tx in
                try await Self.lock(chain, on: tx)
                let (value, events) = try await change(tx)
                try await Self.append(events, to: chain, on: tx, now: clock.now())
                return value
            }
        }
    }

    /// Appends events to a chain inside the caller's transaction (the seed uses this directly),
    /// opening the chain in the registry when it is new.
    static func append(_ events: [AuditEvent], to chain: AuditChainKey, on tx: any Database, now: Date = Date()) async throws {
        guard !events.isEmpty else { return }
        try await lock(chain, on: tx)
        var previous = try await head(of: chain.name, on: tx)
        if previous == nil, chain != .registry {
            try await lock(.registry, on: tx)
            let registryHead = try await head(of: AuditChain.registry, on: tx)
            let opening = AuditChain.entry(after: registryHead, in: AuditChain.registry, sequence: try await nextSequence(on: tx), recordedAt: now,
                                           actor: "system", action: AuditChain.openAction, subject: "chain:\(chain.name)", details: "{}")
            try await AuditRecord(opening).create(on: tx)
            previous = opening
        }
        for event in events {
            let entry = AuditChain.entry(after: previous, in: chain.name, sequence: try await nextSequence(on: tx), recordedAt: now,
                                         actor: event.actor, action: event.action, subject: event.subject, details: event.details)
            try await AuditRecord(entry).create(on: tx)
            previous = entry
        }
    }

    /// On PostgreSQL, the chain's transaction-scoped advisory lock (taking it again in the same
    /// transaction is a no-op), in the space of the current schema: advisory locks are
    /// server-wide, and two schemas (two K-SCON databases on one server, or the tests') have
    /// chains of the same names that must not wait for each other.
    ///
    /// On SQLite, the database's write lock, taken before the transaction reads anything (a write
    /// that changes no row takes it): a transaction that read first and then wrote after another
    /// connection's commit (a session, a sign-in attempt) would fail at once with
    /// `SQLITE_BUSY_SNAPSHOT`, which no busy handler retries; now it waits its turn
    /// (schemathesis found the 500s this gave under two concurrent clients).
    static func lock(_ chain: AuditChainKey, on tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        guard sql.dialect.name == "postgresql" else {
            try await sql.raw("UPDATE audit_entries SET sequence = sequence WHERE 0 = 1").run()
            return
        }
        let key = Int32(truncatingIfNeeded: chain.lockKey ^ (chain.lockKey >> 32))
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(current_schema()), \(bind: key))").run()
    }

    /// The last entry of a chain.
    static func head(of chain: String, on db: any Database) async throws -> AuditEntry? {
        try await AuditRecord.query(on: db).filter(\.$chain == chain).sort(\.$chainSequence, .descending).first()?.entry
    }

    /// The next place in the whole log: a PostgreSQL sequence (no lock shared by all writers);
    /// on SQLite, with its single writer, one more than the last.
    static func nextSequence(on db: any Database) async throws -> Int {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            struct Next: Decodable { var next: Int }
            return try await sql.raw("SELECT nextval('audit_entries_sequence') AS next").first(decoding: Next.self)?.next ?? 0
        }
        return (try await AuditRecord.query(on: db).max(\.$id) ?? 0) + 1
    }

    /// Entries in the order they were written, `limit` at a time after `after`.
    func entries(after: Int = 0, limit: Int = 1_000, subject: String? = nil) async throws -> [AuditEntry] {
        var query = AuditRecord.query(on: db).filter(\.$id > after).sort(\.$id, .ascending).limit(limit)
        if let subject { query = query.filter(\.$subject == subject) }
        return try await query.all().map(\.entry)
    }

    /// Checks every chain, a thousand entries at a time: the registry, then each chain it
    /// opened (which must exist and start from its opening entry), then that no chain exists
    /// that the registry did not open. Names the first entry that does not fit.
    func verify() async throws -> AuditVerification {
        var checked = 0
        var openings: [String: AuditEntry] = [:]
        var ledgerEntries: [AuditEntry] = []
        let registry = try await verifyChain(AuditChain.registry, opening: nil) { entry in
            if entry.action == AuditChain.openAction, entry.subject.hasPrefix("chain:") { openings[String(entry.subject.dropFirst(6))] = entry }
            if entry.action.hasPrefix("ledger.") { ledgerEntries.append(entry) }  // written before the chains
        }
        guard case .intact(let count) = registry else { return registry }
        checked += count
        for (name, opening) in openings.sorted(by: { $0.value.sequence < $1.value.sequence }) {
            let result = try await verifyChain(name, opening: opening) { entry in
                if entry.action.hasPrefix("ledger.") { ledgerEntries.append(entry) }
            }
            guard case .intact(let count) = result else { return result }
            if count == 0 { return .broken(sequence: opening.sequence, reason: "the chain \(name) it opened has no entries (they were removed)") }
            checked += count
        }
        let sql = db as! any SQLDatabase
        struct ChainRow: Decodable { var chain: String; var first: Int }
        let chains = try await sql.raw("SELECT chain, MIN(sequence) AS first FROM audit_entries GROUP BY chain").all(decoding: ChainRow.self)
        if let stray = chains.filter({ $0.chain != AuditChain.registry && openings[$0.chain] == nil }).min(by: { $0.first < $1.first }) {
            return .broken(sequence: stray.first, reason: "its chain \(stray.chain) was never opened in the registry")
        }
        // The rows the entries stand for: the ledger's money (LedgerAudit).
        if let misfit = try await LedgerAudit(db: db).check(ledgerEntries.sorted { $0.sequence < $1.sequence }) {
            return .broken(sequence: misfit.sequence, reason: misfit.reason)
        }
        return .intact(entries: checked)
    }

    private func verifyChain(_ chain: String, opening: AuditEntry?, _ visit: (AuditEntry) -> Void) async throws -> AuditVerification {
        var checked = 0
        var previous: AuditEntry?
        while true {
            let batch = try await AuditRecord.query(on: db).filter(\.$chain == chain).filter(\.$chainSequence > (previous?.chainSequence ?? 0))
                .sort(\.$chainSequence, .ascending).limit(1_000).all().map(\.entry)
            if batch.isEmpty { return .intact(entries: checked) }
            if case .broken(let sequence, let reason) = AuditChain.verify(batch, after: previous, opening: opening) {
                return .broken(sequence: sequence, reason: reason)
            }
            batch.forEach(visit)
            checked += batch.count
            previous = batch.last
        }
    }
}

/// Queues the writers of the audit log within this process, so that a writer waits here, holding
/// no database connection, until it is its turn: on SQLite (one process, one writer) all writers in
/// one queue; on PostgreSQL one queue per aggregate (the chain's advisory lock orders the writers of
/// several app servers), so writers of different aggregates never wait for each other.
final class AuditWriters: Sendable {
    private let serialises: Bool
    private let queues = NIOLockedValueBox<[String: (busy: Bool, waiting: [CheckedContinuation<Void, Never>])]>([:])

    /// `serialises`: one queue for every writer (SQLite) instead of one per aggregate.
    init(serialises: Bool = true) {
        self.serialises = serialises
    }

    func run<T: Sendable>(_ chain: AuditChainKey, _ body: () async throws -> T) async throws -> T {
        let key = serialises ? "" : chain.name
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = queues.withLockedValue { queues -> Bool in
                var queue = queues[key] ?? (false, [])
                defer { queues[key] = queue }
                if !queue.busy { queue.busy = true; return true }
                queue.waiting.append(continuation)
                return false
            }
            if proceed { continuation.resume() }
        }
    }

    private func release(_ key: String) {
        let next = queues.withLockedValue { queues -> CheckedContinuation<Void, Never>? in
            guard var queue = queues[key] else { return nil }
            if queue.waiting.isEmpty {
                queues[key] = nil
                return nil
            }
            let next = queue.waiting.removeFirst()
            queues[key] = queue
            return next
        }
        next?.resume()
    }
}

extension Application {
    private struct AuditWritersKey: StorageKey { typealias Value = AuditWriters }

    /// Set once by `configure`, before the app serves.
    var auditWriters: AuditWriters {
        get { storage[AuditWritersKey.self]! }
        set { storage[AuditWritersKey.self] = newValue }
    }

    var auditLog: AuditLog { AuditLog(db: db, writers: auditWriters, clock: clock) }
}

extension Request {
    var auditLog: AuditLog { AuditLog(db: db, writers: application.auditWriters, clock: application.clock) }
}
