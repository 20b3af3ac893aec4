/// The fairness option: among all assignments (k reviewers per proposal, capacities, conflicts,
/// pins), one that maximises the weakest proposal's total affinity, and among those the total.
///
/// With per-proposal *sums* the max–min part is a max–min allocation problem, NP-hard in
/// general (Santa Claus; Bezáková & Dani 2005), so no flow solves it. The solver works in three
/// steps and says what it proved:
/// 1. a good start: the exact max-total flow, then the same flow with the scores of weak
///    proposals weighted up, several rounds (multiplicative weights), keeping the best;
/// 2. local search: give a weak proposal a free reviewer or swap reviewers with another
///    proposal while no one falls to the weakest level; then raise the total above that floor;
/// 3. branch and bound over the proposals (weakest-possible first, k-subsets in order of score)
///    with the optimistic bound "every remaining proposal gets its best eligible reviewers";
///    if it finishes within its node budget, the answer is proved optimal (`proven`), else
///    `weakestBound` caps what any assignment could reach.
/// Call-sized instances (tens of proposals) are proved; tests compare with brute force.
enum FairAssignment {
    /// The branch-and-bound nodes visited before giving up on a proof.
    static let nodeBudget = 1_000_000

    static func solve(_ problem: CompiledAssignment) throws(AssignmentError) -> AssignmentResult {
        var search = FairSearch(problem)
        var network = AssignmentNetwork(problem)
        try network.run()
        search.consider(network.reviewersByProposal())
        // The exact flow's total caps the total of every assignment, fair or not.
        search.maxTotal = search.best?.total ?? .max
        if search.reachesBounds { return search.result(proven: true) }
        search.reweight(rounds: 12)
        search.improve()
        let proven = search.branchAndBound(budget: nodeBudget)
        return search.result(proven: proven)
    }
}

/// An assignment as lists of (non-pinned) reviewers per proposal, with its totals.
struct FairAssignmentState {
    var chosen: [[Int]]
    var totals: [Int]

    var weakest: Int { totals.min() ?? 0 }
    var total: Int { totals.reduce(0, +) }
}

struct FairSearch {
    let problem: CompiledAssignment
    let proposals: Int
    let reviewers: Int
    /// The affinity of each proposal's pinned pairs.
    let pinnedSum: [Int]
    var best: FairAssignmentState?
    /// The largest total of any assignment (the max-total flow's).
    var maxTotal = Int.max

    init(_ problem: CompiledAssignment) {
        self.problem = problem
        proposals = problem.proposalCount
        reviewers = problem.reviewerCount
        var pinnedSum = [Int](repeating: 0, count: problem.proposalCount)
        for (p, r) in problem.pinned { pinnedSum[p] += problem.pinnedScore(p, r) }
        self.pinnedSum = pinnedSum
    }

    private func score(_ p: Int, _ r: Int) -> Int { Int(problem.score[p * reviewers + r]) }

    /// Whether the best known has the largest total and a weakest proposal at its own best
    /// (capacity ignored): then nothing can beat it.
    var reachesBounds: Bool {
        guard let best else { return false }
        let candidates: [[Int]] = (0..<proposals).map { p in
            (0..<reviewers).filter { problem.score[p * reviewers + $0] >= 0 && problem.capacity[$0] > 0 }.sorted { score(p, $0) > score(p, $1) }
        }
        return best.total >= maxTotal && best.weakest >= (bestPossibleTotals(candidates).min() ?? 0)
    }

    /// (weakest, total): the order the option maximises.
    private static func better(_ a: (Int, Int), than b: (Int, Int)) -> Bool { a.0 != b.0 ? a.0 > b.0 : a.1 > b.1 }

    mutating func consider(_ chosen: [[Int]]) {
        let totals = (0..<proposals).map { p in chosen[p].reduce(pinnedSum[p]) { $0 + score(p, $1) } }
        let state = FairAssignmentState(chosen: chosen, totals: totals)
        if let best, !Self.better((state.weakest, state.total), than: (best.weakest, best.total)) { return }
        best = state
    }

    // MARK: 1. Multiplicative weights over the exact flow

