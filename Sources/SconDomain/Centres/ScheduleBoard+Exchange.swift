/// Local search on the primary objective, the total priority placed. An unplaced request
/// that does not fit takes the place of cheaper meetings when that raises the total:
/// - a person at their limit drops a meeting of lower priority (both people at their limit:
///   one each, together of lower priority);
/// - the people's meetings in a shared slot (of lower total priority) give way, and try to
///   land elsewhere;
/// and then the people freed by a dropped meeting take another of their unplaced requests if
/// one fits (the end of an alternating path). A trial that does not raise the total is undone.
extension ScheduleBoard {
    /// One pass over the unplaced requests in `order`; true when the total rose.
    mutating func improve(order: [Int], usable: [Int32], depth: Int, _ scratch: inout InsertionScratch) -> Bool {
        var improved = false
        for r in order where slotOf[r] < 0 && usable[r] > 0 {
            if insert(r, depth: depth, &scratch) || exchange(r, &scratch) || displace(r, &scratch) {
                improved = true
            }
        }
        clearLog()
        return improved
    }

    /// Drops a cheaper meeting of each person at their limit to make room for `r`.
    private mutating func exchange(_ r: Int, _ scratch: inout InsertionScratch) -> Bool {
        let a = first(r), b = second(r)
        let priority = Int(problem.priority[r])
        let fullA = load[a] >= problem.capacity[a], fullB = load[b] >= problem.capacity[b]
        guard fullA || fullB else { return false }
        let dropsA = fullA ? cheaperMeetings(of: a, below: priority) : [-1]
        let dropsB = fullB ? cheaperMeetings(of: b, below: priority) : [-1]
        var tries = 0
        for g in dropsA {
            for h in dropsB {
                let cost = (g >= 0 ? Int(problem.priority[g]) : 0) + (h >= 0 && h != g ? Int(problem.priority[h]) : 0)
                guard cost < priority else { continue }
                tries += 1
                if tries > Self.exchangeTries { return false }
                let before = objective
                let mark = self.mark
                var freed: [Int] = []
                for dropped in [g, h] where dropped >= 0 && slotOf[dropped] >= 0 {
                    remove(dropped)
                    freed.append(dropped)
                }
                if insert(r, depth: 1, &scratch) {
                    for dropped in freed {
                        refill(first(dropped), &scratch)
                        refill(second(dropped), &scratch)
                    }
                    if objective > before { return true }
                }
                undo(to: mark)
            }
        }
        return false
    }

    /// Clears a shared slot of cheaper meetings for `r`, then lets them land elsewhere.
    private mutating func displace(_ r: Int, _ scratch: inout InsertionScratch) -> Bool {
        let a = first(r), b = second(r)
        guard load[a] < problem.capacity[a], load[b] < problem.capacity[b] else { return false }
        let priority = Int(problem.priority[r])
        var tries = 0
        for s in 0..<slots {
            let heldA = cell[a * slots + s], heldB = cell[b * slots + s]
            if heldA == Self.unavailable || heldB == Self.unavailable { continue }
            if (heldA >= 0 && isFixed(Int(heldA))) || (heldB >= 0 && isFixed(Int(heldB))) { continue }
            var blockers: [Int] = []
            for held in [heldA, heldB] where held >= 0 && !blockers.contains(Int(held)) { blockers.append(Int(held)) }
            let cost = blockers.reduce(0) { $0 + Int(problem.priority[$1]) }
            guard cost < priority, !blockers.isEmpty, Int(slotLoad[s]) - blockers.count < tables else { continue }
            tries += 1
            if tries > Self.exchangeTries { return false }
            let before = objective
            let mark = self.mark
            for g in blockers { remove(g) }
            place(r, s)
            for g in blockers where !insert(g, depth: 1, &scratch) {
                refill(first(g), &scratch)
                refill(second(g), &scratch)
            }
            if objective > before { return true }
            undo(to: mark)
        }
        return false
    }

    /// A person's movable meetings of priority below `limit`, cheapest first.
    private func cheaperMeetings(of person: Int, below limit: Int) -> [Int] {
        var found: [Int] = []
        let base = person * slots
        for s in 0..<slots {
            let held = cell[base + s]
            if held >= 0 && !isFixed(Int(held)) && Int(problem.priority[Int(held)]) < limit { found.append(Int(held)) }
        }
        let priority = problem.priority
        return found.sorted { (priority[$0], $0) < (priority[$1], $1) }
    }

    /// Gives a person with room their best unplaced requests that fit.
    mutating func refill(_ person: Int, _ scratch: inout InsertionScratch) {
        guard load[person] < problem.capacity[person] else { return }
        var waiting: [Int] = []
        for k in Int(problem.incidenceStart[person])..<Int(problem.incidenceStart[person + 1]) {
            let q = Int(problem.incidence[k])
            if slotOf[q] < 0 { waiting.append(q) }
        }
        let priority = problem.priority
        waiting.sort { (-priority[$0], $0) < (-priority[$1], $1) }
        for q in waiting {
            if load[person] >= problem.capacity[person] { return }
            _ = insert(q, depth: 1, &scratch)
        }
    }

    static let exchangeTries = 4
}
