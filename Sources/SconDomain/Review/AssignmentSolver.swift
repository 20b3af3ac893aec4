/// Exact reviewer assignment as a minimum-cost flow: proposal → reviewer edges of capacity 1
/// and cost `maxScore − affinity`, reviewer → sink edges of the reviewer's capacity (with the
/// convex balancing cost when asked for). Successive shortest paths (Ahuja, Magnanti & Orlin,
/// *Network Flows*, §9.7): each unit of a proposal's demand is routed along a shortest path in
/// the residual network, found by Dijkstra on reduced costs, which stops as soon as the sink
/// is settled; the node potentials keep every residual reduced cost non-negative, which is also
/// the certificate that the final assignment is optimal (`AssignmentSolution.isOptimal`).
///
/// Every proposal receives exactly k reviewers, so minimising Σ(maxScore − affinity)
/// maximises the total affinity.
public enum AssignmentSolver {
    /// The best assignment: the largest total affinity, or with `fairness` the strongest
    /// weakest proposal, then the largest total (`FairAssignment`).
    public static func solve(_ instance: AssignmentInstance) throws(AssignmentError) -> AssignmentResult {
        if let limit = instance.timeLimitSeconds, !(limit > 0 && limit <= AssignmentInstance.maximumTimeLimit) {
            throw .invalid("timeLimitSeconds must be more than 0 and at most \(Int(AssignmentInstance.maximumTimeLimit))")
        }
        guard instance.fairness else { return try solution(of: instance).result }
        let problem = try CompiledAssignment(instance)
        try problem.checkFeasibility()
        return try FairAssignment.solve(problem, timeLimit: instance.timeLimitSeconds ?? FairAssignment.defaultTimeLimit)
    }

    /// The solution with its potentials, for checking optimality.
    public static func solution(of instance: AssignmentInstance) throws(AssignmentError) -> AssignmentSolution {
        var network = try AssignmentNetwork(CompiledAssignment(instance))
        try network.problem.checkFeasibility()
        try network.run()
        return AssignmentSolution(network: network)
    }
}

/// A solved instance: the result, and the proof of its optimality.
public struct AssignmentSolution: Sendable {
    let network: AssignmentNetwork

    public var result: AssignmentResult { network.result() }

    /// Checks that the assignment is feasible and that no residual edge has a negative reduced
    /// cost under the final potentials: the linear-programming certificate of optimality.
    public var isOptimal: Bool { network.certifiesOptimality() }
}

struct AssignmentNetwork: Sendable {
    var problem: CompiledAssignment
    private let proposals: Int
    private let reviewers: Int
    private var sink: Int { proposals + reviewers }
    /// Reduced cost of (u, v) = cost + potential[u] − potential[v] ≥ 0 on every residual edge.
    private var potential: [Int64]
    /// `assigned[p * R + r]`: the flow on proposal → reviewer.
    private var assigned: [Bool]
    /// The proposals the solver gave to each reviewer (the residual reviewer → proposal edges).
    private var reviewerLoad: [[Int32]]
    private var used: [Int]

    init(_ problem: CompiledAssignment) {
        self.problem = problem
        proposals = problem.proposalCount
        reviewers = problem.reviewerCount
        potential = [Int64](repeating: 0, count: problem.proposalCount + problem.reviewerCount + 1)
        assigned = [Bool](repeating: false, count: problem.proposalCount * problem.reviewerCount)
        reviewerLoad = [[Int32]](repeating: [], count: problem.reviewerCount)
        used = [Int](repeating: 0, count: problem.reviewerCount)
    }

    // MARK: Costs

    private func edgeCost(_ p: Int, _ r: Int) -> Int64 {
        Int64(problem.maxScore) - Int64(problem.score[p * reviewers + r])
    }

    /// The cost of the reviewer's next review: `loadBalancing × reviews it already has`.
    private func nextReviewCost(_ r: Int) -> Int64 {
        Int64(problem.loadBalancing) * Int64(problem.pinnedLoad[r] + used[r])
    }

    // MARK: Successive shortest paths

    mutating func run() throws(AssignmentError) {
        let nodeCount = proposals + reviewers + 1
        var scratch = DijkstraScratch(nodes: nodeCount)

        for source in 0..<proposals {
            while problem.demand[source] > 0 {
                scratch.reset()
                scratch.reach(source, 0, from: -1)
                var reached: Int64 = -1

                while let (dist, node) = scratch.heap.pop() {
                    if dist > scratch.distance[node] || scratch.settled[node] { continue }
                    scratch.settled[node] = true
                    if node == sink {
                        reached = dist
                        break
                    }
                    if node < proposals {
                        // Forward proposal → reviewer edges not yet used.
                        let p = node
                        let base = p * reviewers
                        let fromPotential = potential[p]
                        for r in 0..<reviewers {
                            let score = problem.score[base + r]
                            if score < 0 || assigned[base + r] { continue }
                            let target = proposals + r
                            let next = dist + Int64(problem.maxScore) - Int64(score) + fromPotential - potential[target]
                            if next < scratch.distance[target] { scratch.reach(target, next, from: p) }
                        }
                    } else {
                        let r = node - proposals
                        let fromPotential = potential[node]
                        if used[r] < problem.capacity[r] {
                            let next = dist + nextReviewCost(r) + fromPotential - potential[sink]
                            if next < scratch.distance[sink] { scratch.reach(sink, next, from: node) }
                        }
                        // Backward reviewer → proposal edges: take a review away from a proposal.
                        for other in reviewerLoad[r] {
                            let p = Int(other)
                            let next = dist - edgeCost(p, r) + fromPotential - potential[p]
                            if next < scratch.distance[p] { scratch.reach(p, next, from: node) }
                        }
                    }
                }
                guard reached >= 0 else { throw .noAssignment(proposal: problem.proposalIDs[source]) }

                // Potentials: settled nodes move by their distance, all others by the sink's.
                for node in 0..<nodeCount {
                    potential[node] += scratch.settled[node] ? scratch.distance[node] : reached
                }
                augment(from: source, parent: scratch.parent)
            }
        }
    }

