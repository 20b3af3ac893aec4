/// A networking day's meeting-schedule problem, in the JSON shape of `scon solve schedule`
/// (docs/schedule.md): participants meet 1:1 at tables in numbered slots; each accepted
/// request is to be placed in one slot at one table, or left out.
///
/// ```json
/// {"slots": 24, "tables": 150,
///  "participants": [{"id": "a1", "maxMeetings": 8, "available": [0, 1, 2, 5]}],
///  "requests": [{"id": "m1", "between": ["a1", "b7"], "priority": 3}],
///  "locked": [{"request": "m3", "slot": 5}],
///  "previous": [{"request": "m1", "slot": 4, "table": 0}]}
/// ```
///
/// Optional keys: a participant's `maxMeetings` (default: the number of slots) and
/// `available` (default: every slot); the instance's `locked` and `previous` (default: none).
/// Unknown keys are ignored. `validated()` checks every rule; the solver calls it.
public struct ScheduleInstance: Sendable, Hashable, Codable {
    /// A person who takes part in the event.
    public struct Participant: Sendable, Hashable, Codable {
        public var id: String
        /// The most meetings this person takes; nil means as many as there are slots.
        public var maxMeetings: Int?
        /// The slots this person is there; nil means every slot.
        public var available: [Int]?

        public init(id: String, maxMeetings: Int? = nil, available: [Int]? = nil) {
            self.id = id
            self.maxMeetings = maxMeetings
            self.available = available
        }
    }

    /// An accepted meeting request between two participants, with its priority 1–5.
    public struct Request: Sendable, Hashable, Codable {
        public var id: String
        /// The two participants' ids (order does not matter).
        public var between: [String]
        public var priority: Int

        public init(id: String, between: [String], priority: Int) {
            self.id = id
            self.between = between
            self.priority = priority
        }
    }

    /// A meeting staff put in a slot by hand (and, optionally, at a table): it is kept there.
    public struct LockedMeeting: Sendable, Hashable, Codable {
        public var request: String
        public var slot: Int
        public var table: Int?

        public init(request: String, slot: Int, table: Int? = nil) {
            self.request = request
            self.slot = slot
            self.table = table
        }
    }

    public var slots: Int
    public var tables: Int
    public var participants: [Participant]
    public var requests: [Request]
    public var locked: [LockedMeeting]
    /// The placements of a schedule already published: a tie-break preference only. Among
    /// schedules of the same total priority the solver prefers those that keep these
    /// meetings in their slot (and at their table). Entries naming a request that no longer
    /// exists are ignored.
    public var previous: [ScheduledMeeting]

    public init(slots: Int, tables: Int, participants: [Participant], requests: [Request],
                locked: [LockedMeeting] = [], previous: [ScheduledMeeting] = []) {
        self.slots = slots
        self.tables = tables
        self.participants = participants
        self.requests = requests
        self.locked = locked
        self.previous = previous
    }

    enum CodingKeys: String, CodingKey {
        case slots, tables, participants, requests, locked, previous
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slots = try container.decode(Int.self, forKey: .slots)
        tables = try container.decode(Int.self, forKey: .tables)
        participants = try container.decodeIfPresent([Participant].self, forKey: .participants) ?? []
        requests = try container.decodeIfPresent([Request].self, forKey: .requests) ?? []
        locked = try container.decodeIfPresent([LockedMeeting].self, forKey: .locked) ?? []
        previous = try container.decodeIfPresent([ScheduledMeeting].self, forKey: .previous) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slots, forKey: .slots)
        try container.encode(tables, forKey: .tables)
        try container.encode(participants, forKey: .participants)
        try container.encode(requests, forKey: .requests)
        if !locked.isEmpty { try container.encode(locked, forKey: .locked) }
        if !previous.isEmpty { try container.encode(previous, forKey: .previous) }
    }
}

/// One placed meeting: the request, its slot and its table (both counted from 0).
public struct ScheduledMeeting: Sendable, Hashable, Codable {
    public var request: String
    public var slot: Int
    public var table: Int

    public init(request: String, slot: Int, table: Int) {
        self.request = request
        self.slot = slot
        self.table = table
    }
}
