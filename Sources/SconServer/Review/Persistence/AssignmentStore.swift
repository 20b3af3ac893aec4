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
        /// With the fairness option: the weakest proposal's total, its bound, and the proof.
        var fairness: FairnessReport?
        /// The last day of the review.
        var reviewsDue: String
    }

    /// Reviews are due `reviewsDue` (default: three weeks from today); reviewers away on any
    /// day from today to then are left out.
    func run(_ callID: UUID, reviewsPerProposal: Int, loadBalancing: Int, fairness: Bool = false, reviewsDue: String? = nil,
             now: Date? = nil, by principal: Principal) async throws -> Run {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "assign reviewers")
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        var rules = FieldRules()
        if !(1...10).contains(reviewsPerProposal) { rules.fail("reviewsPerProposal", "out-of-range", "reviewsPerProposal is 1 to 10.") }
        if !(0...1_000).contains(loadBalancing) { rules.fail("loadBalancing", "out-of-range", "loadBalancing is 0 (off) to 1000.") }
        if fairness && loadBalancing != 0 { rules.fail("loadBalancing", "with-fairness", "loadBalancing is 0 when fairness is on.") }
        let today = CalendarDay(now)
        let due = reviewsDue.map { CalendarDay($0.trimmingCharacters(in: .whitespaces)) } ?? today.adding(days: Self.defaultReviewDays)
        if let due, !(today...today.adding(days: 366)).contains(due) {
            rules.fail("reviewsDue", "out-of-range", "reviewsDue is a day from today to a year ahead.")
        } else if due == nil {
            rules.fail("reviewsDue", "invalid", "reviewsDue is a day, YYYY-MM-DD.")
        }
        try rules.check()
        let period = DayRange(today, due!)
        return try await audit.record(.call(callID)) { tx in
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
                                                   removed: Set(removed.map { pair($0.proposalID, $0.reviewerID) }), loadBalancing: loadBalancing,
                                                   fairness: fairness, reviewPeriod: period,
                                                   sameCountryConflict: try call.terms().countsSameCountryAsConflict)
            let result: AssignmentResult
            let optimal: Bool
            do {
                if fairness {
                    result = try AssignmentSolver.solve(instance)
                    optimal = result.fairness.map { $0.proven && $0.totalProven } ?? false
                } else {
                    let solution = try AssignmentSolver.solution(of: instance)
                    result = solution.result
                    optimal = solution.isOptimal
                }
            } catch let error as AssignmentError {
                throw ReviewRefusal.noAssignment(error)
            }
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
            call.reviewsDue = period.end.description
            try await call.save(on: tx)
            let rows = try await ReviewAssignment.query(on: tx).filter(\.$callID == callID).filter(\.$status == ReviewAssignment.assigned).all()
            var details: [String: String] = ["reviewsDue": period.end.description]
            for (key, value) in ["reviewsPerProposal": reviewsPerProposal, "loadBalancing": loadBalancing, "objective": result.objective,
                                 "pairs": rows.count, "optimal": optimal ? 1 : 0] { details[key] = String(value) }
            if let report = result.fairness { details["weakest"] = String(report.weakest); details["weakestBound"] = String(report.weakestBound); details["totalBound"] = String(report.totalBound) }
            return (Run(objective: result.objective, optimal: optimal, pairs: rows, fairness: result.fairness, reviewsDue: period.end.description),
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
        return try await audit.record(.call(callID)) { tx in
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
                if let reason = ReviewMatching.derivedConflict(member.reviewer, target.target, sameCountry: try call.terms().countsSameCountryAsConflict) {
                    throw ReviewRefusal.conflicted(reason)
                }
                if try await ReviewConflict.query(on: tx).filter(\.$proposalID == proposal).filter(\.$reviewerID == reviewer).count() > 0 {
                    throw ReviewRefusal.conflicted(.declared)
                }
                row.status = ReviewAssignment.assigned
                row.pinned = true
            } else {
                if try await Review.query(on: tx).filter(\.$proposalID == proposal).filter(\.$reviewerID == reviewer).count() > 0 {
                    throw ReviewRefusal.reviewBegun
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

    /// Days from the assignment to the reviews' due day when the officer names none.
    static let defaultReviewDays = 21

    static func callInReview(_ callID: UUID, on db: any Database) async throws -> Call {
        guard let call = try await Call.find(callID, on: db) else { throw DomainError.notFound("call") }
        guard try call.callState == .inReview else {
            throw ReviewRefusal.callNotInReview(step: .assignment, state: try call.callState)
        }
        return call
    }
}
