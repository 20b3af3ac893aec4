import SconDomain
import Vapor

/// `GET /api/v1/notices` (the caller's notices, newest first, keyset-paginated) and
/// `POST /api/v1/notices/{id}/read`.
struct NoticesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(NoticesAPI.notices, use: notices)
        routes.signedIn.post(NoticesAPI.read(.key), use: read)
    }

    @Sendable func notices(_ req: Request) async throws -> ListResponse<NoticeDTO> {
        let page = try await NoticeStore(db: req.db).page(for: req.principal, try req.pageQuery())
        return ListResponse(items: try page.items.map(NoticeDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func read(_ req: Request) async throws -> NoticeDTO {
        try NoticeDTO(try await NoticeStore(db: req.db).markRead(try req.uuid(), by: req.principal, at: req.now))
    }
}

/// A notice as the API answers it.
struct NoticeDTO: JSONWritable {
    let notice: NoticeRecord
    let kind: NoticeKind

    init(_ notice: NoticeRecord) throws {
        self.notice = notice
        kind = try notice.kind
    }

    func writeJSON(to writer: inout JSONWriter) {
        let notice = self.notice, kind = self.kind
        writer.object {
            $0.field("id", notice.storedID)
            $0.field("kind", kind.rawValue)
            $0.field("text", notice.text)
            $0.field("link", notice.link)
            $0.field("createdAt", AuditChain.timestamp(notice.createdAt))
            $0.field("readAt", notice.readAt.map(AuditChain.timestamp))
        }
    }
}
