import Fluent
import SconDomain
import Vapor

/// `/api/v1` for proposals to a call and the countries' endorsements of them.
struct ProposalAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("calls", ":id", "proposals", use: list)
        routes.post("calls", ":id", "proposals", use: create)
        routes.get("proposals", ":id", use: proposal)
        routes.patch("proposals", ":id", use: update)
        routes.post("proposals", ":id", "submit", use: submit)
        routes.post("proposals", ":id", "withdraw", use: withdraw)
        routes.get("proposals", ":id", "eligibility", use: eligibility)
        routes.get("calls", ":id", "endorsements", ":country", use: endorsement)
        routes.put("calls", ":id", "endorsements", ":country", use: endorse)
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<ProposalDTO> {
        let proposals = try await req.proposalStore.visible(in: try req.uuidParameter(), to: req.principal)
        return ListResponse(items: try proposals.map(ProposalDTO.init), nextCursor: nil)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        try req.requireSignedIn("write proposals")
        let callID = try req.uuidParameter()
        let input = try req.decodeJSON(ProposalInput.self)
        let proposal = try await req.proposalStore.create(in: callID, organisationID: input.organisation,
                                                          input.applied(to: ProposalDraft(language: "en")), by: req.principal)
        return req.created(proposal, location: proposal.path)
    }

    @Sendable func proposal(_ req: Request) async throws -> ProposalDTO {
        try ProposalDTO(try await req.proposalStore.find(try req.uuidParameter(), by: req.principal))
    }

    @Sendable func update(_ req: Request) async throws -> ProposalDTO {
        try req.requireSignedIn("edit proposals")
        let id = try req.uuidParameter()
        let input = try req.decodeJSON(ProposalInput.self)
        guard input.organisation == nil else {
            throw DomainError.invalid([FieldIssue(field: "organisation", code: "not-allowed", detail: "the applicant organisation of a proposal does not change.")])
        }
        return try await req.proposalStore.update(id, by: req.principal) { input.applied(to: $0) }
    }

    @Sendable func submit(_ req: Request) async throws -> ProposalDTO {
        try req.requireSignedIn("submit proposals")
        return try await req.proposalStore.submit(try req.uuidParameter(), by: req.principal)
    }

    @Sendable func withdraw(_ req: Request) async throws -> ProposalDTO {
        try req.requireSignedIn("withdraw proposals")
        return try await req.proposalStore.withdraw(try req.uuidParameter(), by: req.principal)
    }

    @Sendable func eligibility(_ req: Request) async throws -> ListResponse<EligibilityResultDTO> {
        let results = try await req.proposalStore.eligibility(try req.uuidParameter(), by: req.principal)
        return ListResponse(items: results.map(EligibilityResultDTO.init), nextCursor: nil)
    }

    @Sendable func endorsement(_ req: Request) async throws -> EndorsementDTO {
        try req.requireSignedIn("see endorsements")
        return try await req.endorsementStore.get(try req.uuidParameter(), try req.countryParameter(), by: req.principal)
    }

    @Sendable func endorse(_ req: Request) async throws -> EndorsementDTO {
        try req.requireSignedIn("endorse proposals")
        let callID = try req.uuidParameter()
        let country = try req.countryParameter()
        let input = try req.decodeJSON(EndorsementInput.self)
        return try await req.endorsementStore.set(callID, country, input.proposals, by: req.principal)
    }
}

extension Request {
    var proposalStore: ProposalStore { ProposalStore(db: db, audit: auditLog) }
    var endorsementStore: EndorsementStore { EndorsementStore(db: db, audit: auditLog) }

    func countryParameter() throws -> CountryCode {
        guard let code = CountryCode(parameters.get("country") ?? "") else {
            throw Abort(.badRequest, reason: "country must be an ISO 3166-1 alpha-2 code.")
        }
        return code
    }
}
