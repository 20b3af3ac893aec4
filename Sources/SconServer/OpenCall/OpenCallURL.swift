import Foundation
import Vapor

/// The pages of the open call: calls, proposals, endorsements, files, the decision, appeals.
enum OpenCallURL: SiteRoute {
    case calls
    case call(Parameter<UUID>)
    case callNew
    case callEdit(Parameter<UUID>)
    case callTransition(Parameter<UUID>)
    case callProposalNew(Parameter<UUID>)
    case callEndorsement(Parameter<UUID>, Parameter<String>)
    case proposals
    case proposal(Parameter<UUID>)
    case proposalEdit(Parameter<UUID>)
    case proposalSubmit(Parameter<UUID>)
    case proposalWithdraw(Parameter<UUID>)
    case proposalAttachments(Parameter<UUID>)
    case callDecision(Parameter<UUID>)
    case proposalAppeal(Parameter<UUID>)
    case proposalAppealAnswer(Parameter<UUID>)
    case attachmentDelete(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .calls: return ["calls"]
        case .call(let id): return ["calls", Self.segment(.id, id)]
        case .callNew: return ["calls", "new"]
        case .callEdit(let id): return ["calls", Self.segment(.id, id), "edit"]
        case .callTransition(let id): return ["calls", Self.segment(.id, id), "state"]
        case .callProposalNew(let id): return ["calls", Self.segment(.id, id), "proposals", "new"]
        case .callEndorsement(let id, let country): return ["calls", Self.segment(.id, id), "endorsements", Self.segment(.country, country)]
        case .proposals: return ["proposals"]
        case .proposal(let id): return ["proposals", Self.segment(.id, id)]
        case .proposalEdit(let id): return ["proposals", Self.segment(.id, id), "edit"]
        case .proposalSubmit(let id): return ["proposals", Self.segment(.id, id), "submit"]
        case .proposalWithdraw(let id): return ["proposals", Self.segment(.id, id), "withdraw"]
        case .proposalAttachments(let id): return ["proposals", Self.segment(.id, id), "attachments"]
        case .callDecision(let id): return ["calls", Self.segment(.id, id), "decision"]
        case .proposalAppeal(let id): return ["proposals", Self.segment(.id, id), "appeal"]
        case .proposalAppealAnswer(let id): return ["proposals", Self.segment(.id, id), "appeal", "answer"]
        case .attachmentDelete(let id): return ["attachments", Self.segment(.id, id), "delete"]
        }
    }
}
