import Fluent
import Foundation
import SconDomain

/// A file attached to a proposal (PDF, PNG or JPEG), kept in the database with its SHA-256,
/// so that every app server sees it and a backup of the database is a backup of the files.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "proposal_id") var proposalID: UUID
    @OptionalField(key: "document_index") var documentIndex: Int?
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(proposalID: UUID, facts: AttachmentFacts, bytes: [UInt8], by user: UUID?) {
        self.proposalID = proposalID
        documentIndex = facts.document
        filename = facts.filename
        mediaType = facts.kind.rawValue
        size = facts.size
        sha256 = facts.sha256
        content = Data(bytes)
        uploadedBy = user
    }
}
