import Fluent
import Foundation
import SconDomain

/// One stored entry of the hash-chained audit log (`SconDomain.AuditEntry`). Rows are only
/// ever inserted; `sequence` is the primary key and (chain, chain_sequence) is unique, so two
/// writers cannot both add entry n of a chain.
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: "sequence", generatedBy: .user) var id: Int?
    @Field(key: "chain") var chain: String
    @Field(key: "chain_sequence") var chainSequence: Int
    @Field(key: "version") var version: Int
    @Field(key: "recorded_at") var recordedAt: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @Field(key: "details") var details: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ entry: AuditEntry) {
        id = entry.sequence
        chain = entry.chain
        chainSequence = entry.chainSequence
        version = entry.version
        recordedAt = entry.recordedAt
        actor = entry.actor
        action = entry.action
        subject = entry.subject
        details = entry.details
        previousHash = entry.previousHash
        hash = entry.hash
    }

    var entry: AuditEntry {
        AuditEntry(sequence: id ?? 0, chain: chain, chainSequence: chainSequence, version: version, recordedAt: recordedAt, actor: actor,
                   action: action, subject: subject, details: details, previousHash: previousHash, hash: hash)
    }
}
