import Fluent
import Foundation
import SconDomain
import Vapor

/// The selection of a call: previewed from the submitted reviews, confirmed by an officer
/// (the call becomes decided), and read as results once published.
struct DecisionStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Preview: Sendable {
        var outcome: SelectionOutcome
        var scores: [String: Double]
        /// Proposals that could not be ranked, and why (`not-eligible: …`, `not-reviewed`).
        var unranked: [String: String]
    }

    /// The exact selection the rules give from today's reviews (nothing is written).
    func preview(_ callID: UUID, by principal: Principal) async throws -> Preview {
        try principal.require(principal.isSignedIn, "see the selection")
        let call = try await CallStore.managedModel(callID, by: principal, on: db)
        return try await Self.compute(call, on: db)
    }

    /// Confirms the selection: records it with who and when, and the call becomes decided.
    func decide(_ callID: UUID, by principal: Principal, now: Date? = nil) async throws -> CallDecision {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "decide calls")
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        return try await audit.record(.call(callID)) { tx in
            let call = try await CallStore.managedModel(callID, by: principal, on: tx)
            guard try call.callState == .inReview else { throw ReviewRefusal.callNotInReview(step: .decision, state: try call.callState) }
            let preview = try await Self.compute(call, on: tx)
            guard !preview.outcome.selected.isEmpty else { throw ReviewRefusal.nothingSelectable }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let decision = CallDecision()
            decision.callID = callID
            decision.outcomeJSON = String(decoding: try encoder.encode(preview.outcome), as: UTF8.self)
            decision.scoresJSON = String(decoding: try encoder.encode(preview.scores), as: UTF8.self)
            decision.decidedBy = principal.userID!
            decision.decidedAt = now
            try await decision.create(on: tx)
            call.state = try call.callState.moving(to: .decided).rawValue
            try await call.update(on: tx)
            let details: [String: [String]] = ["selected": preview.outcome.selected, "reserve": preview.outcome.reserve]
            var events = [AuditEvent(actor: principal.userID, action: "call.decide", subject: CallStore.subject(callID), details: details)]
            // Each selected proposal becomes a project at stage `selected`, under the proposal's code.
            for id in preview.outcome.selected.compactMap(UUID.init(uuidString:)) {
                guard let proposal = try await Proposal.find(id, on: tx) else { continue }
                let project = Project()
                project.id = UUID()
                project.code = ProjectOrigin.fromSelection(proposalCode: proposal.code, proposalID: UUIDText.string(id))
                project.proposalID = id
                project.callID = callID
                project.organisationID = proposal.organisationID
                project.cityID = proposal.cityID
                project.countryCode = proposal.countryCode
                project.title = proposal.title
                project.supportType = proposal.supportType
                project.stage = ProjectStage.selected.rawValue
                project.sectors = try await Organisation.find(proposal.organisationID, on: tx)?.sectors ?? ""
                // The urban problem, in the language the proposal was written in; the other is for the officer to add.
                project.descriptionEn = proposal.language == "en" ? proposal.problem : ""
                project.descriptionKo = proposal.language == "ko" ? proposal.problem : ""
                project.sample = proposal.sample || call.sample
                try await project.create(on: tx)
                // The applicant leads its project; the officer adds the other participants.
                let lead = ProjectParticipant()
                lead.projectID = project.id!; lead.organisationID = proposal.organisationID; lead.role = ProjectRole.lead.rawValue
                try await lead.create(on: tx)
                events.append(AuditEvent(actor: principal.userID, action: "project.create", subject: "project:\(UUIDText.string(project.id!))",
                                         details: ["code": project.code, "stage": project.stage, "proposal": UUIDText.string(id)]))
            }
            return (decision, events)
        }
    }

    /// The decision once the call is published (everyone), or decided (its managers).
    func decision(_ callID: UUID, by principal: Principal) async throws -> (Call, CallDecision) {
        let call = try await CallStore.visibleModel(callID, by: principal, on: db)
        let mayManage = CallAccess.allows(principal, .manageCall(callID))
        guard try call.callState == .published || (try call.callState == .decided && mayManage),
              let decision = try await CallDecision.query(on: db).filter(\.$callID == callID).first() else {
            throw DomainError.notFound("results")
        }
        return (call, decision)
    }

    static func compute(_ call: Call, on db: any Database) async throws -> Preview {
        let callID = try call.requireID()
        let terms = try call.terms()
        let targets = try await ReviewPool.targets(of: call, on: db)
        let reviews = try await Review.query(on: db).filter(\.$callID == callID).filter(\.$state == "submitted").all()
        let standings = ReviewScoring.standings(reviews.compactMap { review in
            review.total.map { SubmittedReview(reviewer: UUIDText.string(review.reviewerID), proposal: UUIDText.string(review.proposalID), total: $0) }
        })
        let endorsed = Set(try await Endorsement.query(on: db).filter(\.$callID == callID).all().map(\.proposalID))
        let covered = try await AttachmentStore.coveredDocuments(targets.compactMap(\.proposal.id), on: db)
        let entries = try targets.map { proposal, target in
            let id = try proposal.requireID()
            return SelectionPool.Entry(proposal: target.id,
                                       facts: EligibilityFacts(country: proposal.country, supportType: try proposal.fields.supportType, budget: proposal.budget,
                                                               attachedDocuments: covered[id] ?? 0, endorsed: endorsed.contains(id)),
                                       submittedAt: proposal.submittedAt.map(AuditChain.timestamp) ?? "")
        }
        let ranking = SelectionPool.ranking(entries, standings: standings, terms: terms)
        let outcome = try Selection.select(ranking.candidates, rules: terms.selectionRules)
        return Preview(outcome: outcome, scores: ranking.scores, unranked: ranking.unranked)
    }
}
