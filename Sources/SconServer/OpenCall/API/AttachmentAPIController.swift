import Fluent
import SconDomain
import Vapor

/// `/api/v1` for the files of proposals: upload as the raw request body, list, download, remove.
struct AttachmentAPIController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(OpenCallAPI.proposalAttachments(.key), use: list)
        signedIn.upload(OpenCallAPI.proposalAttachments(.key), maxBytes: maxAttachmentBytes, use: upload)
            .allowingBodies(upTo: maxAttachmentBytes)
        routes.get(OpenCallAPI.attachment(.key), use: download)
        signedIn.delete(OpenCallAPI.attachment(.key), use: remove)
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<AttachmentDTO> {
        let summaries = try await req.attachmentStore.list(try req.uuid(), by: req.principal)
        return ListResponse(items: summaries.map(AttachmentDTO.init), nextCursor: nil)
    }

    /// The file is the body, sent with its own `Content-Type`; `?filename=` names it and
    /// `?document=` says which of the call's required documents it is.
    @Sendable func upload(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        var issues = FieldRules()
        var document: Int?
        if let text = req.queryItem("document"), !text.isEmpty {
            document = Int(text)
            if document == nil { issues.fail("document", "invalid", "document is a whole number: the place of the required document in the call's list, from 0.") }
        }
        try issues.checkParameters()
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let summary = try await req.attachmentStore.attach(id, filename: req.queryItem("filename"), declaredType: req.headers.first(name: .contentType),
                                                          document: document, bytes: bytes, maximumBytes: maxAttachmentBytes, by: req.principal)
        return req.created(AttachmentDTO(summary: summary), at: OpenCallAPI.attachment(.value(summary.id)))
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        let model = try await req.attachmentStore.content(try req.uuid(), by: req.principal)
        return Self.fileResponse(model, for: req)
    }

    @Sendable func remove(_ req: Request) async throws -> HTTPStatus {
        _ = try await req.attachmentStore.remove(try req.uuid(), by: req.principal)
        return .noContent
    }

    /// The file as a download: its own type, its name (RFC 6266, with an ASCII fallback), its
    /// hash as the ETag; never cached by shared caches.
    static func fileResponse(_ model: Attachment, for req: Request) -> Response {
        fileResponse(filename: model.filename, mediaType: model.mediaType, sha256: model.sha256, content: model.content, for: req)
    }

    static func fileResponse(filename: String, mediaType: String, sha256: String, content: Data, for req: Request) -> Response {
        var headers = HTTPHeaders()
        let etag = "\"\(sha256)\""
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=0, must-revalidate")
        if req.headers.first(name: .ifNoneMatch) == etag { return Response(status: .notModified, headers: headers) }
        headers.replaceOrAdd(name: .contentType, value: mediaType)
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\\" && $0 != "\"" ? Character($0) : "_" })
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(PercentEncoding.queryValue(filename))")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(data: content)))
    }
}

extension Request {
    var attachmentStore: AttachmentStore { AttachmentStore(db: db, audit: auditLog) }
}
