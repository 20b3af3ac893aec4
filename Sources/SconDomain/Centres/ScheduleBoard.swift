/// The working state of a schedule: who sits where in which slot. `cell[i * slots + s]` is the
/// request participant i meets in slot s, `free` or `unavailable`; every change goes through
/// `place` and `remove`, which keep the loads and the objective and write an undo log, so
/// that a trial (an insertion with repairs, an exchange) can be taken back with `undo(to:)`.
struct ScheduleBoard: Sendable {
    static let free: Int32 = -1
    static let unavailable: Int32 = -2

    let problem: CompiledSchedule
    let slots: Int
    let tables: Int
    var cell: [Int32]
    var slotOf: [Int32]
    /// Meetings per participant and per slot.
    var load: [Int32]
    var slotLoad: [Int32]
    /// The meetings in each slot (unordered) and each meeting's position there.
    var members: [[Int32]]
    var position: [Int32]
    /// The total priority placed, and the number of meetings placed.
    var objective = 0
    var placedCount = 0
    private var logRequest: [Int32] = []
    private var logSlot: [Int32] = []

    init(_ problem: CompiledSchedule) {
        self.problem = problem
        slots = problem.slots
        tables = problem.tables
        cell = problem.available.map { $0 ? Self.free : Self.unavailable }
        slotOf = [Int32](repeating: -1, count: problem.requestCount)
        load = [Int32](repeating: 0, count: problem.participantCount)
        slotLoad = [Int32](repeating: 0, count: problem.slots)
        members = [[Int32]](repeating: [], count: problem.slots)
        position = [Int32](repeating: -1, count: problem.requestCount)
        for r in 0..<problem.requestCount where problem.lockedSlot[r] >= 0 {
            place(r, Int(problem.lockedSlot[r]))
        }
        clearLog()
    }

    @inline(__always) func isFixed(_ r: Int) -> Bool { problem.lockedSlot[r] >= 0 }
    @inline(__always) func first(_ r: Int) -> Int { Int(problem.first[r]) }
    @inline(__always) func second(_ r: Int) -> Int { Int(problem.second[r]) }
    @inline(__always) func at(_ person: Int, _ slot: Int) -> Int32 { cell[person * slots + slot] }

    /// Both people free in the slot, a table left, both under their limit.
    func fits(_ r: Int, _ s: Int) -> Bool {
        let a = first(r), b = second(r)
        return cell[a * slots + s] == Self.free && cell[b * slots + s] == Self.free && Int(slotLoad[s]) < tables
            && load[a] < problem.capacity[a] && load[b] < problem.capacity[b]
    }

    /// Both people could meet in the slot if it were empty: both available, neither held by a locked meeting.
    func couldMeet(_ r: Int, _ s: Int) -> Bool {
        for person in [first(r), second(r)] {
            let held = cell[person * slots + s]
            if held == Self.unavailable || (held >= 0 && isFixed(Int(held))) { return false }
        }
        return problem.available[first(r) * slots + s] && problem.available[second(r) * slots + s]
    }

    mutating func place(_ r: Int, _ s: Int) {
        let a = first(r), b = second(r)
        cell[a * slots + s] = Int32(r)
        cell[b * slots + s] = Int32(r)
        slotOf[r] = Int32(s)
        load[a] += 1
        load[b] += 1
        slotLoad[s] += 1
        position[r] = Int32(members[s].count)
        members[s].append(Int32(r))
        objective += Int(problem.priority[r])
        placedCount += 1
        logRequest.append(Int32(r))
        logSlot.append(-1)
    }

    mutating func remove(_ r: Int) {
        let s = Int(slotOf[r])
        let a = first(r), b = second(r)
        cell[a * slots + s] = Self.free
        cell[b * slots + s] = Self.free
        slotOf[r] = -1
        load[a] -= 1
        load[b] -= 1
        slotLoad[s] -= 1
        let index = Int(position[r])
        let last = members[s].removeLast()
        if Int(last) != r {
            members[s][index] = last
            position[Int(last)] = Int32(index)
        }
        position[r] = -1
        objective -= Int(problem.priority[r])
        placedCount -= 1
        logRequest.append(Int32(r))
        logSlot.append(Int32(s))
    }

    mutating func move(_ r: Int, to s: Int) {
        remove(r)
        place(r, s)
    }

    var mark: Int { logRequest.count }

    /// Tables not taken, over all slots.
    var freeTables: Int { slots * tables - placedCount }

    /// Takes back every change since `mark`.
    mutating func undo(to mark: Int) {
        while logRequest.count > mark {
            let r = Int(logRequest.removeLast())
            let s = Int(logSlot.removeLast())
            if s < 0 { remove(r) } else { place(r, s) }
            logRequest.removeLast()
            logSlot.removeLast()
        }
    }

    mutating func clearLog() {
        logRequest.removeAll(keepingCapacity: true)
        logSlot.removeAll(keepingCapacity: true)
    }

    // MARK: Idle slots

    /// The available, empty slots between a person's first and last meeting.
    func idleSlots(_ person: Int) -> Int {
        let base = person * slots
        var firstSlot = -1, lastSlot = -1, meetings = 0, unavailable = 0
        for s in 0..<slots {
            let held = cell[base + s]
            if held >= 0 {
                if firstSlot < 0 { firstSlot = s }
                lastSlot = s
                meetings += 1
            }
        }
        guard firstSlot >= 0 else { return 0 }
        for s in firstSlot...lastSlot where cell[base + s] == Self.unavailable { unavailable += 1 }
        return lastSlot - firstSlot + 1 - meetings - unavailable
    }

    var totalIdleSlots: Int { (0..<problem.participantCount).reduce(0) { $0 + idleSlots($1) } }

    /// How a person's idle slots would change with one more meeting in each slot, for every
    /// slot at once (the person must be free there): `result[s]`.
    func idleChange(_ person: Int, into result: inout [Int]) {
        let base = person * slots
        var firstSlot = -1, lastSlot = -1
        for s in 0..<slots where cell[base + s] >= 0 {
            if firstSlot < 0 { firstSlot = s }
            lastSlot = s
        }
        guard firstSlot >= 0 else {
            for s in 0..<slots { result[s] = 0 }
            return
        }
        // A slot inside the span fills an idle slot; one outside adds the free slots it crosses.
        for s in firstSlot...lastSlot { result[s] = -1 }
        var crossed = 0
        var s = firstSlot - 1
        while s >= 0 {
            result[s] = crossed
            if cell[base + s] == Self.free { crossed += 1 }
            s -= 1
        }
        crossed = 0
        s = lastSlot + 1
        while s < slots {
            result[s] = crossed
            if cell[base + s] == Self.free { crossed += 1 }
            s += 1
        }
    }
}
