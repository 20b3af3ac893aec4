import Foundation

/// A Lagrangian upper bound on the weakest proposal's total. For any weights λ ≥ 0, not all 0,
/// every assignment x satisfies  min_p total_p(x) ≤ Σ λ_p·total_p(x) / Σ λ_p ≤ max over all
/// assignments y of the same ratio, and that maximum is a max-weight flow with weights
/// λ_p × affinity (`WeightedAssignmentFlow`). The best λ gives the bound of the linear
/// relaxation (the flow polytope is integral); multiplicative weights move λ towards the
/// proposals the last flow served worst (Kobren et al. 2019 use the same relaxation for FairIR).
/// Every λ tried gives a valid bound, so stopping early only costs tightness.
struct FairnessBound {
    let problem: CompiledAssignment
    let pinnedSum: [Int]
    /// Each proposal's best possible total (its best reviewers, capacity aside).
    let bestSets: [Int]
    /// The largest multiplier, so that multiplier × affinity × path length fits in Int64.
    let scale: Double

    init(problem: CompiledAssignment, pinnedSum: [Int]) {
        self.problem = problem
        self.pinnedSum = pinnedSum
        bestSets = FairAssignment.bestSets(problem, pinnedSum: pinnedSum)
        scale = Double(max(1, min(1_000_000, 10_000_000_000_000 / max(1, problem.maxScore))))
    }

    /// The smallest bound found before the deadline (at most `rounds` flows), never below
    /// `lower` + 1 unless proved (a known assignment reaches `lower`).
    mutating func weakestBound(until deadline: ContinuousClock.Instant, lower: Int, rounds: Int = 60) -> Int {
        let proposals = problem.proposalCount
        let top = bestSets.min() ?? 0
        var bound = top
        // Start on the proposals whose best is close to the weakest best.
        let spread = Double(max(1, (bestSets.max() ?? top) - top))
        var lambda = bestSets.map { exp(-8 * Double($0 - top) / spread) }
        var step = 1.0
        for _ in 0..<rounds where ContinuousClock.now < deadline && bound > lower {
            let peak = lambda.max() ?? 1
            let multiplier = lambda.map { Int64(($0 / peak * scale).rounded()) }
            let weightSum = multiplier.reduce(0, +)
            guard weightSum > 0 else { break }
            var flow = WeightedAssignmentFlow(problem, multiplier: multiplier)
            guard flow.routeAll() else { break }
            var numerator: Int64 = 0
            var totals = [Int](repeating: 0, count: proposals)
            for p in 0..<proposals {
                totals[p] = pinnedSum[p] + flow.flowScore(p)
                numerator += multiplier[p] * Int64(totals[p])
            }
            let value = Int(numerator / weightSum)  // floor: totals and multipliers are ≥ 0
            bound = min(bound, value)
            // Weigh up the proposals below the ratio, down those above it.
            let ratio = Double(numerator) / Double(weightSum)
            let width = Double(max(1, (totals.max() ?? 0) - (totals.min() ?? 0)))
            for p in 0..<proposals {
                lambda[p] *= exp(-step * (Double(totals[p]) - ratio) / width)
                if lambda[p] < 1e-12 { lambda[p] = 0 }
            }
            step *= 0.93
        }
        return bound
    }
}
