import Crypto
import Foundation

/// One entry of the append-only audit log. Each entry holds the hash of the one before, so
/// that changing, removing or reordering any entry breaks the chain from there on.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int
    /// UTC, ISO 8601 with milliseconds.
    public var recordedAt: String
    /// Who acted: a user id, or `system`.
    public var actor: String
    /// What happened, as a stable word: `call.transition`, `proposal.submit`, …
    public var action: String
    /// What it happened to: `call:<id>`, `proposal:<id>`, …
    public var subject: String
    /// The facts of the change, as JSON text.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, recordedAt: String, actor: String, action: String, subject: String, details: String,
                previousHash: String, hash: String) {
        self.sequence = sequence; self.recordedAt = recordedAt; self.actor = actor; self.action = action
        self.subject = subject; self.details = details; self.previousHash = previousHash; self.hash = hash
    }
}

/// What `AuditChain.verify` found.
public enum AuditVerification: Sendable, Hashable, CustomStringConvertible {
    case intact(entries: Int)
    case broken(sequence: Int, reason: String)

    public var description: String {
        switch self {
        case .intact(let entries): "the audit chain is intact (\(entries) \(entries == 1 ? "entry" : "entries"))"
        case .broken(let sequence, let reason): "the audit chain breaks at entry \(sequence): \(reason)"
        }
    }
}

/// SHA-256 hash chaining of audit entries.
public enum AuditChain {
    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The entry that follows `previous` (nil for the first), sealed with its hash.
    public static func entry(after previous: AuditEntry?, recordedAt: Date, actor: String, action: String,
                             subject: String, details: String) -> AuditEntry {
        var entry = AuditEntry(sequence: (previous?.sequence ?? 0) + 1, recordedAt: timestamp(recordedAt), actor: actor,
                               action: action, subject: subject, details: details,
                               previousHash: previous?.hash ?? genesis, hash: "")
        entry.hash = hash(of: entry)
        return entry
    }

    /// The hash of an entry's fields (not of its own `hash`). Each field is written with its
    /// length, so that no two different entries have the same text.
    public static func hash(of entry: AuditEntry) -> String {
        var text = "scon-audit-v1\n"
        for field in [String(entry.sequence), entry.recordedAt, entry.actor, entry.action, entry.subject, entry.details, entry.previousHash] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks entries in sequence order and names the first one that does not fit. A part of
    /// a longer chain is checked with the entry just before it as `previous`.
    public static func verify(_ entries: [AuditEntry], after start: AuditEntry? = nil) -> AuditVerification {
        var previous = start
        for entry in entries {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            guard entry.sequence == expectedSequence else {
                return .broken(sequence: entry.sequence, reason: "expected entry \(expectedSequence) here (an entry is missing or out of order)")
            }
            guard entry.previousHash == (previous?.hash ?? genesis) else {
                return .broken(sequence: entry.sequence, reason: "it does not hold the hash of the entry before it")
            }
            guard entry.hash == hash(of: entry) else {
                return .broken(sequence: entry.sequence, reason: "its content does not match its hash (it was changed)")
            }
            previous = entry
        }
        return .intact(entries: entries.count)
    }

    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }

    /// Reads a `timestamp` back (with or without fractional seconds).
    public static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!).parse(text))
            ?? (try? Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).parse(text))
    }
}
