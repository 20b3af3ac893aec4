import Fluent
import SconDomain
import Vapor

/// `/api/v1` for the review: reviewer profiles, conflicts, the assignment, reviews, standings.
struct ReviewAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "reviewer-profile", use: profile)
        routes.put("me", "reviewer-profile", use: setProfile)
        routes.get("calls", ":id", "reviewers", use: pool)
        routes.get("calls", ":id", "conflicts", use: conflicts)
        routes.put("calls", ":id", "conflicts", use: declare)
        routes.get("calls", ":id", "assignment", use: assignment)
        routes.post("calls", ":id", "assignment", use: runAssignment)
        routes.post("calls", ":id", "assignment", "pairs", use: changePair)
        routes.get("calls", ":id", "standings", use: standings)
        routes.get("reviews", use: reviews)
        routes.get("reviews", ":id", use: review)
        routes.put("reviews", ":id", use: saveReview)
    }

    // MARK: Reviewers

    @Sendable func profile(_ req: Request) async throws -> ReviewerProfileDTO {
        guard let userID = req.principal.userID else { throw DomainError.unauthenticated }
        return ReviewerProfileDTO(profile: try await req.reviewerStore.profile(of: userID))
    }

    @Sendable func setProfile(_ req: Request) async throws -> ReviewerProfileDTO {
        try req.requireSignedIn("keep a reviewer profile")
        let input = try req.decodeJSON(ReviewerProfileInput.self)
        let profile = try ReviewerProfile.validated(sectors: input.sectors, countries: input.countries, languages: input.languages,
                                                    capacity: input.capacity, available: input.available, unavailable: input.unavailable,
                                                    knownCountries: try await CountryQuery(db: req.db).codes())
        return ReviewerProfileDTO(profile: try await req.reviewerStore.setProfile(profile, by: req.principal))
    }

    @Sendable func pool(_ req: Request) async throws -> ListResponse<PoolReviewerDTO> {
        try req.requireSignedIn("see the reviewer pool")
        let callID = try req.uuidParameter()
        _ = try await CallStore.managedModel(callID, by: req.principal, on: req.db)
        let load = try await ReviewAssignment.query(on: req.db).filter(\.$callID == callID).filter(\.$status == ReviewAssignment.assigned).all()
        let pool = try await ReviewPool.reviewers(of: callID, on: req.db)
        return ListResponse(items: pool.map { member in
            PoolReviewerDTO(reviewer: member.reviewer, name: member.user.displayName,
                            assigned: load.filter { UUIDText.string($0.reviewerID) == member.reviewer.id }.count)
        }, nextCursor: nil)
    }

    // MARK: Conflicts

    @Sendable func conflicts(_ req: Request) async throws -> ListResponse<ConflictLineDTO> {
        try req.requireSignedIn("declare conflicts")
        let lines = try await req.reviewerStore.conflictSheet(try req.uuidParameter(), by: req.principal)
        return ListResponse(items: lines.map(ConflictLineDTO.init), nextCursor: nil)
    }

    @Sendable func declare(_ req: Request) async throws -> ListResponse<ConflictLineDTO> {
        try req.requireSignedIn("declare conflicts")
        let callID = try req.uuidParameter()
        let input = try req.decodeJSON(ConflictsInput.self)
        _ = try await req.reviewerStore.declare(callID, input.conflicts.map { ($0.proposal, $0.reason) }, by: req.principal)
        return ListResponse(items: try await req.reviewerStore.conflictSheet(callID, by: req.principal).map(ConflictLineDTO.init), nextCursor: nil)
    }

    // MARK: Assignment

    @Sendable func assignment(_ req: Request) async throws -> AssignmentDTO {
        try req.requireSignedIn("see the assignment")
        let rows = try await req.assignmentStore.list(try req.uuidParameter(), by: req.principal)
        return AssignmentDTO(objective: nil, optimal: nil, rows: rows)
    }

    @Sendable func runAssignment(_ req: Request) async throws -> AssignmentDTO {
        try req.requireSignedIn("assign reviewers")
        let callID = try req.uuidParameter()
        let input = try req.decodeJSON(AssignmentRunInput.self)
        let run = try await req.assignmentStore.run(callID, reviewsPerProposal: input.reviewsPerProposal, loadBalancing: input.loadBalancing,
                                                    fairness: input.fairness, reviewsDue: input.reviewsDue, by: req.principal)
        return AssignmentDTO(objective: run.objective, optimal: run.optimal, fairness: run.fairness, reviewsDue: run.reviewsDue, rows: run.pairs)
    }

    @Sendable func changePair(_ req: Request) async throws -> AssignmentDTO {
        try req.requireSignedIn("assign reviewers")
        let callID = try req.uuidParameter()
        let input = try req.decodeJSON(AssignmentPairInput.self)
        _ = try await req.assignmentStore.change(callID, proposal: input.proposal, reviewer: input.reviewer, action: input.action, by: req.principal)
        return AssignmentDTO(objective: nil, optimal: nil, rows: try await req.assignmentStore.list(callID, by: req.principal))
    }

    @Sendable func standings(_ req: Request) async throws -> ListResponse<StandingDTO> {
        try req.requireSignedIn("see the standings")
        let standings = try await req.reviewStore.standings(try req.uuidParameter(), by: req.principal)
        return ListResponse(items: standings.map(StandingDTO.init), nextCursor: nil)
    }

    // MARK: Reviews

    @Sendable func reviews(_ req: Request) async throws -> ListResponse<ReviewDTO> {
        try req.requireSignedIn("see your reviews")
        var pending: Bool?
        switch req.queryItem("state") {
        case nil, "": pending = nil
        case "pending": pending = true
        case "done": pending = false
        default: throw DomainError.badParameter([FieldIssue(field: "state", code: "unknown", detail: "state is pending or done.")])
        }
        let items = try await req.reviewStore.mine(req.principal, pending: pending)
        return ListResponse(items: items.map(ReviewDTO.init), nextCursor: nil)
    }

    @Sendable func review(_ req: Request) async throws -> ReviewDTO {
        try req.requireSignedIn("see your reviews")
        return ReviewDTO(try await req.reviewStore.item(try req.uuidParameter(), by: req.principal))
    }

    @Sendable func saveReview(_ req: Request) async throws -> ReviewDTO {
        try req.requireSignedIn("write reviews")
        let id = try req.uuidParameter()
        let input = try req.decodeJSON(ReviewInput.self)
        _ = try await req.reviewStore.save(id, scores: input.scores, comment: input.comment, note: input.note, submit: input.submit, by: req.principal)
        return ReviewDTO(try await req.reviewStore.item(id, by: req.principal))
    }
}

extension Request {
    var reviewerStore: ReviewerStore { ReviewerStore(db: db, audit: auditLog) }
    var assignmentStore: AssignmentStore { AssignmentStore(db: db, audit: auditLog) }
    var reviewStore: ReviewStore { ReviewStore(db: db, audit: auditLog) }
}
