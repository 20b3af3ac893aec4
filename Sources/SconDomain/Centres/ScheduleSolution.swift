/// The answer of `MeetingScheduler.solve`, in the JSON shape of `scon solve schedule`:
///
/// ```json
/// {"meetings": [{"request": "m1", "slot": 4, "table": 0}],
///  "objective": 1234, "bound": 1240, "exact": false, "method": "general",
///  "unscheduled": ["m2"],
///  "reasons": [{"request": "m2", "reason": "participantLimit", "participant": "a1",
///               "detail": "participant \"a1\" has reached maxMeetings (8)"}],
///  "idleSlots": 37, "tableChanges": 12}
/// ```
public struct ScheduleSolution: Sendable, Hashable, Codable {
    /// How the answer was found.
    public enum Method: String, Sendable, Hashable, Codable {
        /// Every request between two sides, no availability limits, no locks: exact by
        /// construction (b-matching by flow, then an equitable bipartite edge colouring).
        case twoSided
        /// Anything else: relaxation bound, constructive placement and local search (and
        /// branch and bound on small events).
        case general
    }

    /// Why a request was left out, for the organiser.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// One of its two people has as many meetings as they may have (`participant` names them).
        case participantLimit
        /// The two people are never free in the same slot: they are never both available, or
        /// every slot where they are is taken by another meeting of one of them.
        case noCommonSlot
        /// Both are free together in some slot, but every such slot has all its tables taken.
        case noTable
    }

    /// A request left out and why.
    public struct Unscheduled: Sendable, Hashable, Codable {
        public var request: String
        public var reason: Reason
        /// With `participantLimit`: the person at their limit.
        public var participant: String?
        /// The same in one line of English.
        public var detail: String

        public init(request: String, reason: Reason, participant: String? = nil, detail: String) {
            self.request = request
            self.reason = reason
            self.participant = participant
            self.detail = detail
        }
    }

    /// The placed meetings, by slot then table.
    public var meetings: [ScheduledMeeting]
    /// The total priority of the placed meetings (the primary objective).
    public var objective: Int
    /// An upper bound on the objective of every schedule of this instance (see docs/schedule.md).
    public var bound: Int
    /// True when the objective is proved optimal (`objective == bound`).
    public var exact: Bool
    public var method: Method
    /// The requests left out, by id.
    public var unscheduled: [String]
    /// Why each of them was left out, in the same order.
    public var reasons: [Unscheduled]
    /// Second objective: available, empty slots between people's first and last meeting, summed.
    public var idleSlots: Int
    /// Third objective: times someone changes table between meetings in consecutive slots.
    public var tableChanges: Int
    /// With `previous`: how many of its meetings are not in the same slot now (moved or left out).
    public var moved: Int?

    public init(meetings: [ScheduledMeeting], objective: Int, bound: Int, exact: Bool, method: Method,
                unscheduled: [String], reasons: [Unscheduled], idleSlots: Int, tableChanges: Int, moved: Int? = nil) {
        self.meetings = meetings
        self.objective = objective
        self.bound = bound
        self.exact = exact
        self.method = method
        self.unscheduled = unscheduled
        self.reasons = reasons
        self.idleSlots = idleSlots
        self.tableChanges = tableChanges
        self.moved = moved
    }

    /// `(bound − objective) ÷ bound`: how far from optimal the answer may be at most (0 when exact).
    public var gap: Double { bound == 0 ? 0 : Double(bound - objective) / Double(bound) }
}