    /// Moves one unit along the path found: p0 → r1 → p1 → r2 → … → rk → sink.
    private mutating func augment(from source: Int, parent: [Int32]) {
        var reviewerNode = Int(parent[sink])
        used[reviewerNode - proposals] += 1
        while true {
            let r = reviewerNode - proposals
            let p = Int(parent[reviewerNode])
            assigned[p * reviewers + r] = true
            reviewerLoad[r].append(Int32(p))
            if p == source { break }
            // p reached r′ by giving up its review by the reviewer it came from.
            let previous = Int(parent[p])
            let r2 = previous - proposals
            assigned[p * reviewers + r2] = false
            if let index = reviewerLoad[r2].firstIndex(of: Int32(p)) { reviewerLoad[r2].swapAt(index, reviewerLoad[r2].count - 1) }
            reviewerLoad[r2].removeLast()
            reviewerNode = previous
        }
        problem.demand[source] -= 1
    }

    // MARK: Result and certificate

    func result() -> AssignmentResult {
        var pairs: [AssignmentInstance.Pair] = []
        var objective = 0
        for (p, r) in problem.pinned {
            pairs.append(.init(proposal: problem.proposalIDs[p], reviewer: problem.reviewerIDs[r]))
            objective += problem.pinnedScore(p, r)
        }
        for r in 0..<reviewers {
            for p in reviewerLoad[r] {
                pairs.append(.init(proposal: problem.proposalIDs[Int(p)], reviewer: problem.reviewerIDs[r]))
                objective += Int(problem.score[Int(p) * reviewers + r])
            }
        }
        pairs.sort()
        guard problem.loadBalancing > 0 else { return AssignmentResult(assignments: pairs, objective: objective) }
        var penalty = 0
        for r in 0..<reviewers {
            let load = problem.pinnedLoad[r] + used[r]
            penalty += problem.loadBalancing * load * (load - 1) / 2
        }
        return AssignmentResult(assignments: pairs, objective: objective, balancingPenalty: penalty)
    }

    /// The reviewers the solver gave each proposal (pinned pairs not included).
    func reviewersByProposal() -> [[Int]] {
        var chosen = [[Int]](repeating: [], count: proposals)
        for r in 0..<reviewers {
            for p in reviewerLoad[r] { chosen[Int(p)].append(r) }
        }
        return chosen
    }

    func certifiesOptimality() -> Bool {
        for p in 0..<proposals where problem.demand[p] != 0 { return false }
        for r in 0..<reviewers where used[r] > problem.capacity[r] || used[r] != reviewerLoad[r].count { return false }
        for p in 0..<proposals {
            for r in 0..<reviewers {
                let score = problem.score[p * reviewers + r]
                if score < 0 { continue }
                let reduced = edgeCost(p, r) + potential[p] - potential[proposals + r]
                // A used edge is residual backwards, an unused one forwards.
                if assigned[p * reviewers + r] ? reduced > 0 : reduced < 0 { return false }
            }
        }
        for r in 0..<reviewers {
            let node = proposals + r
            let load = Int64(problem.pinnedLoad[r] + used[r])
            let balance = Int64(problem.loadBalancing)
            // The next unit to the sink (if capacity is left) and the last unit back (if any).
            if used[r] < problem.capacity[r], balance * load + potential[node] - potential[sink] < 0 { return false }
            if used[r] > 0, -(balance * (load - 1)) + potential[sink] - potential[node] < 0 { return false }
        }
        return true
    }
}

/// A binary min-heap of (distance, node).
struct MinHeap: Sendable {
    private var keys: [Int64] = []
    private var nodes: [Int] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    /// The smallest entry, left in place.
    func peek() -> (Int64, Int)? { keys.first.map { ($0, nodes[0]) } }

    mutating func pop() -> (Int64, Int)? {
        guard let top = keys.first else { return nil }
        let node = nodes[0]
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var index = 0
            let count = keys.count
            while true {
                let left = 2 * index + 1
                guard left < count else { break }
                var smallest = left
                if left + 1 < count, keys[left + 1] < keys[left] { smallest = left + 1 }
                guard keys[smallest] < keys[index] else { break }
                keys.swapAt(index, smallest)
                nodes.swapAt(index, smallest)
                index = smallest
            }
        }
        return (top, node)
    }
}
