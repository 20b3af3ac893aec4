/// The fairness option: among all assignments (k reviewers per proposal, capacities, conflicts,
/// pins), one that maximises the weakest proposal's total affinity (level 1), and among those
/// the total (level 2).
///
/// With per-proposal *sums* the max–min part is a max–min allocation problem, NP-hard in
/// general (Santa Claus; Bezáková & Dani 2005), so no single flow solves it. The solver:
/// 1. solves the max-total flow (`WeightedAssignmentFlow`); its total caps every assignment's.
/// 2. bounds the weakest level from above by the smaller of each proposal's best k reviewers
///    (capacity aside) and a Lagrangian bound (`FairnessBound`: the best weighted total
///    Σ λₚ·totalₚ / Σ λₚ over flows, which no assignment's weakest can pass);
/// 3. searches levels from the bound down (`LevelSearch`, a branch and bound whose nodes are
///    repaired flows): the first level with an assignment is the optimum, a level whose search
///    ends empty lowers the bound; when the search at the top ends with an assignment the weakest
///    is proved (`proven`);
/// 4. at the weakest level reached, the same branch and bound maximises the total; when it
///    ends before the deadline the total is proved too (`totalProven`).
/// Everything stops at the deadline (`timeLimitSeconds`, default `defaultTimeLimit`) with the
/// best assignment found and bounds that no assignment can pass.
enum FairAssignment {
    /// Seconds the search may take when the instance does not say.
    static let defaultTimeLimit = 5.0
    /// The share of the time limit the weakest level may use before the total gets its turn.
    static let levelShare = 0.6

    static func solve(_ problem: CompiledAssignment, timeLimit: Double) throws(AssignmentError) -> AssignmentResult {
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(timeLimit * 1000))
        let levelDeadline = start + .milliseconds(Int64(timeLimit * 1000 * levelShare))
        var pinnedSum = [Int](repeating: 0, count: problem.proposalCount)
        for (p, r) in problem.pinned { pinnedSum[p] += problem.pinnedScore(p, r) }

        var flow = WeightedAssignmentFlow(problem)
        for p in 0..<problem.proposalCount where !flow.route(p) { throw .noAssignment(proposal: problem.proposalIDs[p]) }
        let root = state(of: flow, pinnedSum: pinnedSum)
        let maxTotal = root.total
        var best = root

        // Level 1: the weakest proposal.
        var upper = bestSets(problem, pinnedSum: pinnedSum).min() ?? 0
        var lower = root.weakest
        var lagrangianTried = false
        var attempt = upper
        while lower < upper, ContinuousClock.now < levelDeadline {
            var search = LevelSearch(problem: problem, flow: flow, pinnedSum: pinnedSum, level: attempt, goal: .any,
                                     floorTotal: .min, deadline: levelDeadline)
            search.run()
            if let found = search.found {
                lower = max(lower, found.weakest)
                if (found.weakest, found.total) > (best.weakest, best.total) { best = found }
            } else if search.exhausted {
                upper = attempt - 1
                if !lagrangianTried {
                    lagrangianTried = true
                    var bound = FairnessBound(problem: problem, pinnedSum: pinnedSum)
                    upper = min(upper, bound.weakestBound(until: levelDeadline, lower: lower))
                }
            } else {
                break
            }
            // Top down while the searches succeed quickly; halve the gap once a level failed.
            attempt = lagrangianTried ? (lower + upper + 1) / 2 : upper
            if attempt <= lower { attempt = min(upper, lower + 1) }
        }
        let proven = lower >= upper

        // Level 2: the total among the assignments whose weakest reaches the level found.
        var search = LevelSearch(problem: problem, flow: flow, pinnedSum: pinnedSum, level: best.weakest, goal: .best,
                                 floorTotal: best.total, deadline: deadline)
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
