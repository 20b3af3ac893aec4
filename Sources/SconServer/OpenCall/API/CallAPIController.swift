import Fluent
import SconDomain
import Vapor

/// `/api/v1/calls`: the open call's rounds, their terms and their states.
struct CallAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(OpenCallAPI.calls, use: calls)
        signedIn.post(OpenCallAPI.calls, use: create)
        routes.get(OpenCallAPI.call(.key), use: call)
        signedIn.patch(OpenCallAPI.call(.key), use: update)
        signedIn.post(OpenCallAPI.callTransitions(.key), use: transition)
        signedIn.get(OpenCallAPI.callAudit(.key), use: audit)
    }

    @Sendable func calls(_ req: Request) async throws -> ListResponse<CallDTO> {
        ListResponse(items: try await req.callStore.visible(to: req.principal), nextCursor: nil)
    }

    @Sendable func call(_ req: Request) async throws -> CallDTO {
        try await req.callStore.find(try req.uuid(), by: req.principal)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        try req.principal.require(CallAccess.allows(req.principal, .createCall), "create calls")
        let input = try req.decodeJSON(CallInput.self)
        let call = try await req.callStore.create(input.applied(to: CallDraft()), by: req.principal)
        return req.created(call, at: OpenCallAPI.call(.value(call.id)))
    }

    @Sendable func update(_ req: Request) async throws -> CallDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(CallInput.self)
        return try await req.callStore.update(id, by: req.principal) { input.applied(to: $0) }
    }

    @Sendable func transition(_ req: Request) async throws -> CallDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(CallTransitionInput.self)
        return try await req.callStore.transition(id, to: input.to, by: req.principal)
    }

    /// The audit entries about one call, for those who manage it.
    @Sendable func audit(_ req: Request) async throws -> ListResponse<AuditEntryDTO> {
        let id = try req.uuid()
        _ = try await CallStore.managedModel(id, by: req.principal, on: req.db)
        let entries = try await req.auditLog.entries(limit: 1_000, subject: CallStore.subject(id))
        return ListResponse(items: entries.map(AuditEntryDTO.init), nextCursor: nil)
    }
}

/// An audit entry as the API shows it.
struct AuditEntryDTO: JSONWritable {
    let entry: AuditEntry

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("sequence", entry.sequence)
            $0.field("recordedAt", entry.recordedAt)
            $0.field("actor", entry.actor)
            $0.field("action", entry.action)
            $0.field("subject", entry.subject)
            $0.field("details", entry.details)
            $0.field("previousHash", entry.previousHash)
            $0.field("hash", entry.hash)
        }
    }
}

extension Request {
    var callStore: CallStore { CallStore(db: db, audit: auditLog) }
}
