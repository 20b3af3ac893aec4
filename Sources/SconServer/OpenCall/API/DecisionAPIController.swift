import Fluent
import SconDomain
import Vapor

/// `/api/v1` for the selection, the decision and the published results of a call.
struct DecisionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(OpenCallAPI.selection(.key), use: selection)
        signedIn.post(OpenCallAPI.decision(.key), use: decide)
        routes.get(OpenCallAPI.results(.key), use: results)
        routes.get(OpenCallAPI.proposalResult(.key), use: proposalResult)
    }

    /// An applicant's own result once the call is published: rank, reason, score, and the
    /// reviewers' comments without their names.
    @Sendable func proposalResult(_ req: Request) async throws -> ProposalResultDTO {
        let id = try req.uuid()
        let proposal = try await ProposalStore.visibleModel(id, by: req.principal, on: req.db)
        guard CallAccess.allows(req.principal, .writeProposal(organisation: proposal.organisationID)) || CallAccess.allows(req.principal, .manageCall(proposal.callID)) else {
            throw DomainError.notFound("result")
        }
        let (_, decision) = try await req.decisionStore.decision(proposal.callID, by: req.principal)
        let entry = try decision.outcome.entries.first { $0.proposal == UUIDText.string(id) }
        let comments = try await Review.query(on: req.db).filter(\.$proposalID == id).filter(\.$state == "submitted").sort(\.$submittedAt).all().map(\.comment)
        return ProposalResultDTO(entry: entry, score: try decision.scores[UUIDText.string(id)], comments: comments)
    }

    /// The selection the rules give from today's reviews; nothing is written.
    @Sendable func selection(_ req: Request) async throws -> SelectionDTO {
        let callID = try req.uuid()
        let preview = try await req.decisionStore.preview(callID, by: req.principal)
        let call = try await CallStore.managedModel(callID, by: req.principal, on: req.db)
        return SelectionDTO(callID: callID, state: try call.callState, decidedAt: nil,
                            entries: try await Self.entries(preview.outcome, scores: preview.scores, breakdown: false, on: req.db),
                            unranked: preview.unranked)
    }

    @Sendable func decide(_ req: Request) async throws -> SelectionDTO {
        let callID = try req.uuid()
        let decision = try await req.decisionStore.decide(callID, by: req.principal)
        return SelectionDTO(callID: callID, state: .decided, decidedAt: decision.decidedAt,
                            entries: try await Self.entries(try decision.outcome, scores: decision.scores, breakdown: false, on: req.db),
                            unranked: [:])
    }

    /// Published results: the selected proposals and the reserve, with the score per criterion.
    @Sendable func results(_ req: Request) async throws -> SelectionDTO {
        let callID = try req.uuid()
        let (call, decision) = try await req.decisionStore.decision(callID, by: req.principal)
        let outcome = try decision.outcome
        let shown = SelectionOutcome(entries: outcome.entries.filter { $0.reason == .selected || $0.reservePosition != nil })
        return SelectionDTO(callID: callID, state: try call.callState, decidedAt: decision.decidedAt,
                            entries: try await Self.entries(shown, scores: decision.scores, breakdown: true, on: req.db), unranked: [:])
    }

    static func entries(_ outcome: SelectionOutcome, scores: [String: Double], breakdown: Bool, on db: any Database) async throws -> [SelectionEntryDTO] {
        let ids = outcome.entries.compactMap { UUID(uuidString: $0.proposal) }
        let proposals = try await Proposal.query(on: db).filter(\.$id ~~ ids).all()
        let reviews = breakdown ? try await Review.query(on: db).filter(\.$proposalID ~~ ids).filter(\.$state == "submitted").all() : []
        return try outcome.entries.map { entry in
            let proposal = proposals.first { $0.id.map(UUIDText.string) == entry.proposal }
            var means: [String: Double] = [:]
            let mine = try reviews.filter { UUIDText.string($0.proposalID) == entry.proposal }.map { try $0.scores }
            for key in Set(mine.flatMap(\.keys)) {
                let values = mine.compactMap { $0[key] }
                means[key] = Double(values.reduce(0, +)) / Double(max(values.count, 1))
            }
            return SelectionEntryDTO(entry: entry, score: scores[entry.proposal], proposal: proposal, breakdown: means)
        }
    }
}

extension Request {
    var decisionStore: DecisionStore { DecisionStore(db: db, audit: auditLog) }
}
