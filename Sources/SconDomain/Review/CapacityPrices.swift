/// The bound of `LevelSearch` at a node: a Lagrangian relaxation of the reviewers' capacities
/// with prices π ≥ 0. Without capacities the proposals separate, and each one takes, among its
/// sets of remaining reviewers that lift it to the level L, the one with the largest
/// Σ (weight × affinity − π); so for every assignment below the node that reaches L,
///     weight × total ≤ Σ_r π_r·capacity_r + Σ_p (weight × fixed_p + best set of p),
/// whatever the prices. This is the linear relaxation in which each proposal chooses a convex
/// combination of *its own* sets that reach L — far tighter than the relaxation of the flow
/// with side constraints, whose fractional mixtures of a strong and a weak set average out at
/// L (the bound HiGHS needs its cuts for). The prices follow a subgradient (Polyak steps):
/// raised where the chosen sets overload a reviewer, lowered where it has room.
///
/// With weight 0 the bound is about existence only: below 0 (by more than rounding) it proves
/// that no assignment below the node reaches L. Whenever the chosen sets fit the capacities
/// they are an assignment at the level, and `fitting` holds it.
struct CapacityPrices: Sendable {
    var price: [Double]

    init(reviewers: Int) { price = [Double](repeating: 0, count: reviewers) }

    /// One evaluation: the bound, each reviewer's use by the chosen sets, the sets.
    struct Evaluation {
        var bound: Double
        var use: [Int]
        var sets: [[Int]]
        /// A proposal that has no set reaching the level at all (then the bound is −∞).
        var unreachable: Int?
        /// False when some proposal's value is an upper bound rather than its best set's gain
        /// (the bound is still valid, and every set still reaches the level).
        var exact: Bool
        /// The sum of the sizes of the terms added, which bounds the rounding error.
        var magnitude: Double
    }

    /// The bound at these prices for the node described by the flow's capacities, demands and
    /// usable pairs and by each proposal's fixed affinity.
    func evaluate(level: Int, weight: Double, flow: WeightedAssignmentFlow, fixedSum: [Int]) -> Evaluation {
        let reviewers = flow.reviewers
        var bound = 0.0
        for r in 0..<reviewers { bound += price[r] * Double(max(0, flow.capacity[r])) }
        var magnitude = bound
        var use = [Int](repeating: 0, count: reviewers)
        var sets = [[Int]](repeating: [], count: flow.proposals)
        var exact = true
        var candidates: [(gain: Double, score: Int, reviewer: Int)] = []
        candidates.reserveCapacity(reviewers)
        for p in 0..<flow.proposals {
            let need = flow.demand[p]
            let missing = level - fixedSum[p]
            bound += weight * Double(fixedSum[p])
            magnitude += weight * Double(fixedSum[p])
            if need == 0 {
                if missing > 0 { return Evaluation(bound: -.infinity, use: use, sets: sets, unreachable: p, exact: true, magnitude: 0) }
                continue
            }
            candidates.removeAll(keepingCapacity: true)
            let base = p * reviewers
            for r in 0..<reviewers where flow.capacity[r] > 0 {
                let s = flow.score[base + r]
                if s < 0 || flow.blocked[base + r] { continue }
                candidates.append((weight * Double(s) - price[r], Int(s), r))
            }
            guard let (gain, chosen, isExact) = Self.bestSet(&candidates, size: need, missing: missing) else {
                return Evaluation(bound: -.infinity, use: use, sets: sets, unreachable: p, exact: true, magnitude: 0)
            }
            if !isExact { exact = false }
            bound += gain
            for r in chosen { magnitude += weight * Double(flow.score[p * reviewers + r]) + price[r] }
            for r in chosen { use[r] += 1 }
            sets[p] = chosen
        }
        return Evaluation(bound: bound, use: use, sets: sets, unreachable: nil, exact: exact, magnitude: magnitude)
    }

