import Fluent
import Foundation
import SconDomain

/// The confirmed selection of a call: the ranked outcome with every proposal's reason, who
/// confirmed it and when. Written once; a correction would be a new, audited record.
final class CallDecision: Model, @unchecked Sendable {
    static let schema = "call_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "call_id") var callID: UUID
    @Field(key: "outcome") var outcomeJSON: String
    @Field(key: "scores") var scoresJSON: String
    @Field(key: "decided_by") var decidedBy: UUID
    @Field(key: "decided_at") var decidedAt: Date

    init() {}

    var outcome: SelectionOutcome? {
        try? JSONDecoder().decode(SelectionOutcome.self, from: Data(outcomeJSON.utf8))
    }

    /// The score each ranked proposal was ranked by (normalised, 0–100).
    var scores: [String: Double] {
        (try? JSONDecoder().decode([String: Double].self, from: Data(scoresJSON.utf8))) ?? [:]
    }
}
