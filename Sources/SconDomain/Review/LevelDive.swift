/// A quick way to an assignment at level L, for instances too large for `LevelSearch` to
/// branch through, in two steps:
/// 1. `greedy`: the proposals, those with the least room above L first, each take the set of
///    reviewers that reaches L with the largest affinity less the reviewers' capacity prices
///    (`CapacityPrices`, so that scarce experts are kept for the proposals that have no one
///    else) among the reviewers with room left. Fast, and every proposal reaches L, but the
///    total is poor.
/// 2. `improve` (fix and flow): the max-total flow serves the proposals whose greedy sets are
///    not fixed; each proposal it leaves below L gets its greedy set fixed, and the flow is
///    solved again, until no proposal is below L. The greedy sets fit together, so the rest
///    always has room, and the answer is never worse at the level.
struct LevelDive {
    let problem: CompiledAssignment
    let pinnedSum: [Int]
    let bestSets: [Int]

    /// Every proposal's set (reviewers not pinned) reaching `level` within the capacities, or nil.
    /// The proposal served next is the one with the least room above the level among the
    /// reviewers still free; when a reviewer fills up, the proposals whose best free reviewers
    /// included it are looked at again.
    func greedy(level: Int, price: [Double]) -> [[Int]]? {
        let reviewers = problem.reviewerCount
        var room = problem.capacity
        var sets = [[Int]](repeating: [], count: problem.proposalCount)
        var served = [Bool](repeating: false, count: problem.proposalCount)
        var slack = [Int](repeating: 0, count: problem.proposalCount)
        var top = [[Int]](repeating: [], count: problem.proposalCount)
        var watchers = [[Int]](repeating: [], count: reviewers)
        var queue = MinHeap()
        /// The proposal's best free reviewers and how far they lift it above the level.
        func refresh(_ p: Int) -> Bool {
            let need = problem.demand[p]
            var best: [Int] = []
            for r in 0..<reviewers where room[r] > 0 && problem.score[p * reviewers + r] >= 0 {
                let score = problem.score[p * reviewers + r]
                guard best.count < need || score > problem.score[p * reviewers + best[best.count - 1]] else { continue }
                let at = best.firstIndex { problem.score[p * reviewers + $0] < score } ?? best.count
                best.insert(r, at: at)
                if best.count > need { best.removeLast() }
            }
            guard best.count == need else { return false }
            top[p] = best
            slack[p] = best.reduce(pinnedSum[p]) { $0 + Int(problem.score[p * reviewers + $1]) } - level
            guard slack[p] >= 0 else { return false }
            for r in best { watchers[r].append(p) }
            queue.push(Int64(slack[p]), p)
            return true
        }
        for p in 0..<problem.proposalCount {
            if problem.demand[p] == 0 {
                served[p] = true
                if pinnedSum[p] < level { return nil }
            } else if !refresh(p) {
                return nil
            }
        }
        var candidates: [(gain: Double, score: Int, reviewer: Int)] = []
        while let (key, p) = queue.pop() {
            if served[p] || key != Int64(slack[p]) { continue }
            candidates.removeAll(keepingCapacity: true)
            for r in 0..<reviewers where room[r] > 0 && problem.score[p * reviewers + r] >= 0 {
                let score = Int(problem.score[p * reviewers + r])
                candidates.append((-Double(score) - (price.isEmpty ? 0 : price[r]), score, r))
            }
            guard let choice = CapacityPrices.bestSet(&candidates, size: problem.demand[p], missing: level - pinnedSum[p],
                                                      effort: 2_000) else { return nil }
            served[p] = true
            sets[p] = choice.set
            for r in choice.set {
                room[r] -= 1
                guard room[r] == 0 else { continue }
                let watching = watchers[r]
                watchers[r] = []
                for q in watching where !served[q] && top[q].contains(r) {
                    guard refresh(q) else { return nil }
                }
            }
        }
        return sets
    }

