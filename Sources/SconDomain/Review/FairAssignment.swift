/// The fairness option: among all assignments (k reviewers per proposal, capacities, conflicts,
/// pins), one that maximises the weakest proposal's total affinity (level 1), and among those
/// the total (level 2).
///
/// With per-proposal *sums* the max–min part is a max–min allocation problem, NP-hard in
/// general (Santa Claus; Bezáková & Dani 2005), so no single flow solves it. The solver, within
/// the time limit (`timeLimitSeconds`, default `defaultTimeLimit`):
/// 1. solves the max-total flow (`WeightedAssignmentFlow`); its total caps every assignment's;
/// 2. bounds level 1 by each proposal's own best reviewers (capacity aside);
/// 3. finds a high level fast (`LevelDive`: greedy sets that just reach the level, then fix
///    and flow; levels halving the gap, the bound first);
/// 4. up to 100,000 pairs, proves it (`LevelSearch` at the bound, a branch and bound whose
///    nodes are repaired flows bounded by capacity prices, `CapacityPrices`); a level whose
///    search ends empty lowers the bound; on larger instances a local search lifts the weakest
///    instead (`FairLocalSearch`);
/// 5. at the weakest level reached, the same branch and bound maximises the total.
/// It answers with the best assignment found and bounds that no assignment can pass, and says
/// per level whether they meet (`FairnessReport`). docs/assignment.md has the details.
enum FairAssignment {
    /// Seconds the search may take when the instance does not say.
    static let defaultTimeLimit = 5.0
    /// The share of the time limit the weakest level may use before the total gets its turn.
    static let levelShare = 0.6
    /// On instances too large for the search, the share of the time limit the local search on
    /// the weakest level may use (the total's search then mostly tightens its bound).
    static let largeLevelShare = 0.85
    /// The share of the time limit the dives of level 1 may use.
    static let diveShare = 0.35

    static func solve(_ problem: CompiledAssignment, timeLimit: Double) throws(AssignmentError) -> AssignmentResult {
        let start = ContinuousClock.now
        // A little is kept back for reading the instance and writing the answer.
        let deadline = start + .milliseconds(Int64(timeLimit * 1000 * 0.97))
        let levelDeadline = start + .milliseconds(Int64(timeLimit * 1000 * levelShare))
        var pinnedSum = [Int](repeating: 0, count: problem.proposalCount)
        for (p, r) in problem.pinned { pinnedSum[p] += problem.pinnedScore(p, r) }

        var flow = WeightedAssignmentFlow(problem)
        for p in 0..<problem.proposalCount where !flow.route(p) { throw .noAssignment(proposal: problem.proposalIDs[p]) }
        let root = state(of: flow, pinnedSum: pinnedSum)
        let maxTotal = root.total
        var best = root

        // Level 1: the weakest proposal.
        let size = problem.proposalCount * problem.reviewerCount
        // Price evaluations per node of the searches (the roots get more): fewer as nodes grow.
        let priceRounds = size <= 20_000 ? 20 : size <= 100_000 ? 5 : 2
        let levelPriceRounds = size <= 20_000 ? 10 : 0
        var upper = bestSets(problem, pinnedSum: pinnedSum).min() ?? 0
        var lower = root.weakest
        if lower < upper {
            // Greedy sets at levels halving the gap (the bound first: often reached), with the
            // capacity prices of the middle level; then fix and flow at the best level reached.
            let dive = LevelDive(problem: problem, pinnedSum: pinnedSum, bestSets: bestSets(problem, pinnedSum: pinnedSum))
            let diveDeadline = start + .milliseconds(Int64(timeLimit * 1000 * diveShare))
            var prices = CapacityPrices(reviewers: problem.reviewerCount)
            _ = prices.descend(level: (lower + upper + 1) / 2, weight: 1, flow: flow, fixedSum: pinnedSum,
                               rounds: size <= 100_000 ? 30 : 10, target: maxTotal - maxTotal / 100, deadline: diveDeadline) { _ in }
            var high = upper
            var attempt = upper
            var sets: [[Int]]?
            while lower < high, ContinuousClock.now < diveDeadline {
                if let found = dive.greedy(level: attempt, price: prices.price) {
                    lower = attempt
                    sets = found
                } else if size <= 100_000, let found = dive.dive(flow: flow, level: attempt, price: prices.price, deadline: diveDeadline) {
                    lower = max(lower, found.weakest)
                    if (found.weakest, found.total) > (best.weakest, best.total) { best = found }
                } else {
                    high = attempt - 1
                }
                attempt = (lower + high + 1) / 2
            }
            if let sets, lower > best.weakest {
                let found = dive.improve(sets, flow: flow, level: lower, deadline: diveDeadline)
                if (found.weakest, found.total) > (best.weakest, best.total) { best = found }
                // On instances of call size the fix-and-flow dive often finds a larger total.
                if size <= 100_000, let other = dive.dive(flow: flow, level: lower, price: prices.price, deadline: diveDeadline),
                   (other.weakest, other.total) > (best.weakest, best.total) {
                    best = other
                }
                lower = max(lower, best.weakest)
            }
            if size > 100_000, lower < upper {
                var local = FairLocalSearch(problem, pinnedSum: pinnedSum, start: best)
                local.improve(until: start + .milliseconds(Int64(timeLimit * 1000 * largeLevelShare)))
                best = local.best
                lower = best.weakest
            }
        }
        // The proof: a search at the bound with a small node budget, then at levels halving the
        // gap between the best found and the highest level not yet failed; once every level up
        // to that one failed within its budget, the budget grows and the ceiling goes back to
        // the bound. Only an exhausted search lowers the bound.
        var ceiling = upper
        var nodeBudget = 64
        var attempt = upper
        while lower < upper, size <= 100_000, ContinuousClock.now < levelDeadline {
            var search = LevelSearch(problem: problem, flow: flow, pinnedSum: pinnedSum, level: attempt, goal: .any,
                                     floorTotal: .min, deadline: levelDeadline, priceRounds: levelPriceRounds,
                                     rootPriceRounds: 200, nodeBudget: nodeBudget)
            search.run()
            if let found = search.found {
                lower = max(lower, found.weakest)
                if (found.weakest, found.total) > (best.weakest, best.total) { best = found }
            } else if search.exhausted {
                upper = attempt - 1
                ceiling = min(ceiling, upper)
            } else {
                ceiling = attempt - 1
            }
            if lower >= ceiling {
                ceiling = upper
                nodeBudget *= 4
            }
            attempt = max(lower + 1, (lower + ceiling + 1) / 2)
        }
        let proven = lower >= upper

        // Level 2: the total among the assignments whose weakest reaches the level found.
        var search = LevelSearch(problem: problem, flow: flow, pinnedSum: pinnedSum, level: best.weakest, goal: .best,
                                 floorTotal: best.total, deadline: deadline, priceRounds: priceRounds,
                                 rootPriceRounds: size <= 100_000 ? 200 : 50)
        if best.total < maxTotal { search.run() }
        if let found = search.found { best = found }
        let totalProven = best.total >= maxTotal || search.exhausted
        let totalBound = totalProven ? best.total : min(maxTotal, max(best.total, search.openBound))
        return result(problem, best, pinnedSum: pinnedSum,
                      report: FairnessReport(weakest: best.weakest, weakestBound: proven ? best.weakest : upper, proven: proven,
                                             totalBound: totalBound, totalProven: totalProven))
    }

