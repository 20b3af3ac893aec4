import Fluent
import Foundation
import SconDomain
import Vapor

/// Appeals of published results: lodged by the applicant within the period, answered by an
/// officer; both on the audit record.
struct AppealStore: Sendable {
    let db: any Database
    let audit: AuditLog

    /// The proposal's appeal, for its applicant and the call's managers (nil when none).
    func get(_ proposalID: UUID, by principal: Principal) async throws -> Appeal? {
        let proposal = try await ProposalStore.visibleModel(proposalID, by: principal, on: db)
        guard CallAccess.allows(principal, .writeProposal(organisation: proposal.organisationID)) || CallAccess.allows(principal, .manageCall(proposal.callID)) else { throw DomainError.notFound("appeal") }
        return try await Appeal.query(on: db).filter(\.$proposalID == proposalID).first()
    }

    func lodge(_ proposalID: UUID, text: String?, by principal: Principal, now: Date? = nil) async throws -> Appeal {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "appeal results")
        let clean = try AppealRules.text(text, field: "text")
        return try await audit.record(.call(try await ProposalStore.callID(of: proposalID, on: db))) { tx in
            let proposal = try await ProposalStore.writableModel(proposalID, by: principal, on: tx)
            let call = try await ProposalStore.call(of: proposal, on: tx)
            let lodged = try await Appeal.query(on: tx).filter(\.$proposalID == proposalID).count() > 0
            if let refusal = AppealRules.lodgingRefusal(callState: try call.callState, publishedAt: call.publishedAt, days: try call.terms().appealPeriodDays,
                                                        alreadyLodged: lodged, now: now) {
                throw refusal
            }
            let appeal = Appeal()
            appeal.callID = proposal.callID
            appeal.proposalID = proposalID
            appeal.text = clean
            appeal.lodgedBy = principal.userID!
            appeal.lodgedAt = now
            try await appeal.create(on: tx)
            return (appeal, [AuditEvent(actor: principal.userID, action: "appeal.lodge", subject: ProposalStore.subject(proposalID), details: ["text": clean])])
        }
    }

    func answer(_ proposalID: UUID, answer: String?, upheld: Bool?, by principal: Principal, now: Date? = nil) async throws -> Appeal {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "answer appeals")
        let clean = try AppealRules.text(answer, field: "answer")
        guard let upheld else {
            throw DomainError.invalid([FieldIssue(field: "upheld", code: "required", detail: "say whether the appeal is upheld (true) or dismissed (false).")])
        }
        return try await audit.record(.call(try await ProposalStore.callID(of: proposalID, on: db))) { tx in
            guard let appeal = try await Appeal.query(on: tx).filter(\.$proposalID == proposalID).first() else { throw DomainError.notFound("appeal") }
            _ = try await CallStore.managedModel(appeal.callID, by: principal, on: tx)
            guard appeal.answeredAt == nil else { throw AppealRules.Refusal.alreadyAnswered }
            appeal.answer = clean
            appeal.upheld = upheld
            appeal.answeredBy = principal.userID
            appeal.answeredAt = now
            try await appeal.update(on: tx)
            return (appeal, [AuditEvent(actor: principal.userID, action: "appeal.answer", subject: ProposalStore.subject(proposalID),
                                        details: ["answer": clean, "upheld": upheld ? "true" : "false"])])
        }
    }

    /// Every appeal of a call, for its managers.
    func list(_ callID: UUID, by principal: Principal) async throws -> [Appeal] {
        _ = try await CallStore.managedModel(callID, by: principal, on: db)
        return try await Appeal.query(on: db).filter(\.$callID == callID).sort(\.$lodgedAt).all()
    }
}

/// An appeal as the API shows it.
struct AppealDTO: JSONWritable {
    let appeal: Appeal

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("proposal", appeal.proposalID)
            $0.field("text", appeal.text)
            $0.field("lodgedAt", AuditChain.timestamp(appeal.lodgedAt))
            $0.field("answer", appeal.answer)
            $0.key("upheld")
            if let upheld = appeal.upheld { $0.bool(upheld) } else { $0.null() }
            $0.field("answeredAt", appeal.answeredAt.map(AuditChain.timestamp))
        }
    }
}
