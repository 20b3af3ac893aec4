/// The secondary objectives, improved without touching the primary one: only movable
/// meetings change slot, none is added or dropped. In order of importance: meetings kept in
/// their previous slot (when a previous schedule is given), then fewer idle slots in people's
/// days. Three kinds of move, repeated while one helps: a meeting moves to another slot free
/// for both people; a person's two meetings swap slots (their own day is unchanged, the two
/// partners' days may shorten); a Kempe chain — a person's first or last meeting moves into an
/// idle slot of theirs, and the partners' meetings in the way swap along the alternating path
/// of the two slots (only the path's two ends see their days change).
extension ScheduleBoard {
    mutating func compact(passes: Int, _ scratch: inout InsertionScratch) {
        for _ in 0..<passes {
            var improved = false
            for r in 0..<problem.requestCount where slotOf[r] >= 0 && !isFixed(r) {
                if moveToBetterSlot(r, &scratch) { improved = true }
            }
            for person in 0..<problem.participantCount where load[person] >= 2 {
                if swapMeetings(of: person) { improved = true }
                if closeGaps(of: person) { improved = true }
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

    /// Moves the person's first or last meeting into one of their idle slots along a Kempe
    /// chain, when that leaves fewer idle slots (and keeps as many previous slots).
    private mutating func closeGaps(of person: Int) -> Bool {
        let base = person * slots
        var improved = false
        var attempts = 0
        while attempts < slots {
            attempts += 1
            var firstSlot = -1, lastSlot = -1
            for s in 0..<slots where cell[base + s] >= 0 {
                if firstSlot < 0 { firstSlot = s }
                lastSlot = s
            }
            guard firstSlot >= 0, lastSlot - firstSlot >= 2 else { return improved }
            var moved = false
            search: for gap in (firstSlot + 1)..<lastSlot where cell[base + gap] == Self.free {
                for end in [firstSlot, lastSlot] where kempeMove(person, from: end, to: gap) {
                    moved = true
                    break search
                }
            }
            guard moved else { return improved }
            improved = true
        }
        return improved
    }

    /// Swaps slots `from` and `to` along the alternating path that starts with the person's
    /// meeting in `from`; keeps the swap if it lowers the idle slots of the path's two ends
    /// without losing a previous slot, else undoes it.
    private mutating func kempeMove(_ person: Int, from: Int, to: Int) -> Bool {
        var path: [Int] = []
        var at = person
        var colour = from
        var end = person
        while true {
            let held = cell[at * slots + colour]
            if held == Self.unavailable { return false }
            if held < 0 { break }
            let r = Int(held)
            if isFixed(r) || path.count > Self.kempeLimit { return false }
            path.append(r)
            at = other(r, than: at)
            end = at
            colour = colour == from ? to : from
        }
        // The path's last meeting lands where `end` is free (checked by the loop's exit).
        let grows = path.count % 2 == 1
        if grows && Int(slotLoad[to]) >= tables { return false }
        var keptBefore = 0, keptAfter = 0
        for r in path {
            let slot = Int(slotOf[r])
            keptBefore += kept(r, slot)
            keptAfter += kept(r, slot == from ? to : from)
        }
        if keptAfter < keptBefore { return false }
        let before = idleSlots(person) + idleSlots(end)
        let mark = self.mark
        let targets = path.map { Int(slotOf[$0]) == from ? to : from }
        for r in path { remove(r) }
        for (r, slot) in zip(path, targets) { place(r, slot) }
        if keptAfter > keptBefore || idleSlots(person) + idleSlots(end) < before { return true }
        undo(to: mark)
        return false
    }

    static let kempeLimit = 64
}
