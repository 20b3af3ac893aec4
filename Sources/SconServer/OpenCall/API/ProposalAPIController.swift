import Fluent
import SconDomain
import Vapor

/// `/api/v1` for proposals to a call and the countries' endorsements of them.
struct ProposalAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(OpenCallAPI.callProposals(.key), use: list)
        signedIn.post(OpenCallAPI.callProposals(.key), use: create)
        routes.get(OpenCallAPI.proposal(.key), use: proposal)
        signedIn.patch(OpenCallAPI.proposal(.key), use: update)
        signedIn.post(OpenCallAPI.proposalSubmit(.key), use: submit)
        signedIn.post(OpenCallAPI.proposalWithdraw(.key), use: withdraw)
        routes.get(OpenCallAPI.proposalEligibility(.key), use: eligibility)
        signedIn.get(OpenCallAPI.endorsement(.key, .key), use: endorsement)
        signedIn.put(OpenCallAPI.endorsement(.key, .key), use: endorse)
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<ProposalDTO> {
        let proposals = try await req.proposalStore.visible(in: try req.uuid(), to: req.principal)
        return ListResponse(items: try proposals.map(ProposalDTO.init), nextCursor: nil)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        let input = try req.decodeJSON(ProposalInput.self)
        let proposal = try await req.proposalStore.create(in: callID, organisationID: input.organisation,
                                                          input.applied(to: ProposalDraft(language: "en")), by: req.principal)
        return req.created(proposal, at: OpenCallAPI.proposal(.value(proposal.id)))
    }

    @Sendable func proposal(_ req: Request) async throws -> ProposalDTO {
        try ProposalDTO(try await req.proposalStore.find(try req.uuid(), by: req.principal))
    }

    @Sendable func update(_ req: Request) async throws -> ProposalDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(ProposalInput.self)
        guard input.organisation == nil else {
            throw DomainError.invalid([FieldIssue(field: "organisation", code: "not-allowed", detail: "the applicant organisation of a proposal does not change.")])
        }
        return try await req.proposalStore.update(id, by: req.principal) { input.applied(to: $0) }
    }

    @Sendable func submit(_ req: Request) async throws -> ProposalDTO {
        return try await req.proposalStore.submit(try req.uuid(), by: req.principal)
    }

    @Sendable func withdraw(_ req: Request) async throws -> ProposalDTO {
        return try await req.proposalStore.withdraw(try req.uuid(), by: req.principal)
    }

    @Sendable func eligibility(_ req: Request) async throws -> ListResponse<EligibilityResultDTO> {
        let results = try await req.proposalStore.eligibility(try req.uuid(), by: req.principal)
        return ListResponse(items: results.map(EligibilityResultDTO.init), nextCursor: nil)
    }

    @Sendable func endorsement(_ req: Request) async throws -> EndorsementDTO {
        return try await req.endorsementStore.get(try req.uuid(), try req.countryParameter(), by: req.principal)
    }

    @Sendable func endorse(_ req: Request) async throws -> EndorsementDTO {
        let callID = try req.uuid()
        let country = try req.countryParameter()
        let input = try req.decodeJSON(EndorsementInput.self)
        return try await req.endorsementStore.set(callID, country, input.proposals, by: req.principal)
    }
}

extension Request {
    var proposalStore: ProposalStore { ProposalStore(db: db, audit: auditLog) }
    var endorsementStore: EndorsementStore { EndorsementStore(db: db, audit: auditLog) }

    func countryParameter() throws -> CountryCode {
        guard let code = CountryCode(parameter(.country)) else {
            throw Abort(.badRequest, reason: "country must be an ISO 3166-1 alpha-2 code.")
        }
        return code
    }
}
