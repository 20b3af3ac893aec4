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

/// The append-only, hash-chained audit log (SconDomain.AuditChain) in the database.
///
/// A change and its entries are written in one transaction, so there is never a change
/// without its entry or an entry for a change that was rolled back. Entries must be added
/// one writer at a time, since each holds the hash of the one before: on PostgreSQL a
/// transaction-scoped advisory lock serialises the writers of every app server; on SQLite
/// (one process) `AuditWriters` queues them. The primary key on `sequence` is the last guard.
struct AuditLog: Sendable {
    let db: any Database
    let writers: AuditWriters

    /// The lock key of the audit chain on PostgreSQL (any fixed 64-bit number).
    static let advisoryLockKey = 0x5C0A_0D17

    /// Runs `change` in a transaction and appends the events it returns, in order. The
    /// chain's lock is taken first, so that `change` reads and decides as the only writer.
    func record<T: Sendable>(_ change: @escaping @Sendable (any Database) async throws -> (T, [AuditEvent])) async throws -> T {
        try await writers.run {
            try await db.transaction { tx in
                try await Self.lock(tx)
                let (value, events) = try await change(tx)
                try await Self.append(events, on: tx)
                return value
            }
        }
    }

    /// Appends events inside the caller's transaction (the seed uses this directly).
    static func append(_ events: [AuditEvent], on tx: any Database) async throws {
        try await lock(tx)
        var previous = try await AuditRecord.query(on: tx).sort(\.$id, .descending).first()?.entry
        for event in events {
            let entry = AuditChain.entry(after: previous, recordedAt: Date(), actor: event.actor, action: event.action,
                                         subject: event.subject, details: event.details)
            try await AuditRecord(entry).create(on: tx)
            previous = entry
        }
    }

    /// On PostgreSQL, the chain's transaction-scoped advisory lock (taking it again in the
    /// same transaction is a no-op).
    private static func lock(_ tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: advisoryLockKey))").run()
    }

    /// Entries in sequence order, `limit` at a time after `after`.
    func entries(after: Int = 0, limit: Int = 1_000, subject: String? = nil) async throws -> [AuditEntry] {
        var query = AuditRecord.query(on: db).filter(\.$id > after).sort(\.$id, .ascending).limit(limit)
        if let subject { query = query.filter(\.$subject == subject) }
        return try await query.all().map(\.entry)
    }

    /// Checks the whole chain, a thousand entries at a time.
    func verify() async throws -> AuditVerification {
        var checked = 0
        var previous: AuditEntry?
        while true {
            let batch = try await entries(after: previous?.sequence ?? 0)
            if batch.isEmpty { return .intact(entries: checked) }
            if case .broken(let sequence, let reason) = AuditChain.verify(batch, after: previous) {
                return .broken(sequence: sequence, reason: reason)
            }
            checked += batch.count
            previous = batch.last
        }
    }
}

/// Queues the writers of the audit chain within this process (for SQLite, where one
/// process owns the file): one at a time, in the order they came.
final class AuditWriters: Sendable {
    private let state = NIOLockedValueBox<(busy: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = state.withLockedValue { state -> Bool in
                if !state.busy { state.busy = true; return true }
                state.waiting.append(continuation)
                return false
            }
            if proceed { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty { state.busy = false; return nil }
            return state.waiting.removeFirst()
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

    var auditLog: AuditLog { AuditLog(db: db, writers: auditWriters) }
}

extension Request {
    var auditLog: AuditLog { AuditLog(db: db, writers: application.auditWriters) }
}
