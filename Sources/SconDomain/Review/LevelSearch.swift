/// Branch and bound at one level L of the weakest proposal: among the assignments in which
/// every proposal's total affinity is at least L, find one (`Goal.any`), or the one with the
/// largest total (`Goal.best`), or show that there is none.
///
/// A node fixes some (proposal, reviewer) pairs and forbids others; its relaxation drops the
/// level for every proposal and is the max-total flow over what is left (a
/// `WeightedAssignmentFlow`, repaired by a few shortest paths per node, never solved anew).
/// Its value bounds the total of every assignment below the node, and when the flow already
/// gives every proposal L or more it is the node's best assignment. Otherwise the search takes
/// the proposal below L with the fewest ways out and splits on its next reviewer: child i
/// gives it its i-th best remaining reviewer and forbids the better ones, so every assignment
/// lies below exactly one child; a child whose proposal cannot reach L even with its best
/// remaining reviewers is not made. When the search ends before its deadline it has proved
/// its answer (or that no assignment reaches L).
struct LevelSearch {
    enum Goal { case any, best }

    let problem: CompiledAssignment
    let level: Int
    let goal: Goal
    let deadline: ContinuousClock.Instant
    private var flow: WeightedAssignmentFlow
    /// Per proposal: the affinity of its pinned and fixed pairs.
    private var fixedSum: [Int]
    /// Per proposal: the reviewers this search fixed.
    private var fixed: [[Int]]
    /// The best assignment found (reviewers per proposal, pinned pairs excluded) and its total.
    private(set) var found: FairAssignmentState?
    /// Totals at or below this are not wanted (a known assignment at the level has it).
    private(set) var floorTotal: Int
    /// Whether the deadline stopped the search (then nothing is proved).
    private(set) var timedOut = false
    /// The largest relaxation value of the nodes left unexplored when the deadline came.
    private(set) var openBound = Int.min
    private(set) var nodes = 0
    private var stop = false

    /// `flow` must be a complete max-total flow of `problem` with all multipliers 1.
    init(problem: CompiledAssignment, flow: WeightedAssignmentFlow, pinnedSum: [Int], level: Int, goal: Goal,
         floorTotal: Int, deadline: ContinuousClock.Instant) {
        self.problem = problem
        self.flow = flow
        self.fixedSum = pinnedSum
        self.fixed = [[Int]](repeating: [], count: problem.proposalCount)
        self.level = level
        self.goal = goal
        self.floorTotal = floorTotal
        self.deadline = deadline
    }

    /// True when the search finished: `found` is then the answer, or nil if none beats the floor.
    var exhausted: Bool { !timedOut && !stop }

    mutating func run() {
        explore()
    }

    private func score(_ p: Int, _ r: Int) -> Int { Int(problem.score[p * problem.reviewerCount + r]) }

    /// Reviewers the proposal may still get, best first.
    private func candidates(_ p: Int) -> [Int] {
        (0..<problem.reviewerCount).filter { flow.usable(p, $0) && flow.capacity[$0] > 0 }
            .sorted { (score(p, $0), $1) > (score(p, $1), $0) }
    }

    /// How many children the proposal's split has: the candidates that, with the best ones
    /// after them, still reach the level.
    private func viableChildren(_ p: Int, _ list: [Int]) -> Int {
        let need = flow.demand[p]
        guard need > 0, list.count >= need else { return 0 }
        var count = 0
        for index in 0...(list.count - need) {
            var reach = fixedSum[p]
            for next in list[index..<(index + need)] { reach += score(p, next) }
            if reach < level { break }
            count += 1
        }
        return count
    }

    private mutating func explore() {
        nodes += 1
        if ContinuousClock.now >= deadline { timedOut = true }
        var totals = [Int](repeating: 0, count: problem.proposalCount)
        var bound = 0
        for p in 0..<problem.proposalCount {
            totals[p] = fixedSum[p] + flow.flowScore(p)
            bound += totals[p]
        }
        guard bound > floorTotal else { return }
        if timedOut {
            openBound = max(openBound, bound)
            return
        }
        var branch: (p: Int, list: [Int], children: Int)?
        for p in 0..<problem.proposalCount where totals[p] < level {
            let list = candidates(p)
            let children = viableChildren(p, list)
            if children == 0 { return }  // this proposal cannot reach the level here
            if branch == nil || children < branch!.children { branch = (p, list, children) }
        }
        guard let (p, list, children) = branch else {
            // Every proposal reaches the level: the relaxation's flow is this node's best.
            var chosen = fixed
            for q in 0..<problem.proposalCount { chosen[q] += flow.reviewers(of: q).map { Int($0) } }
            found = FairAssignmentState(chosen: chosen, totals: totals)
            floorTotal = bound
            if goal == .any { stop = true }
            return
        }

        let before = flow.snapshot
        let need = flow.demand[p]
        flow.withdraw(p)
        let withdrawn = flow.snapshot
        for index in 0..<children {
            let r = list[index]
            for better in list[..<index] { flow.block(p, better) }
            flow.block(p, r)
            fixed[p].append(r)
            fixedSum[p] += score(p, r)
            flow.setDemand(p, need - 1)
            if flow.shrink(r), flow.route(p) { explore() }
            fixed[p].removeLast()
            fixedSum[p] -= score(p, r)
            flow.restore(withdrawn)
            flow.grow(r)
            flow.setDemand(p, need)
            for blocked in list[...index] { flow.unblock(p, blocked) }
            if stop { break }
            if timedOut {
                // The siblings not yet explored are bounded by this node's value.
                if index + 1 < children { openBound = max(openBound, bound) }
                break
            }
        }
        flow.restore(before)
    }
}
