import Fluent
import SconDomain
import Vapor

/// `/api/v1` for the review: reviewer profiles, conflicts, the assignment, reviews, standings.
struct ReviewAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(ReviewAPI.reviewerProfile, use: profile)
        signedIn.put(ReviewAPI.reviewerProfile, use: setProfile)
        signedIn.get(ReviewAPI.reviewers(.key), use: pool)
        signedIn.get(ReviewAPI.conflicts(.key), use: conflicts)
        signedIn.put(ReviewAPI.conflicts(.key), use: declare)
        signedIn.get(ReviewAPI.assignment(.key), use: assignment)
        signedIn.post(ReviewAPI.assignment(.key), use: runAssignment)
        signedIn.post(ReviewAPI.assignmentPairs(.key), use: changePair)
        signedIn.get(ReviewAPI.standings(.key), use: standings)
        signedIn.get(ReviewAPI.reviews, use: reviews)
        signedIn.get(ReviewAPI.review(.key), use: review)
        signedIn.put(ReviewAPI.review(.key), use: saveReview)
    }

    // MARK: Reviewers

    @Sendable func profile(_ req: Request) async throws -> ReviewerProfileDTO {
        guard let userID = req.principal.userID else { throw DomainError.unauthenticated }
        return ReviewerProfileDTO(profile: try await req.reviewerStore.profile(of: userID))
    }

    @Sendable func setProfile(_ req: Request) async throws -> ReviewerProfileDTO {
        let input = try req.decodeJSON(ReviewerProfileInput.self)
        let profile = try ReviewerProfile.validated(sectors: input.sectors, countries: input.countries, languages: input.languages,
                                                    capacity: input.capacity, available: input.available, unavailable: input.unavailable,
                                                    knownCountries: try await CountryQuery(db: req.db).codes())
        return ReviewerProfileDTO(profile: try await req.reviewerStore.setProfile(profile, by: req.principal))
    }

    @Sendable func pool(_ req: Request) async throws -> ListResponse<PoolReviewerDTO> {
        let callID = try req.uuid()
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
        let lines = try await req.reviewerStore.conflictSheet(try req.uuid(), by: req.principal)
        return ListResponse(items: lines.map(ConflictLineDTO.init), nextCursor: nil)
    }

    @Sendable func declare(_ req: Request) async throws -> ListResponse<ConflictLineDTO> {
        let callID = try req.uuid()
        let input = try req.decodeJSON(ConflictsInput.self)
        _ = try await req.reviewerStore.declare(callID, input.conflicts.map { ($0.proposal, $0.reason) }, by: req.principal)
        return ListResponse(items: try await req.reviewerStore.conflictSheet(callID, by: req.principal).map(ConflictLineDTO.init), nextCursor: nil)
    }

    // MARK: Assignment

    @Sendable func assignment(_ req: Request) async throws -> AssignmentDTO {
        let rows = try await req.assignmentStore.list(try req.uuid(), by: req.principal)
        return AssignmentDTO(objective: nil, optimal: nil, rows: rows)
    }

    @Sendable func runAssignment(_ req: Request) async throws -> AssignmentDTO {
        let callID = try req.uuid()
        let input = try req.decodeJSON(AssignmentRunInput.self)
        let run = try await req.assignmentStore.run(callID, reviewsPerProposal: input.reviewsPerProposal, loadBalancing: input.loadBalancing,
                                                    fairness: input.fairness, reviewsDue: input.reviewsDue, by: req.principal)
        return AssignmentDTO(objective: run.objective, optimal: run.optimal, fairness: run.fairness, reviewsDue: run.reviewsDue, rows: run.pairs)
    }

    @Sendable func changePair(_ req: Request) async throws -> AssignmentDTO {
        let callID = try req.uuid()
        let input = try req.decodeJSON(AssignmentPairInput.self)
        _ = try await req.assignmentStore.change(callID, proposal: input.proposal, reviewer: input.reviewer, action: input.action, by: req.principal)
        return AssignmentDTO(objective: nil, optimal: nil, rows: try await req.assignmentStore.list(callID, by: req.principal))
    }

    @Sendable func standings(_ req: Request) async throws -> ListResponse<StandingDTO> {
        let standings = try await req.reviewStore.standings(try req.uuid(), by: req.principal)
        return ListResponse(items: standings.map(StandingDTO.init), nextCursor: nil)
    }

    // MARK: Reviews

    @Sendable func reviews(_ req: Request) async throws -> ListResponse<ReviewDTO> {
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
        return ReviewDTO(try await req.reviewStore.item(try req.uuid(), by: req.principal))
    }

    @Sendable func saveReview(_ req: Request) async throws -> ReviewDTO {
        let id = try req.uuid()
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
