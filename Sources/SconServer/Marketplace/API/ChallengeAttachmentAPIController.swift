import Fluent
import SconDomain
import Vapor

extension PathName {
    static let attachment = PathName("attachment")
}

/// `/api/v1/challenges/{id}/attachments`: upload (the raw body, as the proposals' files), list,
/// download, remove.
struct ChallengeAttachmentAPIController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(MarketplaceAPI.challengeAttachments(.key), use: list)
        signedIn.upload(MarketplaceAPI.challengeAttachments(.key), maxBytes: maxAttachmentBytes, use: upload)
            .allowingBodies(upTo: maxAttachmentBytes)
        routes.get(MarketplaceAPI.challengeAttachment(.key, attachment: .key), use: download)
        signedIn.delete(MarketplaceAPI.challengeAttachment(.key, attachment: .key), use: remove)
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<ChallengeAttachmentDTO> {
        ListResponse(items: try await req.challengeAttachmentStore.list(try req.uuid(), by: req.principal).map(ChallengeAttachmentDTO.init), nextCursor: nil)
    }

    /// The file is the body, sent with its own `Content-Type`; `?filename=` names it.
    @Sendable func upload(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let summary = try await req.challengeAttachmentStore.attach(id, filename: req.queryItem("filename"), declaredType: req.headers.first(name: .contentType),
                                                                    bytes: bytes, maximumBytes: maxAttachmentBytes, by: req.principal)
        return req.created(ChallengeAttachmentDTO(summary: summary), at: MarketplaceAPI.challengeAttachment(.value(id), attachment: .value(summary.id)))
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        let model = try await req.challengeAttachmentStore.content(try req.uuid(), try req.uuid(.attachment), by: req.principal)
        return AttachmentAPIController.fileResponse(filename: model.filename, mediaType: model.mediaType, sha256: model.sha256, content: model.content, for: req)
    }

    @Sendable func remove(_ req: Request) async throws -> HTTPStatus {
        try await req.challengeAttachmentStore.remove(try req.uuid(), try req.uuid(.attachment), by: req.principal)
        return .noContent
    }
}

/// A challenge's file as the API lists it (without its bytes).
struct ChallengeAttachmentDTO: JSONWritable {
    let summary: ChallengeAttachmentStore.Summary

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", summary.id)
            $0.field("filename", summary.filename)
            $0.field("mediaType", summary.mediaType)
            $0.field("size", summary.size)
            $0.field("sha256", summary.sha256)
            $0.field("createdAt", ISO8601DateFormatter().string(from: summary.createdAt))
            $0.field("href", MarketplaceAPI.challengeAttachment(.value(summary.challenge), attachment: .value(summary.id)).path)
        }
    }
}

extension Request {
    var challengeAttachmentStore: ChallengeAttachmentStore { ChallengeAttachmentStore(db: db, audit: auditLog) }
}
