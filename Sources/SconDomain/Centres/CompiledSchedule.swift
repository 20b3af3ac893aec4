extension ScheduleInstance {
    /// The highest priority a request may have (the lowest is 1).
    public static let maximumPriority = 5
    /// The most slots and tables an instance may have, and the most participant-slots.
    public static let maximumSlots = 1_000
    public static let maximumTables = 1_000_000
    public static let maximumParticipantSlots = 20_000_000

    /// The instance itself when it keeps every rule; otherwise the first fault found, in the
    /// order of the input (`ScheduleError`, one line naming the cause).
    @discardableResult
    public func validated() throws(ScheduleError) -> ScheduleInstance {
        _ = try CompiledSchedule(self)
        return self
    }
}

/// A validated instance as dense arrays for the solver. Participants and requests are sorted
/// by id, so that the answer does not depend on the order of the input.
struct CompiledSchedule: Sendable {
    let slots: Int
    let tables: Int
    let participantIDs: [String]
    let requestIDs: [String]
    /// Each participant's `maxMeetings` as given (the number of slots when absent).
    let maxMeetings: [Int]
    /// `min(maxMeetings, slots)`.
    let capacity: [Int32]
    /// `available[i * slots + s]`.
    let available: [Bool]
    /// True when every participant is available in every slot.
    let availableEverywhere: Bool
    /// The two participants of each request, the smaller index first.
    let first: [Int32]
    let second: [Int32]
    let priority: [Int32]
    /// The slot and table of each locked request, or -1 (a locked meeting may leave its table free).
    let lockedSlot: [Int32]
    let lockedTable: [Int32]
    /// The slot and table of each request in the previous schedule, or -1.
    let previousSlot: [Int32]
    let previousTable: [Int32]
    /// The requests of participant `i`: `incidence[incidenceStart[i]..<incidenceStart[i + 1]]`.
    let incidenceStart: [Int32]
    let incidence: [Int32]

    var participantCount: Int { participantIDs.count }
    var requestCount: Int { requestIDs.count }
    var hasLocks: Bool { lockedSlot.contains { $0 >= 0 } }
    var hasPrevious: Bool { previousSlot.contains { $0 >= 0 } }

    func other(_ request: Int, than participant: Int) -> Int {
        Int(first[request]) == participant ? Int(second[request]) : Int(first[request])
    }