    /// Solves the max-total flow again with each proposal's scores multiplied by a weight that
    /// doubles (at most) for the proposals the last round left weak.
    mutating func reweight(rounds: Int) {
        guard var current = best, problem.maxScore > 0 else { return }
        // Scores scaled to at most 1,000,000 so that weights up to 1,000 fit the solver's Int32.
        let scale = Double(min(problem.maxScore, 1_000_000)) / Double(problem.maxScore)
        var weight = [Double](repeating: 1, count: proposals)
        for _ in 0..<rounds {
            let low = current.weakest, high = current.totals.max() ?? low
            guard high > low else { return }
            for p in 0..<proposals {
                weight[p] = min(1_000, weight[p] * (1 + Double(high - current.totals[p]) / Double(high - low)))
            }
            let floor = weight.min() ?? 1
            var weighted = problem
            var maxScore = 0
            for p in 0..<proposals {
                for r in 0..<reviewers where problem.score[p * reviewers + r] >= 0 {
                    let value = Int32((Double(problem.score[p * reviewers + r]) * scale * weight[p] / floor).rounded())
                    weighted.score[p * reviewers + r] = value
                    maxScore = max(maxScore, Int(value))
                }
            }
            weighted.maxScore = maxScore
            var network = AssignmentNetwork(weighted)
            guard (try? network.run()) != nil else { return }
            let chosen = network.reviewersByProposal()
            let totals = (0..<proposals).map { p in chosen[p].reduce(pinnedSum[p]) { $0 + score(p, $1) } }
            current = FairAssignmentState(chosen: chosen, totals: totals)
            consider(chosen)
        }
    }

    // MARK: 2. Local search

