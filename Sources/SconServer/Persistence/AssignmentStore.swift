import Fluent
import Foundation
import SconDomain
import Vapor

/// Reviewer assignment for a call in review: the exact solver over the pool, with the
/// officer's pins and removals kept, and reviews already begun left where they are.
struct AssignmentStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Run: Sendable {
        var objective: Int
        var optimal: Bool
        var pairs: [ReviewAssignment]
    }

    func run(_ callID: UUID, reviewsPerProposal: Int, loadBalancing: Int, by principal: Principal) async throws -> Run {
        try principal.require(principal.isSignedIn, "assign reviewers")
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        var rules = FieldRules()
        if !(1...10).contains(reviewsPerProposal) { rules.fail("reviewsPerProposal", "out-of-range", "reviewsPerProposal is 1 to 10.") }
        if !(0...1_000).contains(loadBalancing) { rules.fail("loadBalancing", "out-of-range", "loadBalancing is 0 (off) to 1000.") }
        try rules.check()
        return try await audit.record { tx in
            let call = try await Self.callInReview(callID, on: tx)
            let existing = try await ReviewAssignment.query(on: tx).filter(\.$callID == callID).all()
            let reviewed = Set(try await Review.query(on: tx).filter(\.$callID == callID).all().map { "\($0.proposalID)|\($0.reviewerID)" })
            let keep = existing.filter { $0.status == ReviewAssignment.assigned && ($0.pinned || reviewed.contains("\($0.proposalID)|\($0.reviewerID)")) }
            let removed = existing.filter { $0.status == ReviewAssignment.removed }
            let declared = try await ReviewConflict.query(on: tx).filter(\.$callID == callID).all()
            func pair(_ proposal: UUID, _ reviewer: UUID) -> AssignmentInstance.Pair { .init(proposal: UUIDText.string(proposal), reviewer: UUIDText.string(reviewer)) }
            let targets = try await ReviewPool.targets(of: call, on: tx)
            let pool = try await ReviewPool.reviewers(of: callID, on: tx)
            let instance = ReviewMatching.instance(reviewsPerProposal: reviewsPerProposal, targets: targets.map(\.target), pool: pool.map(\.reviewer),
                                                   declared: Set(declared.map { pair($0.proposalID, $0.reviewerID) }),
                                                   pinned: keep.map { pair($0.proposalID, $0.reviewerID) },
                                                   removed: Set(removed.map { pair($0.proposalID, $0.reviewerID) }), loadBalancing: loadBalancing)
            let solution: AssignmentSolution
            do {
                solution = try AssignmentSolver.solution(of: instance)
            } catch {
                throw DomainError.conflict("no assignment exists: \(error)")
            }
            let result = solution.result
            let scores = Dictionary(instance.affinity.map { ("\($0.proposal)|\($0.reviewer)", $0.score) }, uniquingKeysWith: max)
            let kept = Set(keep.map { "\(UUIDText.string($0.proposalID))|\(UUIDText.string($0.reviewerID))" })
            for row in existing where row.status == ReviewAssignment.assigned && !kept.contains("\(UUIDText.string(row.proposalID))|\(UUIDText.string(row.reviewerID))") {
                try await row.delete(on: tx)
            }
            for assigned in result.assignments where !kept.contains("\(assigned.proposal)|\(assigned.reviewer)") {
                let row = ReviewAssignment()
                row.callID = callID
                row.proposalID = UUID(uuidString: assigned.proposal)!
                row.reviewerID = UUID(uuidString: assigned.reviewer)!
                row.status = ReviewAssignment.assigned
                row.pinned = false
                row.affinity = scores["\(assigned.proposal)|\(assigned.reviewer)"] ?? 0
                try await row.create(on: tx)
            }
            let rows = try await ReviewAssignment.query(on: tx).filter(\.$callID == callID).filter(\.$status == ReviewAssignment.assigned).all()
            let details: [String: Int] = ["reviewsPerProposal": reviewsPerProposal, "loadBalancing": loadBalancing, "objective": result.objective,
                                          "pairs": rows.count, "optimal": solution.isOptimal ? 1 : 0]
            return (Run(objective: result.objective, optimal: solution.isOptimal, pairs: rows),
                    [AuditEvent(actor: principal.userID, action: "assignment.run", subject: CallStore.subject(callID), details: details)])
        }
    }

    /// An officer's hand: pin a pair (it stays when the rest is solved again) or remove one.
    func change(_ callID: UUID, proposal: UUID, reviewer: UUID, action: String?, by principal: Principal) async throws -> ReviewAssignment {
        try principal.require(principal.isSignedIn, "assign reviewers")
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        guard action == "pin" || action == "remove" else {
            throw DomainError.invalid([FieldIssue(field: "action", code: action == nil ? "required" : "unknown", detail: "action is pin or remove.")])
        }
        return try await audit.record { tx in
            let call = try await Self.callInReview(callID, on: tx)
            guard let target = try await ReviewPool.targets(of: call, on: tx).first(where: { $0.proposal.id == proposal }) else {
                throw DomainError.invalid([FieldIssue(field: "proposal", code: "unknown", detail: "proposal is a proposal of this call that goes to review.")])
            }
            guard let member = try await ReviewPool.reviewers(of: callID, on: tx).first(where: { $0.reviewer.id == UUIDText.string(reviewer) }) else {
                throw DomainError.invalid([FieldIssue(field: "reviewer", code: "unknown", detail: "reviewer is a user in this call's reviewer pool.")])
            }
            let row = try await ReviewAssignment.query(on: tx).filter(\.$proposalID == proposal).filter(\.$reviewerID == reviewer).first() ?? {
                let row = ReviewAssignment()
                row.callID = callID; row.proposalID = proposal; row.reviewerID = reviewer
                row.affinity = ReviewMatching.affinity(member.reviewer.profile, target.target)
                return row
            }()
            if action == "pin" {
                if let reason = ReviewMatching.derivedConflict(member.reviewer, target.target) {
                    throw DomainError.conflict("this reviewer has a conflict with this proposal (\(reason.rawValue)).")
                }
                if try await ReviewConflict.query(on: tx).filter(\.$proposalID == proposal).filter(\.$reviewerID == reviewer).count() > 0 {
                    throw DomainError.conflict("this reviewer declared a conflict with this proposal.")
                }
                row.status = ReviewAssignment.assigned
                row.pinned = true
            } else {
                if try await Review.query(on: tx).filter(\.$proposalID == proposal).filter(\.$reviewerID == reviewer).count() > 0 {
                    throw DomainError.conflict("this reviewer has begun the review; it cannot be removed.")
                }
                row.status = ReviewAssignment.removed
                row.pinned = false
            }
            try await row.save(on: tx)
            let details = ["proposal": UUIDText.string(proposal), "reviewer": UUIDText.string(reviewer), "action": action!]
            return (row, [AuditEvent(actor: principal.userID, action: "assignment.\(action!)", subject: CallStore.subject(callID), details: details)])
        }
    }

    func list(_ callID: UUID, by principal: Principal) async throws -> [ReviewAssignment] {
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        return try await ReviewAssignment.query(on: db).filter(\.$callID == callID).sort(\.$proposalID).sort(\.$reviewerID).all()
    }

    static func callInReview(_ callID: UUID, on db: any Database) async throws -> Call {
        guard let call = try await Call.find(callID, on: db) else { throw DomainError.notFound("call") }
        guard call.callState == .inReview else {
            throw DomainError.conflict("reviewers are assigned while the call is in review; it is \(call.state).")
        }
        return call
    }
}
