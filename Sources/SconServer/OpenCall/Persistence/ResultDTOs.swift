import Foundation
import SconDomain
import Vapor

extension SelectionReason {
    /// A stable word for the API and the string tables.
    var code: String {
        switch self {
        case .selected: "selected"
        case .countryTaken: "country-taken"
        case .supportTypeBudgetExceeded: "support-type-budget-exceeded"
        case .totalBudgetExceeded: "total-budget-exceeded"
        case .wouldReduceSelections: "would-reduce-selections"
        case .belowTheCut: "below-the-cut"
        }
    }
}

/// One ranked proposal of a selection: its place, score and why it was or was not selected.
struct SelectionEntryDTO: JSONWritable {
    let entry: SelectionOutcome.Entry
    let score: Double?
    let proposal: Proposal?
    /// Mean score per criterion key across the submitted reviews (published results).
    var breakdown: [String: Double] = [:]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("proposal", entry.proposal)
            $0.field("code", proposal?.code)
            $0.field("title", proposal?.title)
            $0.field("country", proposal?.countryCode)
            $0.field("cityId", proposal.map { UUIDText.string($0.cityID) })
            $0.field("supportType", proposal?.supportType)
            $0.field("budget", proposal?.budget)
            $0.field("rank", entry.rank)
            $0.key("score")
            if let score { $0.double(score) } else { $0.null() }
            $0.field("reason", entry.reason.code)
            $0.field("reservePosition", entry.reservePosition)
            $0.key("criteria")
            $0.object { writer in
                for (key, mean) in breakdown.sorted(by: { $0.key < $1.key }) {
                    writer.key(escaping: key)
                    writer.double((mean * 100).rounded() / 100)
                }
            }
        }
    }
}

/// The selection of a call: previewed, decided or published.
struct SelectionDTO: JSONWritable {
    let callID: UUID
    let state: CallState
    let decidedAt: Date?
    let entries: [SelectionEntryDTO]
    let unranked: [String: String]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("callId", callID)
            $0.field("state", state.rawValue)
            $0.field("decidedAt", decidedAt.map(AuditChain.timestamp))
            $0.field("entries", entries)
            $0.key("unranked")
            $0.object { writer in
                for (proposal, why) in unranked.sorted(by: { $0.key < $1.key }) {
                    writer.key(escaping: proposal)
                    writer.string(why)
                }
            }
        }
    }
}

/// A proposal's own result: not ranked (nil entry) when it was not eligible or not reviewed.
struct ProposalResultDTO: JSONWritable {
    let entry: SelectionOutcome.Entry?
    let score: Double?
    let comments: [String]

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("selected", entry?.reason == .selected)
            $0.field("rank", entry?.rank)
            $0.field("reason", entry?.reason.code ?? "not-ranked")
            $0.field("reservePosition", entry?.reservePosition)
            $0.key("score")
            if let score { $0.double(score) } else { $0.null() }
            $0.field("comments", comments)
        }
    }
}
