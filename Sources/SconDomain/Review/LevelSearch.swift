/// Branch and bound at one level L of the weakest proposal: among the assignments in which
/// every proposal's total affinity is at least L, find one (`Goal.any`), or the one with the
/// largest total (`Goal.best`), or show that there is none.
///
/// A node fixes some (proposal, reviewer) pairs and forbids others. Two relaxations bound it:
/// - the max-total flow over what is left, dropping the level (`WeightedAssignmentFlow`,
///   repaired by a few shortest paths per node, never solved anew): its value caps the total,
///   and when it gives every proposal L or more it is the node's best assignment;
/// - capacity prices (`CapacityPrices`): each proposal's best set reaching L, capacities priced
///   in; far tighter where proposals compete for the same reviewers, and able to show that no
///   assignment below the node reaches L. Its sets, when they fit, are an assignment too.
/// Otherwise the search takes the proposal below L in the flow with the fewest ways out and
/// splits on its next reviewer: child i gives it its i-th best remaining reviewer and forbids
/// the better ones, so every assignment lies below exactly one child; a child whose proposal
/// cannot reach L even with its best remaining reviewers is not made. A search that ends
/// before its deadline and node budget has proved its answer (or that none reaches L).
struct LevelSearch {
    enum Goal { case any, best }

    let problem: CompiledAssignment
    let level: Int
    let goal: Goal
    let deadline: ContinuousClock.Instant
    /// Price evaluations per node below the root (0: the flow's bound only).
    let priceRounds: Int
    /// Price evaluations at the root.
    let rootPriceRounds: Int
    let nodeBudget: Int
    private var flow: WeightedAssignmentFlow
    private var prices: CapacityPrices
    /// The sets the last price evaluation chose, per proposal (empty before the first).
    private var pricedSets: [[Int]] = []
    /// Per proposal: the affinity of its pinned and fixed pairs.
    private var fixedSum: [Int]
    /// Per proposal: the reviewers this search fixed.
    private var fixed: [[Int]]
    /// The best assignment found (reviewers per proposal, pinned pairs excluded) and its total.
    private(set) var found: FairAssignmentState?
    /// Totals at or below this are not wanted (a known assignment at the level has it).
    private(set) var floorTotal: Int
    /// Whether the deadline or the node budget stopped the search (then nothing is proved).
    private(set) var timedOut = false
    /// The largest bound of the nodes left unexplored when the search stopped.
    private(set) var openBound = Int.min
    private(set) var nodes = 0
    private var stop = false

    /// `flow` must be a complete max-total flow of `problem` with all multipliers 1.
    init(problem: CompiledAssignment, flow: WeightedAssignmentFlow, pinnedSum: [Int], level: Int, goal: Goal,
         floorTotal: Int, deadline: ContinuousClock.Instant, priceRounds: Int = 20, rootPriceRounds: Int = 200,
         nodeBudget: Int = .max) {
        self.problem = problem
        self.flow = flow
        prices = CapacityPrices(reviewers: problem.reviewerCount)
        self.fixedSum = pinnedSum
        self.fixed = [[Int]](repeating: [], count: problem.proposalCount)
        self.level = level
        self.goal = goal
        self.floorTotal = floorTotal
        self.deadline = deadline
        self.priceRounds = priceRounds
        self.rootPriceRounds = rootPriceRounds
        self.nodeBudget = nodeBudget
    }

    /// True when the search finished: `found` is then the answer, or nil if none beats the floor.
    var exhausted: Bool { !timedOut && !stop }

    mutating func run() {
        explore(priceRounds: rootPriceRounds)
    }

    private func score(_ p: Int, _ r: Int) -> Int { Int(problem.score[p * problem.reviewerCount + r]) }

    private func totals() -> [Int] {
        (0..<problem.proposalCount).map { fixedSum[$0] + flow.flowScore($0) }
    }

