/// The secondary objectives, improved without touching the primary one: only movable
/// meetings change slot, none is added or dropped. In order of importance: meetings kept in
/// their previous slot (when a previous schedule is given), then fewer idle slots in people's
/// days. Two kinds of move, repeated while one helps: a meeting moves to another slot free for
/// both people; a person's two meetings swap slots (their own day is unchanged, the two
/// partners' days may shorten).
extension ScheduleBoard {
    mutating func compact(passes: Int, _ scratch: inout InsertionScratch) {
        for _ in 0..<passes {
            var improved = false
            for r in 0..<problem.requestCount where slotOf[r] >= 0 && !isFixed(r) {
                if moveToBetterSlot(r, &scratch) { improved = true }
            }
            for person in 0..<problem.participantCount where load[person] >= 2 {
                if swapMeetings(of: person) { improved = true }
            }
            if !improved { break }
        }
        clearLog()
    }

    /// 1 when the request sits in its previous slot, else 0.
    @inline(__always) private func kept(_ r: Int, _ s: Int) -> Int {
        Int(problem.previousSlot[r]) == s ? 1 : 0
    }

    private mutating func moveToBetterSlot(_ r: Int, _ scratch: inout InsertionScratch) -> Bool {
        let from = Int(slotOf[r])
        let previous = Int(problem.previousSlot[r])
        if previous == from { return false }
        let a = first(r), b = second(r)
        remove(r)
        idleChange(a, into: &scratch.first)
        idleChange(b, into: &scratch.second)
        let baseA = a * slots, baseB = b * slots
        var best = from, bestIdle = scratch.first[from] + scratch.second[from]
        if previous >= 0, cell[baseA + previous] == Self.free, cell[baseB + previous] == Self.free, Int(slotLoad[previous]) < tables {
            best = previous
        } else {
            for s in 0..<slots where s != from && cell[baseA + s] == Self.free && cell[baseB + s] == Self.free && Int(slotLoad[s]) < tables {
                let idle = scratch.first[s] + scratch.second[s]
                if idle < bestIdle {
                    best = s
                    bestIdle = idle
                }
            }
        }
        place(r, best)
        return best != from
    }

    /// Tries every pair of a person's movable meetings; swaps a pair when that keeps more
    /// previous slots, or as many and fewer idle slots for the two partners.
    private mutating func swapMeetings(of person: Int) -> Bool {
        let base = person * slots
        var own: [Int] = []
        for s in 0..<slots {
            let held = cell[base + s]
            if held >= 0 && !isFixed(Int(held)) { own.append(Int(held)) }
        }
        guard own.count >= 2 else { return false }
        var improved = false
        for i in 0..<own.count {
            for j in (i + 1)..<own.count {
                let r = own[i], q = own[j]
                let s = Int(slotOf[r]), t = Int(slotOf[q])
                let b = other(r, than: person), c = other(q, than: person)
                if b == c { continue }
                // b moves to t, c moves to s: both must be free (and available) there.
                guard cell[b * slots + t] == Self.free, cell[c * slots + s] == Self.free else { continue }
                let keptBefore = kept(r, s) + kept(q, t)
                let keptAfter = kept(r, t) + kept(q, s)
                if keptAfter < keptBefore { continue }
                let before = idleSlots(b) + idleSlots(c)
                let mark = self.mark
                remove(r)
                remove(q)
                place(r, t)
                place(q, s)
                let after = idleSlots(b) + idleSlots(c)
                if keptAfter > keptBefore || after < before {
                    improved = true
                } else {
                    undo(to: mark)
                }
            }
        }
        return improved
    }
}
