import Fluent
import Foundation
import SconDomain

/// The files of a challenge: attached and removed by those who may edit it (its organisation's
/// members and the programme office), listed and downloaded by whoever may see it (a draft's
/// files: its organisation and the office only). Each file is checked by the open call's
/// `AttachmentRules` (a PDF, PNG or JPEG by its first bytes, the same size limit, at most 20);
/// audited in the challenge's chain.
struct ChallengeAttachmentStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Summary: Sendable {
        var id: UUID
        var challenge: UUID
        var filename: String
        var mediaType: String
        var size: Int
        var sha256: String
        var createdAt: Date
    }

    func list(_ challengeID: UUID, by principal: Principal) async throws -> [Summary] {
        _ = try await ChallengeStore.visible(challengeID, by: principal, on: db)
        return try await Self.summaries(challengeID, on: db)
    }

    static func summaries(_ challengeID: UUID, on db: any Database) async throws -> [Summary] {
        try await ChallengeAttachment.query(on: db).filter(\.$challengeID == challengeID)
            .field(\.$id).field(\.$challengeID).field(\.$filename).field(\.$mediaType).field(\.$size).field(\.$sha256).field(\.$createdAt)
            .sort(\.$createdAt).sort(\.$id).all().map(summary)
    }

    static func summary(_ model: ChallengeAttachment) -> Summary {
        Summary(id: model.storedID, challenge: model.challengeID, filename: model.filename, mediaType: model.mediaType, size: model.size,
                sha256: model.sha256, createdAt: model.createdAt)
    }

    func attach(_ challengeID: UUID, filename: String?, declaredType: String?, bytes: [UInt8], maximumBytes: Int, by principal: Principal) async throws -> Summary {
        try principal.require(principal.isSignedIn, "attach files")
        _ = try await writable(challengeID, by: principal, on: db)
        let now = audit.clock.now()
        return try await audit.record(.challenge(challengeID)) { tx in
            _ = try await writable(challengeID, by: principal, on: tx)
            let count = try await ChallengeAttachment.query(on: tx).filter(\.$challengeID == challengeID).count()
            let facts = try AttachmentRules.validated(filename: filename, declaredType: declaredType, bytes: bytes, maximumBytes: maximumBytes,
                                                      document: nil, requiredDocuments: 0, attachedAlready: count)
            let model = ChallengeAttachment()
            model.id = UUID()
            model.challengeID = challengeID
            model.filename = facts.filename
            model.mediaType = facts.kind.rawValue
            model.size = facts.size
            model.sha256 = facts.sha256
            model.content = Data(bytes)
            model.createdAt = now
            try await model.create(on: tx)
            return (Self.summary(model), [AuditEvent(actor: principal.userID, action: "challenge.attach", subject: ChallengeStore.subject(challengeID),
                                                     details: ["filename": facts.filename, "size": String(facts.size), "sha256": facts.sha256])])
        }
    }

    func remove(_ challengeID: UUID, _ id: UUID, by principal: Principal) async throws {
        try principal.require(principal.isSignedIn, "remove files")
        _ = try await writable(challengeID, by: principal, on: db)
        _ = try await audit.record(.challenge(challengeID)) { tx in
            guard let model = try await ChallengeAttachment.query(on: tx).filter(\.$id == id).filter(\.$challengeID == challengeID)
                .field(\.$id).field(\.$challengeID).field(\.$filename).field(\.$sha256).first() else { throw DomainError.notFound("attachment") }
            try await ChallengeAttachment.query(on: tx).filter(\.$id == id).delete()
            return ((), [AuditEvent(actor: principal.userID, action: "challenge.detach", subject: ChallengeStore.subject(challengeID),
                                    details: ["filename": model.filename, "sha256": model.sha256])])
        }
    }

    /// The file itself, for whoever may see its challenge.
    func content(_ challengeID: UUID, _ id: UUID, by principal: Principal) async throws -> ChallengeAttachment {
        _ = try await ChallengeStore.visible(challengeID, by: principal, on: db)
        guard let model = try await ChallengeAttachment.find(id, on: db), model.challengeID == challengeID else { throw DomainError.notFound("attachment") }
        return model
    }

    /// The file's summary (for the removal's confirmation), for those who may edit the challenge.
    func removable(_ challengeID: UUID, _ id: UUID, by principal: Principal) async throws -> Summary {
        _ = try await writable(challengeID, by: principal, on: db)
        guard let model = try await ChallengeAttachment.query(on: db).filter(\.$id == id).filter(\.$challengeID == challengeID)
            .field(\.$id).field(\.$challengeID).field(\.$filename).field(\.$mediaType).field(\.$size).field(\.$sha256).field(\.$createdAt).first()
        else { throw DomainError.notFound("attachment") }
        return Self.summary(model)
    }

    private func writable(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Challenge {
        let model = try await ChallengeStore.visible(id, by: principal, on: db)
        try principal.require(MarketplaceAccess.allows(principal, .edit(MarketplaceFacts(organisation: model.organisationID,
                                                                                         published: try model.challengeStatus.isPublished))),
                              "change this challenge's files")
        return model
    }
}
