import Fluent
import SconDomain
import Vapor

/// `/api/v1` for joining: requests to join an organisation and organisations proposed for the directory.
struct JoinAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.post(DirectoryAPI.joinRequestsOf(.key), use: request)
        signedIn.get(DirectoryAPI.joinRequests, use: requests)
        signedIn.post(DirectoryAPI.joinRequestDecision(.key), use: decide)
        signedIn.post(DirectoryAPI.registrations, use: propose)
        signedIn.get(DirectoryAPI.registrations, use: registrations)
        signedIn.post(DirectoryAPI.registrationDecision(.key), use: decideRegistration)
    }

    @Sendable func request(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(JoinRequestInput.self)
        let record = try await req.joinStore.request(id, message: input.message, by: req.principal)
        return req.created(try await dto(record, req), at: DirectoryAPI.joinRequests)
    }

    @Sendable func requests(_ req: Request) async throws -> ListResponse<JoinRequestDTO> {
        let state = try req.queryItem("state").map { text throws(DomainError) -> JoinRequestState in
            guard let state = JoinRequestState(rawValue: text) else {
                throw .badParameter([FieldIssue(field: "state", code: "unknown", detail: "state must be one of: \(JoinRequestState.allCases.map(\.rawValue).joined(separator: ", ")).")])
            }
            return state
        }
        let page = try await req.joinStore.requests(for: req.principal, state: state, try req.pageQuery())
        let names = try await JoinNames.load(page.items, on: req.db)
        return ListResponse(items: try page.items.map { try JoinRequestDTO($0, names: names) }, nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func decide(_ req: Request) async throws -> JoinRequestDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(JoinDecisionInput.self)
        return try await dto(try await req.joinStore.decide(id, input.decision, reason: input.reason, by: req.principal), req)
    }

    @Sendable func propose(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(OrganisationRegistrationInput.self)
        let record = try await req.joinStore.propose(input.draft, city: input.city, by: req.principal)
        return req.created(try OrganisationRegistrationDTO(record), at: DirectoryAPI.registrations)
    }

    @Sendable func registrations(_ req: Request) async throws -> ListResponse<OrganisationRegistrationDTO> {
        let state = try req.queryItem("state").map { text throws(DomainError) -> OrganisationRegistrationState in
            guard let state = OrganisationRegistrationState(rawValue: text) else {
                throw .badParameter([FieldIssue(field: "state", code: "unknown", detail: "state must be one of: \(OrganisationRegistrationState.allCases.map(\.rawValue).joined(separator: ", ")).")])
            }
            return state
        }
        let page = try await req.joinStore.registrations(for: req.principal, state: state, try req.pageQuery())
        return ListResponse(items: try page.items.map(OrganisationRegistrationDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func decideRegistration(_ req: Request) async throws -> OrganisationRegistrationDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(JoinDecisionInput.self)
        return try OrganisationRegistrationDTO(try await req.joinStore.decideRegistration(id, input.decision, reason: input.reason, by: req.principal))
    }

    private func dto(_ record: JoinRequestRecord, _ req: Request) async throws -> JoinRequestDTO {
        try JoinRequestDTO(record, names: try await JoinNames.load([record], on: req.db))
    }
}

extension Request {
    var joinStore: JoinStore { JoinStore(db: db, audit: auditLog) }
}