    /// Raises the weakest proposals by moves that leave every other proposal above the old
    /// weakest level, then raises the total without letting any proposal fall below the floor.
    mutating func improve() {
        guard var state = best else { return }
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
        while true {
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
        while changed && rounds < 4 {
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

    // MARK: 3. Branch and bound

    /// Searches every assignment that could beat the best known one; true when it finished
    /// (the best is then optimal), false when the budget ran out.
    mutating func branchAndBound(budget: Int) -> Bool {
        guard let incumbent = best else { return false }
        let candidates: [[Int]] = (0..<proposals).map { p in
            (0..<reviewers).filter { problem.score[p * reviewers + $0] >= 0 && problem.capacity[$0] > 0 }
                .sorted { score(p, $0) > score(p, $1) }
        }
        let bestPossible = bestPossibleTotals(candidates)
        let order = (0..<proposals).sorted { (bestPossible[$0], $0) < (bestPossible[$1], $1) }
        var suffixMin = [Int](repeating: .max, count: proposals + 1)
        var suffixSum = [Int](repeating: 0, count: proposals + 1)
        for i in stride(from: proposals - 1, through: 0, by: -1) {
            suffixMin[i] = min(suffixMin[i + 1], bestPossible[order[i]])
            suffixSum[i] = suffixSum[i + 1] + bestPossible[order[i]]
        }

        // Proved without a search when the best known reaches both bounds.
        if (incumbent.weakest, incumbent.total) >= (suffixMin[0], min(suffixSum[0], maxTotal)) { return true }
        var walk = BranchAndBound(problem: problem, candidates: candidates, order: order, pinnedSum: pinnedSum,
                                  suffixMin: suffixMin, suffixSum: suffixSum, budget: budget, maxTotal: maxTotal,
                                  incumbent: (incumbent.weakest, incumbent.total))
        walk.run()
        if let found = walk.found { consider(found) }
        return !walk.exhausted
    }

    /// Each proposal's pinned affinity plus its best eligible reviewers, capacity ignored.
    func bestPossibleTotals(_ candidates: [[Int]]) -> [Int] {
        (0..<proposals).map { p in
            candidates[p].prefix(problem.demand[p]).reduce(pinnedSum[p]) { $0 + score(p, $1) }
        }
    }

    func result(proven: Bool) -> AssignmentResult {
        let state = best!
        var pairs: [AssignmentInstance.Pair] = problem.pinned.map {
            .init(proposal: problem.proposalIDs[$0.proposal], reviewer: problem.reviewerIDs[$0.reviewer])
        }
        for p in 0..<proposals {
            for r in state.chosen[p] { pairs.append(.init(proposal: problem.proposalIDs[p], reviewer: problem.reviewerIDs[r])) }
        }
        pairs.sort()
        let candidates: [[Int]] = (0..<proposals).map { p in
            (0..<reviewers).filter { problem.score[p * reviewers + $0] >= 0 }.sorted { score(p, $0) > score(p, $1) }
        }
        let bound = proven ? state.weakest : (bestPossibleTotals(candidates).min() ?? 0)
        return AssignmentResult(assignments: pairs, objective: state.total,
                                fairness: .init(weakest: state.weakest, weakestBound: bound, proven: proven))
    }
}

/// The depth-first search of step 3, on plain arrays.
private struct BranchAndBound {
    let problem: CompiledAssignment
    let candidates: [[Int]]
    let order: [Int]
    let pinnedSum: [Int]
    let suffixMin: [Int]
    let suffixSum: [Int]
    let budget: Int
    let maxTotal: Int
    var incumbent: (weakest: Int, total: Int)
    var found: [[Int]]?
    var exhausted = false

    private var nodes = 0
    private var capacity: [Int]
    private var chosen: [[Int]]
    private let reviewers: Int

    init(problem: CompiledAssignment, candidates: [[Int]], order: [Int], pinnedSum: [Int], suffixMin: [Int], suffixSum: [Int],
         budget: Int, maxTotal: Int, incumbent: (Int, Int)) {
        self.problem = problem
        self.candidates = candidates
        self.order = order
        self.pinnedSum = pinnedSum
        self.suffixMin = suffixMin
        self.suffixSum = suffixSum
        self.budget = budget
        self.maxTotal = maxTotal
        self.incumbent = incumbent
        capacity = problem.capacity
        chosen = [[Int]](repeating: [], count: problem.proposalCount)
        reviewers = problem.reviewerCount
    }

    private func score(_ p: Int, _ r: Int) -> Int { Int(problem.score[p * reviewers + r]) }

    mutating func run() { descend(0, weakest: .max, total: 0) }

    private mutating func descend(_ depth: Int, weakest: Int, total: Int) {
        if exhausted { return }
        nodes += 1
        if nodes > budget { exhausted = true; return }
        if depth == order.count {
            if (weakest, total) > (incumbent.weakest, incumbent.total) {
                incumbent = (weakest, total)
                found = chosen
            }
            return
        }
        let optimistic = (min(weakest, suffixMin[depth]), min(maxTotal, total + suffixSum[depth]))
        guard optimistic > (incumbent.weakest, incumbent.total) else { return }
        let p = order[depth]
        choose(p, depth: depth, from: 0, left: problem.demand[p], partial: pinnedSum[p], weakest: weakest, total: total)
    }

    /// Picks the proposal's remaining reviewers from `candidates[p][from...]` (best first).
    private mutating func choose(_ p: Int, depth: Int, from: Int, left: Int, partial: Int, weakest: Int, total: Int) {
        if exhausted { return }
        if left == 0 {
            descend(depth + 1, weakest: min(weakest, partial), total: total + partial)
            return
        }
        let list = candidates[p]
        var index = from
        while index + left <= list.count {
            let r = list[index]
            index += 1
            guard capacity[r] > 0 else { continue }
            // The best this branch can still reach for p: this reviewer and the next best ones.
            var reach = partial
            for next in list[(index - 1)..<min(list.count, index - 1 + left)] { reach += score(p, next) }
            let rest = suffixSum[depth + 1]
            if (min(weakest, reach, suffixMin[depth + 1]), min(maxTotal, total + reach + rest)) <= (incumbent.weakest, incumbent.total) { return }
            nodes += 1
            if nodes > budget { exhausted = true; return }
            capacity[r] -= 1
            chosen[p].append(r)
            choose(p, depth: depth, from: index, left: left - 1, partial: partial + score(p, r), weakest: weakest, total: total)
            chosen[p].removeLast()
            capacity[r] += 1
        }
    }
}
