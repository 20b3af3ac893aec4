/// A larger neighbourhood for the primary objective (ruin and recreate): an unplaced request
/// goes in first, with its two people's days cleared of their movable meetings; then those
/// meetings and every other unplaced request of the people touched come back by priority,
/// each where it fits (with repairs). Kept when the total rises; otherwise undone. This finds
/// exchanges of several meetings at once — two cheaper meetings of a person making way for a
/// dearer one at another time, a person's day re-timed around a new meeting — that the
/// single exchanges of `improve` miss.
extension ScheduleBoard {
    /// One pass over the unplaced requests in `order`, at most `budget` trials; true when the total rose.
    mutating func rebuild(order: [Int], usable: [Int32], budget: Int, _ scratch: inout InsertionScratch) -> Bool {
        var improved = false
        var trials = 0
        for r in order where slotOf[r] < 0 && usable[r] > 0 {
            trials += 1
            if trials > budget { break }
            if rebuild(around: r, &scratch) { improved = true }
        }
        clearLog()
        return improved
    }

    private mutating func rebuild(around r: Int, _ scratch: inout InsertionScratch) -> Bool {
        let a = first(r), b = second(r)
        let before = objective
        let mark = self.mark
        var removed: [Int] = []
        for person in [a, b] {
            let base = person * slots
            for s in 0..<slots {
                let held = cell[base + s]
                if held >= 0 && !isFixed(Int(held)) && slotOf[Int(held)] >= 0 {
                    removed.append(Int(held))
                    remove(Int(held))
                }
            }
        }
        guard insert(r, depth: 1, &scratch) else {
            undo(to: mark)
            return false
        }
        // Everything the cleared days could take back, by priority.
        var candidates = removed
        var listed = Set(removed)
        var touched = [a, b]
        for g in removed { touched.append(first(g) == a || first(g) == b ? second(g) : first(g)) }
        for person in touched {
            for k in Int(problem.incidenceStart[person])..<Int(problem.incidenceStart[person + 1]) {
                let q = Int(problem.incidence[k])
                if slotOf[q] < 0 && listed.insert(q).inserted { candidates.append(q) }
            }
        }
        let priority = problem.priority
        candidates.sort { (-priority[$0], $0) < (-priority[$1], $1) }
        // What the candidates not yet tried could add at most: stop when even all of it cannot win.
        var rest = candidates.reduce(0) { $0 + (slotOf[$1] < 0 ? Int(priority[$1]) : 0) }
        for q in candidates where slotOf[q] < 0 {
            if objective + rest <= before { break }
            _ = insert(q, depth: 1, &scratch)
            rest -= Int(priority[q])
        }
        if objective > before { return true }
        undo(to: mark)
        return false
    }
}