    init(_ instance: ScheduleInstance) throws(ScheduleError) {
        let q = ScheduleError.quoted
        let slots = instance.slots
        let tables = instance.tables
        guard slots >= 0 else { throw ScheduleError(.negative, field: "slots", "slots must not be negative (got \(slots))") }
        guard tables >= 0 else { throw ScheduleError(.negative, field: "tables", "tables must not be negative (got \(tables))") }
        guard slots <= ScheduleInstance.maximumSlots else {
            throw ScheduleError(.tooLarge, field: "slots", "slots \(slots) is more than the \(ScheduleInstance.maximumSlots) the solver accepts")
        }
        guard tables <= ScheduleInstance.maximumTables else {
            throw ScheduleError(.tooLarge, field: "tables", "tables \(tables) is more than the \(ScheduleInstance.maximumTables) the solver accepts")
        }
        guard instance.participants.count * max(slots, 1) <= ScheduleInstance.maximumParticipantSlots else {
            throw ScheduleError(.tooLarge, field: "participants",
                                "\(instance.participants.count) participants × \(slots) slots is more than the \(ScheduleInstance.maximumParticipantSlots) the solver accepts")
        }
        func slotRange(_ slot: Int, field: String, _ place: String) throws(ScheduleError) {
            guard slot >= 0, slot < slots else {
                throw ScheduleError(.slotOutOfRange, field: field, "slot \(slot) out of range 0..<\(slots) in \(place)")
            }
        }
        func tableRange(_ table: Int, field: String, _ place: String) throws(ScheduleError) {
            guard table >= 0, table < tables else {
                throw ScheduleError(.tableOutOfRange, field: field, "table \(table) out of range 0..<\(tables) in \(place)")
            }
        }

        // Participants.
        var participantIndex: [String: Int] = [:]
        for (index, participant) in instance.participants.enumerated() {
            let field = "participants[\(index)]"
            guard !participant.id.isEmpty else { throw ScheduleError(.emptyID, field: field + ".id", "participant \(index) has an empty id") }
            guard participantIndex.updateValue(index, forKey: participant.id) == nil else {
                throw ScheduleError(.duplicateParticipant, field: field + ".id", "duplicate participant id \(q(participant.id))")
            }
            if let max = participant.maxMeetings, max < 0 {
                throw ScheduleError(.negative, field: field + ".maxMeetings", "maxMeetings of participant \(q(participant.id)) must not be negative (got \(max))")
            }
            for (position, slot) in (participant.available ?? []).enumerated() {
                try slotRange(slot, field: field + ".available[\(position)]", "the availability of participant \(q(participant.id))")
            }
        }
        let participantOrder = instance.participants.indices.sorted { instance.participants[$0].id < instance.participants[$1].id }
        var sortedParticipant = [Int](repeating: 0, count: participantOrder.count)
        for (sorted, input) in participantOrder.enumerated() { sortedParticipant[input] = sorted }

        // Requests.
        var requestIndex: [String: Int] = [:]
        var ends: [(Int, Int)] = []
        ends.reserveCapacity(instance.requests.count)
        for (index, request) in instance.requests.enumerated() {
            let field = "requests[\(index)]"
            guard !request.id.isEmpty else { throw ScheduleError(.emptyID, field: field + ".id", "request \(index) has an empty id") }
            guard requestIndex.updateValue(index, forKey: request.id) == nil else {
                throw ScheduleError(.duplicateRequest, field: field + ".id", "duplicate request id \(q(request.id))")
            }
            guard request.between.count == 2 else {
                throw ScheduleError(.notAPair, field: field + ".between",
                                    "request \(q(request.id)) must be between exactly 2 participants (it names \(request.between.count))")
            }
            var pair: [Int] = []
            for (position, id) in request.between.enumerated() {
                guard let participant = participantIndex[id] else {
                    throw ScheduleError(.unknownParticipant, field: field + ".between[\(position)]", "unknown participant \(q(id)) in request \(q(request.id))")
                }
                pair.append(sortedParticipant[participant])
            }
            guard pair[0] != pair[1] else {
                throw ScheduleError(.selfRequest, field: field + ".between",
                                    "request \(q(request.id)) is from participant \(q(request.between[0])) to themself")
            }
            guard (1...ScheduleInstance.maximumPriority).contains(request.priority) else {
                throw ScheduleError(.priorityOutOfRange, field: field + ".priority",
                                    "priority \(request.priority) of request \(q(request.id)) is outside 1–\(ScheduleInstance.maximumPriority)")
            }
            ends.append((min(pair[0], pair[1]), max(pair[0], pair[1])))
        }
        let requestOrder = instance.requests.indices.sorted { instance.requests[$0].id < instance.requests[$1].id }
        var sortedRequest = [Int](repeating: 0, count: requestOrder.count)
        for (sorted, input) in requestOrder.enumerated() { sortedRequest[input] = sorted }

        let n = participantOrder.count
        let requestCount = requestOrder.count
        var maxMeetings = [Int](repeating: slots, count: n)
        var available = [Bool](repeating: true, count: n * slots)
        var everywhere = true
        for (sorted, input) in participantOrder.enumerated() {
            let participant = instance.participants[input]
            if let max = participant.maxMeetings { maxMeetings[sorted] = max }
            if let list = participant.available {
                var open = [Bool](repeating: false, count: slots)
                for slot in list { open[slot] = true }
                if open.contains(false) { everywhere = false }
                for s in 0..<slots { available[sorted * slots + s] = open[s] }
            }
        }
        var first = [Int32](repeating: 0, count: requestCount)
        var second = [Int32](repeating: 0, count: requestCount)
        var priority = [Int32](repeating: 0, count: requestCount)
        for (sorted, input) in requestOrder.enumerated() {
            first[sorted] = Int32(ends[input].0)
            second[sorted] = Int32(ends[input].1)
            priority[sorted] = Int32(instance.requests[input].priority)
        }

        // Locked meetings.
        var lockedSlot = [Int32](repeating: -1, count: requestCount)
        var lockedTable = [Int32](repeating: -1, count: requestCount)
        var lockedAt = [Int32](repeating: -1, count: n * slots)
        var lockedPerSlot = [Int](repeating: 0, count: slots)
        var lockedPerParticipant = [Int](repeating: 0, count: n)
        var tableTaken: [Int: Int] = [:]
        for (index, lock) in instance.locked.enumerated() {
            let field = "locked[\(index)]"
            guard let input = requestIndex[lock.request] else {
                throw ScheduleError(.unknownRequest, field: field + ".request", "locked meeting names unknown request \(q(lock.request))")
            }
            let r = sortedRequest[input]
            guard lockedSlot[r] < 0 else { throw ScheduleError(.lockedTwice, field: field + ".request", "request \(q(lock.request)) is locked twice") }
            try slotRange(lock.slot, field: field + ".slot", "locked meeting \(q(lock.request))")
            if let table = lock.table { try tableRange(table, field: field + ".table", "locked meeting \(q(lock.request))") }
            for person in [Int(first[r]), Int(second[r])] {
                guard available[person * slots + lock.slot] else {
                    throw ScheduleError(.lockedUnavailable, field: field + ".slot",
                                        "locked meeting \(q(lock.request)) is in slot \(lock.slot), where participant \(q(participantID(instance, participantOrder, person))) is not available")
                }
                let cell = person * slots + lock.slot
                guard lockedAt[cell] < 0 else {
                    let other = instance.requests[requestOrder[Int(lockedAt[cell])]].id
                    throw ScheduleError(.lockedClash, field: field + ".slot",
                                        "participant \(q(participantID(instance, participantOrder, person))) has two locked meetings in slot \(lock.slot) (\(q(other)) and \(q(lock.request)))")
                }
                lockedAt[cell] = Int32(r)
            }
            if let table = lock.table {
                if let other = tableTaken.updateValue(index, forKey: lock.slot * tables + table) {
                    throw ScheduleError(.lockedTableTaken, field: field + ".table",
                                        "locked meetings \(q(instance.locked[other].request)) and \(q(lock.request)) are both at table \(table) in slot \(lock.slot)")
                }
            }
            lockedSlot[r] = Int32(lock.slot)
            lockedTable[r] = Int32(lock.table ?? -1)
            lockedPerSlot[lock.slot] += 1
            lockedPerParticipant[Int(first[r])] += 1
            lockedPerParticipant[Int(second[r])] += 1
        }
        if let slot = lockedPerSlot.indices.first(where: { lockedPerSlot[$0] > tables }) {
            throw ScheduleError(.lockedOverTables, field: "locked",
                                "slot \(slot) has \(lockedPerSlot[slot]) locked meetings but only \(tables) tables")
        }
        for (index, participant) in instance.participants.enumerated() {
            let sorted = sortedParticipant[index]
            guard lockedPerParticipant[sorted] <= maxMeetings[sorted] else {
                throw ScheduleError(.lockedOverLimit, field: "locked",
                                    "participant \(q(participant.id)) has \(lockedPerParticipant[sorted]) locked meetings, more than maxMeetings \(maxMeetings[sorted])")
            }
        }

        // Previous placements: a preference only; requests that no longer exist are ignored.
        var previousSlot = [Int32](repeating: -1, count: requestCount)
        var previousTable = [Int32](repeating: -1, count: requestCount)
        for (index, placed) in instance.previous.enumerated() {
            let field = "previous[\(index)]"
            try slotRange(placed.slot, field: field + ".slot", "previous meeting \(q(placed.request))")
            try tableRange(placed.table, field: field + ".table", "previous meeting \(q(placed.request))")
            guard let input = requestIndex[placed.request] else { continue }
            let r = sortedRequest[input]
            guard previousSlot[r] < 0 else {
                throw ScheduleError(.lockedTwice, field: field + ".request", "request \(q(placed.request)) is listed twice in previous")
            }
            previousSlot[r] = Int32(placed.slot)
            previousTable[r] = Int32(placed.table)
        }

        // Requests per participant.
        var degree = [Int32](repeating: 0, count: n + 1)
        for r in 0..<requestCount {
            degree[Int(first[r]) + 1] += 1
            degree[Int(second[r]) + 1] += 1
        }
        for i in 0..<n { degree[i + 1] += degree[i] }
        var fill = degree
        var incidence = [Int32](repeating: 0, count: 2 * requestCount)
        for r in 0..<requestCount {
            for person in [Int(first[r]), Int(second[r])] {
                incidence[Int(fill[person])] = Int32(r)
                fill[person] += 1
            }
        }

        self.slots = slots
        self.tables = tables
        self.participantIDs = participantOrder.map { instance.participants[$0].id }
        self.requestIDs = requestOrder.map { instance.requests[$0].id }
        self.maxMeetings = maxMeetings
        self.capacity = maxMeetings.map { Int32(min($0, slots)) }
        self.available = available
        self.availableEverywhere = everywhere
        self.first = first
        self.second = second
        self.priority = priority
        self.lockedSlot = lockedSlot
        self.lockedTable = lockedTable
        self.previousSlot = previousSlot
        self.previousTable = previousTable
        self.incidenceStart = degree
        self.incidence = incidence
    }
}

private func participantID(_ instance: ScheduleInstance, _ order: [Int], _ sorted: Int) -> String {
    instance.participants[order[sorted]].id
}
