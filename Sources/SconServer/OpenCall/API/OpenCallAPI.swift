import Foundation
import Vapor

/// The API of the open call: calls, proposals, endorsements, files, the decision, appeals.
enum OpenCallAPI: APIRoute {
    case calls
    case call(Parameter<UUID>)
    case callTransitions(Parameter<UUID>)
    case callAudit(Parameter<UUID>)
    case callProposals(Parameter<UUID>)
    case endorsement(Parameter<UUID>, Parameter<String>)
    case selection(Parameter<UUID>)
    case decision(Parameter<UUID>)
    case results(Parameter<UUID>)
    case appeals(Parameter<UUID>)
    case proposal(Parameter<UUID>)
    case proposalSubmit(Parameter<UUID>)
    case proposalWithdraw(Parameter<UUID>)
    case proposalEligibility(Parameter<UUID>)
    case proposalResult(Parameter<UUID>)
    case proposalAppeal(Parameter<UUID>)
    case proposalAppealAnswer(Parameter<UUID>)
    case proposalAttachments(Parameter<UUID>)
    case attachment(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .calls: return ["calls"]
        case .call(let id): return ["calls", Self.segment(.id, id)]
        case .callTransitions(let id): return ["calls", Self.segment(.id, id), "transitions"]
        case .callAudit(let id): return ["calls", Self.segment(.id, id), "audit"]
        case .callProposals(let id): return ["calls", Self.segment(.id, id), "proposals"]
        case .endorsement(let id, let country): return ["calls", Self.segment(.id, id), "endorsements", Self.segment(.country, country)]
        case .selection(let id): return ["calls", Self.segment(.id, id), "selection"]
        case .decision(let id): return ["calls", Self.segment(.id, id), "decision"]
        case .results(let id): return ["calls", Self.segment(.id, id), "results"]
        case .appeals(let id): return ["calls", Self.segment(.id, id), "appeals"]
        case .proposal(let id): return ["proposals", Self.segment(.id, id)]
        case .proposalSubmit(let id): return ["proposals", Self.segment(.id, id), "submit"]
        case .proposalWithdraw(let id): return ["proposals", Self.segment(.id, id), "withdraw"]
        case .proposalEligibility(let id): return ["proposals", Self.segment(.id, id), "eligibility"]
        case .proposalResult(let id): return ["proposals", Self.segment(.id, id), "result"]
        case .proposalAppeal(let id): return ["proposals", Self.segment(.id, id), "appeal"]
        case .proposalAppealAnswer(let id): return ["proposals", Self.segment(.id, id), "appeal", "answer"]
        case .proposalAttachments(let id): return ["proposals", Self.segment(.id, id), "attachments"]
        case .attachment(let id): return ["attachments", Self.segment(.id, id)]
        }
    }
}
