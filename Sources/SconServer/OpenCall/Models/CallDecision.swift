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

    var outcome: SelectionOutcome {
        get throws { try Self.storedJSON(outcomeJSON, "outcome") }
    }

    /// The score each ranked proposal was ranked by (normalised, 0–100).
    var scores: [String: Double] {
        get throws { try Self.storedJSON(scoresJSON, "scores") }
    }
}