    /// Fix and flow from the max-total flow alone: the proposals it leaves below the level get
    /// their best sets reaching it (affinity less price, among reviewers with room left after
    /// the sets fixed before) fixed, and the flow is solved again; nil when a proposal has no
    /// such set left.
    func dive(flow start: WeightedAssignmentFlow, level: Int, price: [Double],
              deadline: ContinuousClock.Instant) -> FairAssignmentState? {
        var flow = start
        var fixedSum = pinnedSum
        var fixed = [[Int]](repeating: [], count: problem.proposalCount)
        var room = problem.capacity
        let reviewers = problem.reviewerCount
        var candidates: [(gain: Double, score: Int, reviewer: Int)] = []
        while ContinuousClock.now < deadline {
            let totals = (0..<problem.proposalCount).map { fixedSum[$0] + flow.flowScore($0) }
            let below = (0..<problem.proposalCount).filter { totals[$0] < level }
                .sorted { (bestSets[$0], $0) < (bestSets[$1], $1) }
            if below.isEmpty {
                var chosen = fixed
                for p in 0..<problem.proposalCount { chosen[p] += flow.reviewers(of: p).map { Int($0) } }
                return FairAssignmentState(chosen: chosen, totals: totals)
            }
            for p in below {
                let need = problem.demand[p] - fixed[p].count
                guard need > 0 else { return nil }
                candidates.removeAll(keepingCapacity: true)
                for r in 0..<reviewers where room[r] > 0 && problem.score[p * reviewers + r] >= 0 && !fixed[p].contains(r) {
                    let score = Int(problem.score[p * reviewers + r])
                    candidates.append((Double(score) - (price.isEmpty ? 0 : price[r]), score, r))
                }
                guard let choice = CapacityPrices.bestSet(&candidates, size: need, missing: level - fixedSum[p], effort: 2_000) else {
                    return nil
                }
                for r in choice.set {
                    room[r] -= 1
                    fixed[p].append(r)
                    fixedSum[p] += Int(problem.score[p * reviewers + r])
                }
            }
            flow = rebuilt(fixed)
            guard flow.routeAll() else { return nil }
        }
        return nil
    }

    /// An empty flow without the fixed pairs, their reviewers' capacity and their proposals' demand.
    private func rebuilt(_ fixed: [[Int]]) -> WeightedAssignmentFlow {
        var flow = WeightedAssignmentFlow(problem)
        for p in 0..<problem.proposalCount where !fixed[p].isEmpty {
            for r in fixed[p] {
                flow.block(p, r)
                _ = flow.shrink(r)
            }
            flow.setDemand(p, problem.demand[p] - fixed[p].count)
        }
        return flow
    }

    /// The greedy sets made into a better assignment at the level (see the type's notes).
    func improve(_ sets: [[Int]], flow start: WeightedAssignmentFlow, level: Int,
                 deadline: ContinuousClock.Instant) -> FairAssignmentState {
        let reviewers = problem.reviewerCount
        func state(_ chosen: [[Int]]) -> FairAssignmentState {
            FairAssignmentState(chosen: chosen, totals: (0..<problem.proposalCount).map { p in
                chosen[p].reduce(pinnedSum[p]) { $0 + Int(problem.score[p * reviewers + $1]) }
            })
        }
        var fixed = [Bool](repeating: false, count: problem.proposalCount)
        var flow = start
        while ContinuousClock.now < deadline {
            let chosen = (0..<problem.proposalCount).map { p in
                fixed[p] ? sets[p] : flow.reviewers(of: p).map { Int($0) }
            }
            let current = state(chosen)
            let below = (0..<problem.proposalCount).filter { current.totals[$0] < level }
            if below.isEmpty { return current }
            for p in below { fixed[p] = true }
            // A few proposals: repair the flow around each; many: solve it again.
            var repaired = below.count * 16 <= problem.proposalCount
            if repaired {
                for p in below where repaired {
                    flow.withdraw(p)
                    for r in sets[p] where repaired {
                        flow.block(p, r)
                        repaired = flow.shrink(r)
                    }
                    flow.setDemand(p, 0)
                }
            }
            if !repaired {
                flow = rebuilt((0..<problem.proposalCount).map { fixed[$0] ? sets[$0] : [] })
                guard flow.routeAll() else { break }
            }
        }
        return state(sets)
    }
}
