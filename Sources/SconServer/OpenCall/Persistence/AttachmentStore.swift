import Fluent
import Foundation
import SconDomain
import Vapor

/// The files of proposals: attached and removed by the applicant while the proposal is a
/// draft before the deadline; read by whoever may see the proposal.
struct AttachmentStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Summary: Sendable {
        var id: UUID
        var document: Int?
        var filename: String
        var mediaType: String
        var size: Int
        var sha256: String
        var createdAt: Date?
    }

    func list(_ proposalID: UUID, by principal: Principal) async throws -> [Summary] {
        _ = try await ProposalStore.visibleModel(proposalID, by: principal, on: db)
        return try await Self.summaries(proposalID, on: db)
    }

    func attach(_ proposalID: UUID, filename: String?, declaredType: String?, document: Int?, bytes: [UInt8],
                maximumBytes: Int, by principal: Principal, now: Date? = nil) async throws -> Summary {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "attach files")
        return try await audit.record(.call(try await ProposalStore.callID(of: proposalID, on: db))) { tx in
            let proposal = try await ProposalStore.writableModel(proposalID, by: principal, on: tx)
            let call = try await ProposalStore.call(of: proposal, on: tx)
            let terms = try call.terms()
            if let refusal = ProposalRules.editRefusal(state: try proposal.proposalState, schedule: terms.schedule, now: now) {
                throw refusal
            }
            let count = try await Attachment.query(on: tx).filter(\.$proposalID == proposalID).count()
            let facts = try AttachmentRules.validated(filename: filename, declaredType: declaredType, bytes: bytes, maximumBytes: maximumBytes,
                                                      document: document, requiredDocuments: terms.requiredDocuments.count, attachedAlready: count)
            let model = Attachment(proposalID: proposalID, facts: facts, bytes: bytes, by: principal.userID)
            try await model.create(on: tx)
            return (Self.summary(model), [AuditEvent(actor: principal.userID, action: "proposal.attach", subject: ProposalStore.subject(proposalID), details: facts)])
        }
    }

    func remove(_ id: UUID, by principal: Principal, now: Date? = nil) async throws -> UUID {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "remove files")
        guard let proposalID = try await Attachment.query(on: db).filter(\.$id == id).field(\.$id).field(\.$proposalID).first()?.proposalID else {
            throw DomainError.notFound("attachment")
        }
        return try await audit.record(.call(try await ProposalStore.callID(of: proposalID, on: db))) { tx in
            guard let model = try await Attachment.query(on: tx).filter(\.$id == id).field(\.$id).field(\.$proposalID).field(\.$filename).field(\.$sha256).first() else {
                throw DomainError.notFound("attachment")
            }
            let proposal = try await ProposalStore.writableModel(model.proposalID, by: principal, on: tx)
            let call = try await ProposalStore.call(of: proposal, on: tx)
            if let refusal = ProposalRules.editRefusal(state: try proposal.proposalState, schedule: try call.terms().schedule, now: now) {
                throw refusal
            }
            try await Attachment.query(on: tx).filter(\.$id == id).delete()
            return (model.proposalID, [AuditEvent(actor: principal.userID, action: "proposal.detach", subject: ProposalStore.subject(model.proposalID),
                                                  details: ["filename": model.filename, "sha256": model.sha256])])
        }
    }

    /// The file itself, for whoever may see its proposal.
    func content(_ id: UUID, by principal: Principal) async throws -> Attachment {
        guard let model = try await Attachment.find(id, on: db) else { throw DomainError.notFound("attachment") }
        _ = try await ProposalStore.visibleModel(model.proposalID, by: principal, on: db)
        return model
    }

    /// How many of the call's required documents the proposal has (each counted once).
    static func coveredDocuments(_ proposalID: UUID, on db: any Database) async throws -> Int {
        try await coveredDocuments([proposalID], on: db)[proposalID] ?? 0
    }

    /// The same for many proposals in one query.
    static func coveredDocuments(_ proposalIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !proposalIDs.isEmpty else { return [:] }
        let rows = try await Attachment.query(on: db).filter(\.$proposalID ~~ proposalIDs).filter(\.$documentIndex != nil)
            .field(\.$id).field(\.$proposalID).field(\.$documentIndex).all()
        return Dictionary(grouping: rows, by: \.proposalID).mapValues { Set($0.compactMap(\.documentIndex)).count }
    }

    static func summaries(_ proposalID: UUID, on db: any Database) async throws -> [Summary] {
        try await Attachment.query(on: db).filter(\.$proposalID == proposalID)
            .field(\.$id).field(\.$proposalID).field(\.$documentIndex).field(\.$filename).field(\.$mediaType).field(\.$size).field(\.$sha256).field(\.$createdAt)
            .sort(\.$createdAt).all().map(summary)
    }

    static func summary(_ model: Attachment) -> Summary {
        Summary(id: model.storedID, document: model.documentIndex, filename: model.filename, mediaType: model.mediaType,
                size: model.size, sha256: model.sha256, createdAt: model.createdAt)
    }
}

/// An attachment as the API lists it (without its bytes).
struct AttachmentDTO: JSONWritable {
    let summary: AttachmentStore.Summary

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", summary.id)
            $0.field("document", summary.document)
            $0.field("filename", summary.filename)
            $0.field("mediaType", summary.mediaType)
            $0.field("size", summary.size)
            $0.field("sha256", summary.sha256)
            $0.field("createdAt", summary.createdAt.map(AuditChain.timestamp))
            $0.field("href", OpenCallAPI.attachment(.value(summary.id)).path)
        }
    }
}
