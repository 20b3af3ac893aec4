import Foundation
import SconDomain
import Vapor

/// A proposal as the API and the pages read it.
struct ProposalDTO: JSONWritable {
    var id: UUID
    var callID: UUID
    var organisationID: UUID
    var country: String
    var code: String?
    var state: ProposalState
    var fields: ProposalDraft.Fields
    var sample: Bool
    var submittedAt: Date?
    var createdAt: Date?
    var updatedAt: Date?

    init(_ model: Proposal) throws {
        id = try model.requireID()
        callID = model.callID
        organisationID = model.organisationID
        country = model.countryCode
        code = model.code
        state = try model.proposalState
        fields = try model.fields
        sample = model.sample
        submittedAt = model.submittedAt
        createdAt = model.createdAt
        updatedAt = model.updatedAt
    }


    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", id)
            $0.field("callId", callID)
            $0.field("organisationId", organisationID)
            $0.field("cityId", fields.cityID)
            $0.field("country", country)
            $0.field("code", code)
            $0.field("state", state.rawValue)
            $0.field("title", fields.title)
            $0.field("problem", fields.problem)
            $0.field("objectives", fields.objectives)
            $0.field("supportType", fields.supportType.rawValue)
            $0.field("budget", fields.budget)
            $0.field("counterpart", fields.counterpart)
            $0.field("language", fields.language.rawValue)
            $0.field("sample", sample)
            $0.field("submittedAt", submittedAt.map(AuditChain.timestamp))
            $0.field("createdAt", createdAt.map(AuditChain.timestamp))
            $0.field("updatedAt", updatedAt.map(AuditChain.timestamp))
        }
    }
}

/// One rule of the eligibility check, as the API shows it.
struct EligibilityResultDTO: JSONWritable {
    let result: EligibilityResult

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("rule", result.rule.rawValue)
            $0.field("passed", result.passed)
            $0.field("reason", result.reason)
        }
    }
}

/// A country's ranked endorsement of its proposals to a call.
struct EndorsementDTO: JSONWritable {
    var callID: UUID
    var country: String
    var limit: Int
    var proposals: [UUID]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("callId", callID)
            $0.field("country", country)
            $0.field("limit", limit)
            $0.key("proposals")
            $0.array(proposals) { $0.uuid($1) }
        }
    }
}
