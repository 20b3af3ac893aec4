/// When a trainee has completed a cohort: attended at least a share of its sessions and,
/// when the cohort asks for one, handed in the action plan.
public struct CompletionRule: Sendable, Hashable, Codable {
    /// 1–100: the share of sessions to attend, in percent (80 attends 8 of 10, 12 of 15).
    public var minimumAttendancePercent: Int
    public var actionPlanRequired: Bool

    public init(minimumAttendancePercent: Int = 80, actionPlanRequired: Bool = true) {
        self.minimumAttendancePercent = minimumAttendancePercent
        self.actionPlanRequired = actionPlanRequired
    }

    /// What is missing for completion.
    public enum Shortfall: Sendable, Hashable, Codable {
        /// Attended `attended` of `sessions`; `required` were needed.
        case attendance(attended: Int, sessions: Int, required: Int)
        case actionPlanMissing
    }

    /// The verdict with its reasons (empty when completed).
    public struct Evaluation: Sendable, Hashable, Codable, CustomStringConvertible {
        public var completed: Bool { shortfalls.isEmpty }
        public var attended: Int
        public var sessions: Int
        /// The least number of sessions that completes: ⌈percent × sessions / 100⌉.
        public var required: Int
        public var shortfalls: [Shortfall]

        /// English, for logs and the API; the pages say it from the shortfalls.
        public var description: String {
            if completed { return "completed: attended \(attended) of \(sessions) sessions." }
            return "not completed: " + shortfalls.map { shortfall in
                switch shortfall {
                case .attendance(let attended, let sessions, let required): "attended \(attended) of \(sessions) sessions, \(required) needed"
                case .actionPlanMissing: "the action plan was not handed in"
                }
            }.joined(separator: "; ") + "."
        }
    }

    /// `attended` are the sessions the trainee attended (others are ignored), `sessions` the
    /// cohort's sessions that were held. Whole numbers only: no rounding of percentages.
    public func evaluate<Session: Hashable>(attended: Set<Session>, sessions: [Session], actionPlanSubmitted: Bool) -> Evaluation {
        let held = Set(sessions)
        let count = attended.intersection(held).count
        let required = (minimumAttendancePercent * held.count + 99) / 100
        var shortfalls: [Shortfall] = []
        if count < required { shortfalls.append(.attendance(attended: count, sessions: held.count, required: required)) }
        if actionPlanRequired, !actionPlanSubmitted { shortfalls.append(.actionPlanMissing) }
        return Evaluation(attended: count, sessions: held.count, required: required, shortfalls: shortfalls)
    }
}