    /// The proposal's split: the reviewers it may still get, those of its priced set first (the
    /// set the capacity prices chose for it, which leaves the scarce reviewers to others), then
    /// by affinity; each with the better ones before it forbidden, and only those children
    /// that can still reach the level with the best affinities left after them.
    private func children(_ p: Int) -> (order: [Int], viable: [Int]) {
        let need = flow.demand[p]
        guard need > 0 else { return ([], []) }
        let priced = Set(pricedSets.isEmpty ? [] : pricedSets[p])
        let list = (0..<problem.reviewerCount).filter { flow.usable(p, $0) && flow.capacity[$0] > 0 }
            .sorted { (priced.contains($0) ? 1 : 0, score(p, $0), $1) > (priced.contains($1) ? 1 : 0, score(p, $1), $0) }
        guard list.count >= need else { return ([], []) }
        // best[i]: the need − 1 largest affinities among list[(i + 1)...].
        var best = [Int](repeating: 0, count: list.count)
        var largest: [Int] = []
        for index in stride(from: list.count - 1, through: 0, by: -1) {
            best[index] = largest.count >= need - 1 ? largest.prefix(need - 1).reduce(0, +) : .min / 4
            let value = score(p, list[index])
            largest.insert(value, at: largest.firstIndex { $0 < value } ?? largest.count)
            if largest.count > need { largest.removeLast() }
        }
        return (list, list.indices.filter { fixedSum[p] + score(p, list[$0]) + best[$0] >= level })
    }

    /// Records an assignment at the level if it beats the floor; true when the search may stop.
    private mutating func record(_ chosen: [[Int]], _ totals: [Int]) -> Bool {
        let total = totals.reduce(0, +)
        guard total > floorTotal else { return false }
        found = FairAssignmentState(chosen: chosen, totals: totals)
        floorTotal = total
        if goal == .any { stop = true }
        return stop
    }

    /// The price bound of the node (nil: no assignment below it reaches the level), recording
    /// the priced sets when they fit the capacities.
    private mutating func priceBound(rounds: Int) -> Int? {
        var local = prices
        var fitting: (chosen: [[Int]], totals: [Int])?
        let weight = goal == .best ? 1.0 : 0.0
        let result = local.descend(level: level, weight: weight, flow: flow, fixedSum: fixedSum, rounds: rounds,
                                   target: goal == .best ? floorTotal : -1, deadline: deadline) { evaluation in
            let totals = (0..<problem.proposalCount).map { p in
                evaluation.sets[p].reduce(fixedSum[p]) { $0 + score(p, $1) }
            }
            pricedSets = evaluation.sets
            if fitting == nil || totals.reduce(0, +) > fitting!.totals.reduce(0, +) {
                fitting = ((0..<problem.proposalCount).map { fixed[$0] + evaluation.sets[$0] }, totals)
            }
        }
        prices = local
        if let fitting { _ = record(fitting.chosen, fitting.totals) }
        return result
    }

    // MARK: The search

    private mutating func explore(priceRounds rounds: Int) {
        nodes += 1
        if nodes > nodeBudget || ContinuousClock.now >= deadline { timedOut = true }
        let totals = self.totals()
        var bound = totals.reduce(0, +)
        guard bound > floorTotal else { return }
        if timedOut {
            openBound = max(openBound, bound)
            return
        }
        if totals.allSatisfy({ $0 >= level }) {
            // The flow reaches the level everywhere: it is this node's best.
            var chosen = fixed
            for q in 0..<problem.proposalCount { chosen[q] += flow.reviewers(of: q).map { Int($0) } }
            _ = record(chosen, totals)
            return
        }
        if rounds > 0 {
            guard let priced = priceBound(rounds: rounds) else { return }
            if stop { return }
            if goal == .best {
                bound = min(bound, priced)
                guard bound > floorTotal else { return }
            } else {
                guard priced >= 0 else { return }
            }
        }

        var branch: (p: Int, order: [Int], viable: [Int])?
        for p in 0..<problem.proposalCount where totals[p] < level {
            let (order, viable) = children(p)
            if viable.isEmpty { return }  // this proposal cannot reach the level here
            if branch == nil || viable.count < branch!.viable.count { branch = (p, order, viable) }
        }
        guard let (p, order, viable) = branch else { return }

        let before = flow.snapshot
        let need = flow.demand[p]
        flow.withdraw(p)
        let withdrawn = flow.snapshot
        for (position, index) in viable.enumerated() {
            let r = order[index]
            for earlier in order[..<index] { flow.block(p, earlier) }
            flow.block(p, r)
            fixed[p].append(r)
            fixedSum[p] += score(p, r)
            flow.setDemand(p, need - 1)
            if flow.shrink(r), flow.route(p) { explore(priceRounds: priceRounds) }
            fixed[p].removeLast()
            fixedSum[p] -= score(p, r)
            flow.restore(withdrawn)
            flow.grow(r)
            flow.setDemand(p, need)
            for blocked in order[...index] { flow.unblock(p, blocked) }
            if stop { break }
            if timedOut {
                // The siblings not yet explored are bounded by this node's bound.
                if position + 1 < viable.count { openBound = max(openBound, bound) }
                break
            }
        }
        flow.restore(before)
    }
}
