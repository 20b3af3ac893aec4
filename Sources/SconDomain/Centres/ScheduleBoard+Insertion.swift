extension ScheduleBoard {
    /// The slot where a request fits now and adds the fewest idle slots to its two people's
    /// days: its previous slot when that fits, else the least idle time, then the emptier
    /// slot, then the earlier. Nil when it fits nowhere without moving other meetings.
    func bestFreeSlot(_ r: Int, _ scratch: inout InsertionScratch) -> Int? {
        let a = first(r), b = second(r)
        guard load[a] < problem.capacity[a], load[b] < problem.capacity[b] else { return nil }
        let previous = Int(problem.previousSlot[r])
        if previous >= 0, cell[a * slots + previous] == Self.free, cell[b * slots + previous] == Self.free, Int(slotLoad[previous]) < tables {
            return previous
        }
        let baseA = a * slots, baseB = b * slots
        var any = false
        for s in 0..<slots where cell[baseA + s] == Self.free && cell[baseB + s] == Self.free && Int(slotLoad[s]) < tables {
            any = true
            break
        }
        guard any else { return nil }
        idleChange(a, into: &scratch.first)
        idleChange(b, into: &scratch.second)
        var best = -1, bestIdle = Int.max, bestLoad = Int32.max
        for s in 0..<slots where cell[baseA + s] == Self.free && cell[baseB + s] == Self.free && Int(slotLoad[s]) < tables {
            let idle = scratch.first[s] + scratch.second[s]
            if idle < bestIdle || (idle == bestIdle && slotLoad[s] < bestLoad) {
                best = s
                bestIdle = idle
                bestLoad = slotLoad[s]
            }
        }
        return best
    }

    /// Places a request: in a free slot when there is one, else (with `depth` > 0) in a slot
    /// whose blockers — the two people's meetings there, or one meeting for a table — are
    /// moved elsewhere, each by the same procedure one level shallower (an ejection chain).
    /// Returns false, with the board unchanged, when no such placement was found within
    /// `InsertionScratch.effort` slot trials.
    mutating func insert(_ r: Int, depth: Int, _ scratch: inout InsertionScratch) -> Bool {
        scratch.effort = InsertionScratch.effortPerInsertion
        return insertNested(r, depth: depth, &scratch)
    }

    private mutating func insertNested(_ r: Int, depth: Int, _ scratch: inout InsertionScratch) -> Bool {
        if let s = bestFreeSlot(r, &scratch) {
            place(r, s)
            return true
        }
        let a = first(r), b = second(r)
        // One more meeting needs a free table somewhere; moving meetings never makes one.
        guard depth > 0, freeTables > 0, load[a] < problem.capacity[a], load[b] < problem.capacity[b] else { return false }
        // Candidate slots by how much must move: one blocker before two, before a table too.
        var candidates: [Int] = []
        var costs: [Int] = []
        for s in 0..<slots {
            let heldA = cell[a * slots + s], heldB = cell[b * slots + s]
            if heldA == Self.unavailable || heldB == Self.unavailable { continue }
            if (heldA >= 0 && isFixed(Int(heldA))) || (heldB >= 0 && isFixed(Int(heldB))) { continue }
            var cost = (heldA >= 0 ? 1 : 0) + (heldB >= 0 && heldB != heldA ? 1 : 0)
            let freed = cost > 0 ? 1 : 0
            if Int(slotLoad[s]) - freed >= tables { cost += 2 }
            candidates.append(s)
            costs.append(cost)
        }
        let order = candidates.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : candidates[$0] < candidates[$1] }
        for index in order {
            scratch.effort -= 1
            if scratch.effort < 0 { return false }
            let s = candidates[index]
            let mark = self.mark
            var evicted: [Int] = []
            for held in [cell[a * slots + s], cell[b * slots + s]] where held >= 0 && !evicted.contains(Int(held)) {
                evicted.append(Int(held))
                remove(Int(held))
            }
            if Int(slotLoad[s]) >= tables {
                if tryWithTableFreed(r, s, evicted: evicted, depth: depth, &scratch) { return true }
                undo(to: mark)
                continue
            }
            place(r, s)
            if relocate(evicted, depth: depth - 1, &scratch) { return true }
            undo(to: mark)
        }
        return false
    }

    /// Slot `s` is full: moves one more of its meetings away (trying a few), then places `r`.
    private mutating func tryWithTableFreed(_ r: Int, _ s: Int, evicted: [Int], depth: Int, _ scratch: inout InsertionScratch) -> Bool {
        let mark = self.mark
        // Slots other than s with a table left: where an evicted meeting may land directly.
        let open = (0..<slots).filter { $0 != s && Int(slotLoad[$0]) < tables }
        if open.isEmpty && depth <= 1 { return false }
        var tried = 0
        for g in members[s] where !isFixed(Int(g)) {
            let other = Int(g)
            // Only a meeting whose two people are free together in an open slot leaves cheaply.
            guard depth > 1 || fitsSomewhere(other, in: open) else { continue }
            tried += 1
            if tried > Self.tableEvictionTries { break }
            scratch.effort -= 1
            if scratch.effort < 0 { return false }
            remove(other)
            place(r, s)
            if relocate(evicted + [other], depth: depth - 1, &scratch) { return true }
            undo(to: mark)
        }
        return false
    }

    private mutating func relocate(_ meetings: [Int], depth: Int, _ scratch: inout InsertionScratch) -> Bool {
        for f in meetings where !insertNested(f, depth: depth, &scratch) { return false }
        return true
    }

    private func fitsSomewhere(_ r: Int, in open: [Int]) -> Bool {
        let baseA = first(r) * slots, baseB = second(r) * slots
        for s in open where cell[baseA + s] == Self.free && cell[baseB + s] == Self.free { return true }
        return false
    }

    static let tableEvictionTries = 6

    /// Places every unplaced request that fits somewhere as the board stands.
    mutating func fill(_ usable: [Int32], _ scratch: inout InsertionScratch) {
        for r in 0..<problem.requestCount where slotOf[r] < 0 && usable[r] > 0 {
            if let s = bestFreeSlot(r, &scratch) { place(r, s) }
        }
        clearLog()
    }
}

/// Reusable buffers for `insert`, one per solve, and the effort left to the current insertion.
struct InsertionScratch {
    var first: [Int]
    var second: [Int]
    var effort = 0
    /// Slot trials (with their moves) one insertion may make: bounds the ejection chains'
    /// search where the event is tight, so that the time stays near-linear in its size.
    static let effortPerInsertion = 400

    init(slots: Int) {
        first = [Int](repeating: 0, count: slots)
        second = [Int](repeating: 0, count: slots)
    }
}
