/// Another timing of the same meetings, built slot by slot from the first: in each slot the
/// meetings of people who cannot wait any longer (as many meetings left as free slots) go
/// first, then those of people already in their day (a slot without a meeting would be idle),
/// then — up to an even share of the meetings left per slot left, so that not everyone
/// starts at once — those of people with the most meetings left. Meetings the sweep could not place are
/// inserted with repairs at the end. Nil unless every meeting of the current schedule is
/// placed: the set of meetings — the primary objective — is the same; the caller keeps the
/// better of the two timings.
extension ScheduleBoard {
    func swept(_ scratch: inout InsertionScratch) -> ScheduleBoard? {
        let chosen = (0..<problem.requestCount).filter { slotOf[$0] >= 0 && !isFixed($0) }
        guard !chosen.isEmpty else { return nil }
        var trial = ScheduleBoard(problem)
        var left = [Int32](repeating: 0, count: problem.participantCount)
        for r in chosen {
            left[first(r)] += 1
            left[second(r)] += 1
        }
        // Free slots from the current one on, per person.
        var ahead = [Int32](repeating: 0, count: problem.participantCount)
        for i in 0..<problem.participantCount {
            for s in 0..<slots where trial.cell[i * slots + s] == Self.free { ahead[i] += 1 }
        }
        var waiting = chosen
        var keys: [(key: Int, request: Int)] = []
        for s in 0..<slots {
            keys.removeAll(keepingCapacity: true)
            for r in waiting {
                let a = first(r), b = second(r)
                guard trial.cell[a * slots + s] == Self.free, trial.cell[b * slots + s] == Self.free else { continue }
                var key = 0
                for person in [a, b] {
                    if left[person] >= ahead[person] { key += 1 << 20 }
                    if trial.load[person] > 0 { key += 1 << 12 }
                    key += Int(left[person])
                }
                if problem.previousSlot[r] == s { key += 1 << 24 }
                keys.append((key, r))
            }
            keys.sort { $0.key != $1.key ? $0.key > $1.key : $0.request < $1.request }
            // Meetings that start two people's days only up to an even share of what is left.
            let target = (waiting.count + (slots - s) - 1) / (slots - s)
            var placedHere = 0
            for (key, r) in keys where Int(trial.slotLoad[s]) < tables {
                if key < 1 << 12 && placedHere >= target { break }
                let a = first(r), b = second(r)
                guard trial.cell[a * slots + s] == Self.free, trial.cell[b * slots + s] == Self.free else { continue }
                trial.place(r, s)
                placedHere += 1
                left[a] -= 1
                left[b] -= 1
            }
            for i in 0..<problem.participantCount where problem.available[i * slots + s] {
                let held = trial.cell[i * slots + s]
                if held == Self.free || (held >= 0 && !isFixed(Int(held))) { ahead[i] -= 1 }
            }
            waiting.removeAll { trial.slotOf[$0] >= 0 }
        }
        for r in waiting where !trial.insert(r, depth: 2, &scratch) { return nil }
        trial.clearLog()
        return trial
    }

    /// Meetings in their previous slot.
    var keptCount: Int {
        (0..<problem.requestCount).reduce(0) { $0 + (slotOf[$1] >= 0 && problem.previousSlot[$1] == slotOf[$1] ? 1 : 0) }
    }

    /// True when this timing is better on the secondary objectives: more meetings kept in
    /// their previous slot, or as many and fewer idle slots.
    func isBetterTiming(than other: ScheduleBoard) -> Bool {
        let kept = keptCount, otherKept = other.keptCount
        return kept != otherKept ? kept > otherKept : totalIdleSlots < other.totalIdleSlots
    }
}
