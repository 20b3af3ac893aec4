import Fluent
import Foundation
import SconDomain
import Vapor

/// A reviewer's own profile, and the conflicts it declares for a call's proposals.
struct ReviewerStore: Sendable {
    let db: any Database
    let audit: AuditLog

    func profile(of userID: UUID) async throws -> ReviewerProfile {
        try await ReviewerProfileRecord.query(on: db).filter(\.$userID == userID).first()?.profile ?? .starting
    }

    func setProfile(_ profile: ReviewerProfile, by principal: Principal) async throws -> ReviewerProfile {
        guard let userID = principal.userID else { throw DomainError.unauthenticated }
        try principal.require(ReviewAccess.allows(principal, .keepReviewerProfile), "keep a reviewer profile (it is for reviewers)")
        return try await audit.record(.account(userID)) { tx in
            let record = try await ReviewerProfileRecord.query(on: tx).filter(\.$userID == userID).first() ?? {
                let record = ReviewerProfileRecord()
                record.userID = userID
                return record
            }()
            record.apply(profile)
            try await record.save(on: tx)
            return (profile, [AuditEvent(actor: userID, action: "reviewer.profile", subject: "user:\(UUIDText.string(userID))", details: profile)])
        }
    }

    struct ConflictLine: Sendable {
        var proposal: Proposal
        var organisationName: LocalizedText
        var declared: String?
        var derived: ConflictReason?
    }

    /// The call's submitted proposals as a pool reviewer sees them before the assignment:
    /// code, title, applicant and country, with its conflicts.
    func conflictSheet(_ callID: UUID, by principal: Principal) async throws -> [ConflictLine] {
        let (call, me) = try await poolMember(callID, principal)
        let declared = try await ReviewConflict.query(on: db).filter(\.$callID == callID).filter(\.$reviewerID == UUID(uuidString: me.id)!).all()
        let targets = try await ReviewPool.targets(of: call, on: db)
        let sameCountry = try call.terms().countsSameCountryAsConflict
        let organisations = try await Organisation.query(on: db).filter(\.$id ~~ targets.map(\.proposal.organisationID)).all()
        return targets.map { item in
            let organisation = organisations.first { $0.id == item.proposal.organisationID }
            return ConflictLine(proposal: item.proposal, organisationName: organisation?.name ?? LocalizedText(en: "", ko: ""),
                                declared: declared.first { $0.proposalID == item.proposal.id }?.reason,
                                derived: ReviewMatching.derivedConflict(me, item.target, sameCountry: sameCountry))
        }
    }

    /// Replaces the reviewer's declared conflicts for the call.
    func declare(_ callID: UUID, _ conflicts: [(proposal: UUID, reason: String)], by principal: Principal) async throws -> Int {
        let (call, me) = try await poolMember(callID, principal)
        guard [.open, .closed, .inReview].contains(try call.callState) else {
            throw ReviewRefusal.conflictsClosed(try call.callState)
        }
        let targets = Set(try await ReviewPool.targets(of: call, on: db).compactMap(\.proposal.id))
        var rules = FieldRules()
        var reasons: [String] = []
        for (index, conflict) in conflicts.enumerated() {
            if !targets.contains(conflict.proposal) { rules.fail("conflicts[\(index)].proposal", "unknown", "no proposal of this call under review has this id.") }
            reasons.append(rules.text(conflict.reason, field: "conflicts[\(index)].reason", max: 500))
        }
        if Set(conflicts.map(\.proposal)).count != conflicts.count { rules.fail("conflicts", "duplicate", "a proposal is listed once.") }
        try rules.check()
        let reviewerID = UUID(uuidString: me.id)!
        let checkedReasons = reasons
        return try await audit.record(.call(callID)) { tx in
            try await ReviewConflict.query(on: tx).filter(\.$callID == callID).filter(\.$reviewerID == reviewerID).delete()
            for (index, conflict) in conflicts.enumerated() {
                let row = ReviewConflict()
                row.callID = callID; row.proposalID = conflict.proposal; row.reviewerID = reviewerID; row.reason = checkedReasons[index]
                try await row.create(on: tx)
                // A declared conflict takes the reviewer off the proposal unless the review has begun.
                if try await Review.query(on: tx).filter(\.$proposalID == conflict.proposal).filter(\.$reviewerID == reviewerID).count() == 0 {
                    try await ReviewAssignment.query(on: tx).filter(\.$proposalID == conflict.proposal).filter(\.$reviewerID == reviewerID).delete()
                }
            }
            return (conflicts.count, [AuditEvent(actor: reviewerID, action: "conflict.declare", subject: CallStore.subject(callID),
                                                 details: ["proposals": conflicts.map { UUIDText.string($0.proposal) }])])
        }
    }

    private func poolMember(_ callID: UUID, _ principal: Principal) async throws -> (Call, PoolReviewer) {
        guard let userID = principal.userID else { throw DomainError.unauthenticated }
        let call = try await CallStore.visibleModel(callID, by: principal, on: db)
        try principal.require(ReviewAccess.allows(principal, .reviewFor(call: callID)), "declare conflicts for this call")
        guard let me = try await ReviewPool.reviewers(of: callID, on: db).first(where: { $0.reviewer.id == UUIDText.string(userID) })?.reviewer else {
            throw DomainError.forbidden("declare conflicts for this call")
        }
        return (call, me)
    }
}