    /// The `size` candidates with the largest total gain whose affinities add up to `missing`
    /// or more, and that gain; nil when no such set exists. When the search would take more than
    /// `effort` steps the value is an upper bound instead (`exact` false) and the set merely
    /// reaches the level. Sorts the candidates by gain.
    static func bestSet(_ candidates: inout [(gain: Double, score: Int, reviewer: Int)], size: Int, missing: Int,
                        effort: Int = 20_000) -> (value: Double, set: [Int], exact: Bool)? {
        guard candidates.count >= size else { return nil }
        // The common case: the best gains already reach the level (found without sorting).
        var top: [Int] = []
        for _ in 0..<size {
            var pick = -1
            for index in candidates.indices where !top.contains(index) {
                if pick < 0 || (candidates[index].gain, candidates[index].score) > (candidates[pick].gain, candidates[pick].score) {
                    pick = index
                }
            }
            top.append(pick)
        }
        if top.reduce(0, { $0 + candidates[$1].score }) >= missing {
            return (top.reduce(0) { $0 + candidates[$1].gain }, top.map { candidates[$0].reviewer }, true)
        }
        // Among equal gains the larger affinity first, so that a set reaching the level comes early.
        candidates.sort { ($0.gain, $0.score, $1.reviewer) > ($1.gain, $1.score, $0.reviewer) }
        let count = candidates.count
        let gain = candidates.map(\.gain)
        let score = candidates.map(\.score)
        // reachable[i * (size + 1) + j]: the j largest affinities among candidates i... (a cut:
        // it only falls as i grows).
        let width = size + 1
        var reachable = [Int](repeating: 0, count: (count + 1) * width)
        var largest: [Int] = []
        for index in stride(from: count - 1, through: 0, by: -1) {
            let value = score[index]
            if largest.count < size || value > largest[largest.count - 1] {
                largest.insert(value, at: largest.firstIndex { $0 < value } ?? largest.count)
                if largest.count > size { largest.removeLast() }
            }
            for taken in 1...size {
                reachable[index * width + taken] = taken <= largest.count
                    ? reachable[index * width + taken - 1] + largest[taken - 1] : .min / 4
            }
        }
        guard reachable[size] >= missing else { return nil }
        // A first set that reaches the level: the largest affinities.
        let byScore = Array(candidates.indices.sorted { (score[$0], $1) > (score[$1], $0) }.prefix(size))
        var best = (gain: byScore.reduce(0) { $0 + gain[$1] }, set: byScore)
        // higher[i]: the first candidate after i with a larger affinity (count if none), so the
        // last pick jumps straight to the first candidate whose affinity is enough.
        var higher = [Int](repeating: count, count: count)
        var stack: [Int] = []
        for index in stride(from: count - 1, through: 0, by: -1) {
            while let last = stack.last, score[last] <= score[index] { stack.removeLast() }
            higher[index] = stack.last ?? count
            stack.append(index)
        }
        // Depth-first in gain order; a branch ends when even the next best gains cannot beat the
        // best set, or when the largest affinities left cannot reach the level. Past `effort`
        // steps the search stops and the unconstrained best gains stand in as the value: larger
        // than the true one, so the bound stays valid (`exact` tells the caller).
        var current = [Int](repeating: 0, count: size)
        var steps = 0
        var gaveUp = false
        func descend(_ depth: Int, _ start: Int, _ sum: Double, _ reach: Int) {
            let left = size - depth
            var index = start
            while index + left <= count {
                steps += 1
                if steps > effort {
                    gaveUp = true
                    return
                }
                if reach + reachable[index * width + left] < missing { return }
                var optimistic = sum
                for next in index..<(index + left) { optimistic += gain[next] }
                if optimistic <= best.gain { return }
                if left == 1 {
                    var pick = index
                    while pick < count, reach + score[pick] < missing { pick = higher[pick] }
                    if pick < count, sum + gain[pick] > best.gain {
                        current[depth] = pick
                        best = (sum + gain[pick], current)
                    }
                    return
                }
                current[depth] = index
                descend(depth + 1, index + 1, sum + gain[index], reach + score[index])
                if gaveUp { return }
                index += 1
            }
        }
        descend(0, 0, 0, 0)
        let set = best.set.map { candidates[$0].reviewer }
        if gaveUp { return ((0..<size).reduce(0) { $0 + gain[$1] }, set, false) }
        return (best.gain, set, true)
    }

    /// Subgradient steps on the prices, at most `rounds` evaluations: returns the smallest
    /// bound met (as an integer that no assignment's weighted total can pass, or nil if the
    /// node has no assignment at the level), and calls `fits` with every evaluation whose sets
    /// fit the capacities. Stops as soon as the bound falls to `target` or below.
    mutating func descend(level: Int, weight: Double, flow: WeightedAssignmentFlow, fixedSum: [Int], rounds: Int,
                          target: Int, deadline: ContinuousClock.Instant? = nil, fits: (Evaluation) -> Void) -> Int? {
        var best = Double.infinity
        var bestInteger = Int.max
        var bestPrice = price
        var step = 1.0
        var stale = 0
        for _ in 0..<max(1, rounds) {
            let evaluation = evaluate(level: level, weight: weight, flow: flow, fixedSum: fixedSum)
            if evaluation.unreachable != nil { return nil }
            let integer = Self.integral(evaluation.bound, evaluation.magnitude)
            if evaluation.bound < best {
                best = evaluation.bound
                bestPrice = price
                stale = 0
            } else {
                stale += 1
                if stale >= 3 {
                    step /= 2
                    stale = 0
                }
            }
            bestInteger = min(bestInteger, integer)
            var norm = 0.0
            var fitsAll = true
            for r in 0..<flow.reviewers {
                let slack = flow.capacity[r] - evaluation.use[r]
                if slack < 0 { fitsAll = false }
                // The projected subgradient: a free reviewer at price 0 cannot go lower.
                if slack < 0 || price[r] > 0 { norm += Double(slack * slack) }
            }
            if fitsAll { fits(evaluation) }
            if bestInteger <= target || norm == 0 || step < 1e-4 { break }
            if let deadline, ContinuousClock.now >= deadline { break }
            // Polyak's step towards the target, never longer than the bound itself.
            let gap = max(1.0, min(best - Double(max(target, Int.min / 2)), max(1, abs(best))))
            let move = step * gap / norm
            for r in 0..<flow.reviewers {
                price[r] = max(0, price[r] - move * Double(flow.capacity[r] - evaluation.use[r]))
            }
        }
        price = bestPrice
        return bestInteger
    }

    /// The largest integer not below the bound once rounding is allowed for (`magnitude`: the
    /// sum of the sizes of the terms; doubles lose at most about 1e-16 of it per operation).
    static func integral(_ bound: Double, _ magnitude: Double) -> Int {
        guard bound.isFinite else { return bound > 0 ? .max : .min }
        let margin = 1e-9 * max(1, magnitude) + 1e-6
        return Int((bound + margin).rounded(.down))
    }
}
