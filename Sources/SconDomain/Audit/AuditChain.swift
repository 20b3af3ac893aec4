import Crypto
import Foundation

/// One entry of the append-only audit log. Entries form chains, one per aggregate (a call, a
/// fund, a project, …): each entry holds the hash of the one before it in its chain, so that
/// changing, removing or reordering any entry breaks its chain from there on. The first entry
/// of a chain holds the hash of the entry that opened the chain in the registry chain (`""`),
/// so that a chain cannot vanish as a whole either. Chains let writes to different aggregates
/// proceed side by side; within a chain, one writer at a time.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The entry's place in the whole log (for listing); unique, not necessarily contiguous.
    public var sequence: Int
    /// The chain (aggregate) the entry belongs to: `call:<id>`, `fund:<id>`, … `""` is the
    /// registry chain, which also holds the entries written before chains existed.
    public var chain: String
    /// The entry's place in its chain, from 1.
    public var chainSequence: Int
    /// 1: the single-chain format of the first releases (only in the registry chain); 2: chained per aggregate.
    public var version: Int
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

    public init(sequence: Int, chain: String = "", chainSequence: Int? = nil, version: Int = 2, recordedAt: String, actor: String,
                action: String, subject: String, details: String, previousHash: String, hash: String) {
        self.sequence = sequence; self.chain = chain; self.chainSequence = chainSequence ?? sequence; self.version = version
        self.recordedAt = recordedAt; self.actor = actor; self.action = action
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
        case .broken(0, let reason): "the audit log does not fit the data: \(reason)"
        case .broken(let sequence, let reason): "the audit chain breaks at entry \(sequence): \(reason)"
        }
    }
}

/// SHA-256 hash chaining of audit entries.
public enum AuditChain {
    /// The `previousHash` of the first entry of the registry chain.
    public static let genesis = String(repeating: "0", count: 64)
    /// The registry chain: where chains are opened (and the entries of the first releases).
    public static let registry = ""
    /// The action of the registry entry that opens a chain; its subject is `chain:<name>`.
    public static let openAction = "audit.chain.open"

    /// The entry that follows `previous` in `chain` (nil for the first of the registry chain),
    /// sealed with its hash. The first entry of another chain follows the registry entry that
    /// opened it. `sequence` is the entry's place in the whole log (given by the store).
    public static func entry(after previous: AuditEntry?, in chain: String = registry, sequence: Int? = nil, recordedAt: Date,
                             actor: String, action: String, subject: String, details: String) -> AuditEntry {
        let inChain = previous?.chain == chain
        var entry = AuditEntry(sequence: sequence ?? ((previous?.sequence ?? 0) + 1), chain: chain,
                               chainSequence: inChain ? (previous?.chainSequence ?? 0) + 1 : 1, version: 2,
                               recordedAt: timestamp(recordedAt), actor: actor, action: action, subject: subject, details: details,
                               previousHash: previous?.hash ?? genesis, hash: "")
        entry.hash = hash(of: entry)
        return entry
    }

    /// The hash of an entry's fields (not of its own `hash`). Each field is written with its
    /// length, so that no two different entries have the same text.
    public static func hash(of entry: AuditEntry) -> String {
        let fields: [String]
        var text: String
        if entry.version == 1 {
            text = "scon-audit-v1\n"
            fields = [String(entry.sequence), entry.recordedAt, entry.actor, entry.action, entry.subject, entry.details, entry.previousHash]
        } else {
            text = "scon-audit-v2\n"
            fields = [entry.chain, String(entry.chainSequence), entry.recordedAt, entry.actor, entry.action, entry.subject,
                      entry.details, entry.previousHash]
        }
        for field in fields { text += "\(field.utf8.count):\(field)\n" }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks the entries of one chain in chain order and names the first one that does not
    /// fit. A part of a longer chain is checked with the entry just before it as `previous`;
    /// the first entry of a chain other than the registry is checked against `opening`, the
    /// registry entry that opened it.
    public static func verify(_ entries: [AuditEntry], after start: AuditEntry? = nil, opening: AuditEntry? = nil) -> AuditVerification {
        var previous = start
        for entry in entries {
            let expectedSequence = (previous?.chainSequence ?? 0) + 1
            guard entry.chainSequence == expectedSequence else {
                return .broken(sequence: entry.sequence, reason: "expected entry \(expectedSequence) of its chain here (an entry is missing or out of order)")
            }
            let expectedPrevious = previous?.hash ?? (entry.chain == registry ? genesis : opening?.hash)
            guard entry.previousHash == expectedPrevious else {
                let what = previous == nil && entry.chain != registry ? "the registry entry that opened its chain" : "the entry before it"
                return .broken(sequence: entry.sequence, reason: "it does not hold the hash of \(what)")
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
