/// Local search for the fairness option on instances too large for `LevelSearch`: a weakest
/// proposal takes a free reviewer or swaps one with another proposal while no one falls to the
/// weakest level, as long as such moves exist; then moves that raise the total without letting
/// any proposal fall below the level reached. It proves nothing.
struct FairLocalSearch {
    let problem: CompiledAssignment
    let proposals: Int
    let reviewers: Int
    /// The affinity of each proposal's pinned pairs.
    let pinnedSum: [Int]
    private(set) var best: FairAssignmentState

    init(_ problem: CompiledAssignment, pinnedSum: [Int], start: FairAssignmentState) {
        self.problem = problem
        proposals = problem.proposalCount
        reviewers = problem.reviewerCount
        self.pinnedSum = pinnedSum
        best = start
    }

    private func score(_ p: Int, _ r: Int) -> Int { Int(problem.score[p * reviewers + r]) }

    mutating func consider(_ chosen: [[Int]]) {
        let totals = (0..<proposals).map { p in chosen[p].reduce(pinnedSum[p]) { $0 + score(p, $1) } }
        let state = FairAssignmentState(chosen: chosen, totals: totals)
        if (state.weakest, state.total) > (best.weakest, best.total) { best = state }
    }

        /// Raises the weakest proposals by moves that leave every other proposal above the old
    /// weakest level, then raises the total without letting any proposal fall below the floor.
    mutating func improve(until deadline: ContinuousClock.Instant) {
        var state = best
        var load = [Int](repeating: 0, count: reviewers)
        var has = [Bool](repeating: false, count: proposals * reviewers)
        /// The proposals each reviewer has (not pinned).
        var holders = [[Int]](repeating: [], count: reviewers)
        for p in 0..<proposals {
            for r in state.chosen[p] {
                load[r] += 1
                has[p * reviewers + r] = true
                holders[r].append(p)
            }
        }
        func hand(_ r: Int, from p: Int, to q: Int) {
            holders[r][holders[r].firstIndex(of: p)!] = q
            has[p * reviewers + r] = false
            has[q * reviewers + r] = true
        }
        func eligible(_ p: Int, _ r: Int) -> Bool { problem.score[p * reviewers + r] >= 0 && !has[p * reviewers + r] }

        /// One improving move for proposal p, accepted when `accept(newP, other?)` holds.
        func move(_ p: Int, accept: (_ newTotal: Int, _ other: (q: Int, newTotal: Int)?) -> Bool) -> Bool {
            for (slot, r) in state.chosen[p].enumerated() {
                let lose = score(p, r)
                for r2 in 0..<reviewers where eligible(p, r2) {
                    let gain = score(p, r2)
                    guard gain > lose else { continue }
                    let newTotal = state.totals[p] - lose + gain
                    if load[r2] < problem.capacity[r2] {
                        guard accept(newTotal, nil) else { continue }
                        state.chosen[p][slot] = r2
                        has[p * reviewers + r] = false; has[p * reviewers + r2] = true
                        holders[r].remove(at: holders[r].firstIndex(of: p)!)
                        holders[r2].append(p)
                        load[r] -= 1; load[r2] += 1
                        state.totals[p] = newTotal
                        return true
                    }
                    // Swap: a proposal q that has r2 and may take r instead.
                    for q in holders[r2] where eligible(q, r) {
                        let qTotal = state.totals[q] - score(q, r2) + score(q, r)
                        guard accept(newTotal, (q, qTotal)) else { continue }
                        let qSlot = state.chosen[q].firstIndex(of: r2)!
                        state.chosen[p][slot] = r2
                        state.chosen[q][qSlot] = r
                        hand(r, from: p, to: q)
                        hand(r2, from: q, to: p)
                        state.totals[p] = newTotal
                        state.totals[q] = qTotal
                        return true
                    }
                }
            }
            return false
        }

        // Raise the weakest while some move lifts it without bringing another down to its level.
        var stuck = Set<Int>()
        while ContinuousClock.now < deadline {
            let floor = state.weakest
            guard let p = (0..<proposals).first(where: { state.totals[$0] == floor && !stuck.contains($0) }) else { break }
            let moved = move(p) { newTotal, other in
                newTotal > floor && (other.map { $0.newTotal > floor } ?? true)
            }
            if moved { stuck.removeAll() } else { stuck.insert(p) }
        }
        // Then the total, above the floor reached.
        let floor = state.weakest
        var changed = true
        var rounds = 0
        while changed && rounds < 4 && ContinuousClock.now < deadline {
            changed = false
            rounds += 1
            for p in 0..<proposals {
                while move(p, accept: { newTotal, other in
                    guard let other else { return true }
                    return other.newTotal >= floor && newTotal - state.totals[p] + other.newTotal - state.totals[other.q] > 0
                }) { changed = true }
            }
        }
        consider(state.chosen)
    }
}