    /// Each proposal's pinned affinity plus its best remaining reviewers (capacity left aside):
    /// no assignment gives a proposal more.
    static func bestSets(_ problem: CompiledAssignment, pinnedSum: [Int]) -> [Int] {
        let reviewers = problem.reviewerCount
        return (0..<problem.proposalCount).map { p in
            let scores = (0..<reviewers).compactMap { r -> Int? in
                let s = Int(problem.score[p * reviewers + r])
                return s >= 0 && problem.capacity[r] > 0 ? s : nil
            }
            return scores.sorted(by: >).prefix(problem.demand[p]).reduce(pinnedSum[p], +)
        }
    }

    static func state(of flow: WeightedAssignmentFlow, pinnedSum: [Int]) -> FairAssignmentState {
        let chosen = (0..<flow.proposals).map { p in flow.reviewers(of: p).map { Int($0) } }
        let totals = (0..<flow.proposals).map { pinnedSum[$0] + flow.flowScore($0) }
        return FairAssignmentState(chosen: chosen, totals: totals)
    }

    static func result(_ problem: CompiledAssignment, _ state: FairAssignmentState, pinnedSum: [Int],
                       report: FairnessReport) -> AssignmentResult {
        var pairs: [AssignmentInstance.Pair] = problem.pinned.map {
            .init(proposal: problem.proposalIDs[$0.proposal], reviewer: problem.reviewerIDs[$0.reviewer])
        }
        for p in 0..<problem.proposalCount {
            for r in state.chosen[p] { pairs.append(.init(proposal: problem.proposalIDs[p], reviewer: problem.reviewerIDs[r])) }
        }
        pairs.sort()
        return AssignmentResult(assignments: pairs, objective: state.total, fairness: report)
    }
}

/// An assignment as lists of (non-pinned) reviewers per proposal, with its totals.
struct FairAssignmentState: Sendable {
    var chosen: [[Int]]
    var totals: [Int]

    var weakest: Int { totals.min() ?? 0 }
    var total: Int { totals.reduce(0, +) }
}
