import Fluent
import Foundation
import SconDomain
import Vapor

/// Reviews: a reviewer scores its assigned proposals (drafts, then a final submission) and
/// never sees another reviewer's scores; the call's managers see the standings.
struct ReviewStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Item: Sendable {
        var assignment: ReviewAssignment
        var proposal: Proposal
        var review: Review?
        /// The review's scores per criterion, read once.
        var scores: [String: Int]

        init(assignment: ReviewAssignment, proposal: Proposal, review: Review?) throws {
            self.assignment = assignment
            self.proposal = proposal
            self.review = review
            scores = try review?.scores ?? [:]
        }
    }

    /// The reviewer's assigned proposals across calls, with its own review of each.
    func mine(_ principal: Principal, pending: Bool? = nil) async throws -> [Item] {
        guard let userID = principal.userID else { throw DomainError.unauthenticated }
        let assignments = try await ReviewAssignment.query(on: db).filter(\.$reviewerID == userID).filter(\.$status == ReviewAssignment.assigned).all()
        let proposals = try await Proposal.query(on: db).filter(\.$id ~~ assignments.map(\.proposalID)).all()
        let reviews = try await Review.query(on: db).filter(\.$reviewerID == userID).all()
        let items = try assignments.compactMap { assignment -> Item? in
            guard let proposal = proposals.first(where: { $0.id == assignment.proposalID }) else { return nil }
            return try Item(assignment: assignment, proposal: proposal, review: reviews.first { $0.proposalID == assignment.proposalID })
        }
        .sorted { ($0.proposal.code ?? "") < ($1.proposal.code ?? "") }
        guard let pending else { return items }
        return items.filter { ($0.review?.state == "submitted") != pending }
    }

    /// The reviewer's own review of one assigned proposal (404 when not assigned).
    func item(_ proposalID: UUID, by principal: Principal) async throws -> Item {
        guard let userID = principal.userID else { throw DomainError.unauthenticated }
        guard let assignment = try await Self.assignment(proposalID, userID, on: db),
              let proposal = try await Proposal.find(proposalID, on: db) else { throw DomainError.notFound("review") }
        let review = try await Review.query(on: db).filter(\.$proposalID == proposalID).filter(\.$reviewerID == userID).first()
        return try Item(assignment: assignment, proposal: proposal, review: review)
    }

    /// Saves the scores and comment; with `submit`, checks that every criterion is scored and
    /// makes the review final.
    func save(_ proposalID: UUID, scores: [String: Int], comment: String?, note: String?, submit: Bool,
              by principal: Principal, now: Date? = nil) async throws -> Review {
        let now = now ?? audit.clock.now()
        guard let userID = principal.userID else { throw DomainError.unauthenticated }
        return try await audit.record(.call(try await ProposalStore.callID(of: proposalID, on: db))) { tx in
            guard try await Self.assignment(proposalID, userID, on: tx) != nil, let proposal = try await Proposal.find(proposalID, on: tx) else {
                throw DomainError.notFound("review")
            }
            let call = try await ProposalStore.call(of: proposal, on: tx)
            guard try call.callState == .inReview else { throw ReviewRefusal.callNotInReview(step: .review, state: try call.callState) }
            let evaluation = try call.terms().evaluation
            let review = try await Review.query(on: tx).filter(\.$proposalID == proposalID).filter(\.$reviewerID == userID).first() ?? {
                let review = Review()
                review.callID = proposal.callID; review.proposalID = proposalID; review.reviewerID = userID
                review.state = "draft"; review.comment = ""; review.privateNote = ""; review.scoresJSON = "{}"
                return review
            }()
            guard review.state != "submitted" else { throw ReviewRefusal.reviewFinal }
            var rules = FieldRules()
            let cleanComment = rules.text(comment ?? review.comment, field: "comment", min: submit ? 1 : 0, max: 8_000)
            let cleanNote = rules.text(note ?? review.privateNote, field: "note", min: 0, max: 4_000)
            try rules.check()
            let merged = try review.scores.merging(scores) { $1 }
            var total: Int?
            if submit {
                total = try evaluation.weightedTotal(merged)
            } else {
                var partial = FieldRules()
                for (key, score) in scores.sorted(by: { $0.key < $1.key }) {
                    if !evaluation.criteria.contains(where: { $0.key == key }) { partial.fail("scores.\(key)", "unknown", "the call has no criterion \(key).") }
                    else if !(evaluation.scaleMinimum...evaluation.scaleMaximum).contains(score) {
                        partial.fail("scores.\(key)", "out-of-range", "a score runs from \(evaluation.scaleMinimum) to \(evaluation.scaleMaximum).")
                    }
                }
                try partial.check()
            }
            review.setScores(merged)
            review.comment = cleanComment
            review.privateNote = cleanNote
            review.total = total
            if submit { review.state = "submitted"; review.submittedAt = now }
            try await review.save(on: tx)
            let details: [String: String] = ["proposal": UUIDText.string(proposalID), "state": review.state, "total": total.map(String.init) ?? ""]
            return (review, [AuditEvent(actor: principal.userID, action: submit ? "review.submit" : "review.save", subject: ProposalStore.subject(proposalID), details: details)])
        }
    }

    /// Raw and normalised standings of a call's proposals from the submitted reviews.
    func standings(_ callID: UUID, by principal: Principal) async throws -> [ProposalStanding] {
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        let reviews = try await Review.query(on: db).filter(\.$callID == callID).filter(\.$state == "submitted").all()
        return ReviewScoring.standings(reviews.compactMap { review in
            review.total.map { SubmittedReview(reviewer: UUIDText.string(review.reviewerID), proposal: UUIDText.string(review.proposalID), total: $0) }
        })
    }

    static func assignment(_ proposalID: UUID, _ userID: UUID, on db: any Database) async throws -> ReviewAssignment? {
        try await ReviewAssignment.query(on: db).filter(\.$proposalID == proposalID).filter(\.$reviewerID == userID)
            .filter(\.$status == ReviewAssignment.assigned).first()
    }
}
