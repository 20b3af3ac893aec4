/// A maximum-weight assignment that stays optimal while it is changed one proposal or one
/// reviewer at a time: the engine under the fairness option's search (`FairAssignment`).
///
/// The network is `AssignmentSolver`'s (proposal → reviewer edges of capacity 1, reviewer →
/// sink edges of the reviewer's capacity) with the weight of a pair being its affinity times
/// the proposal's `multiplier` (Lagrangian weights; 1 for the plain total). Like the solver it
/// keeps node potentials under which every residual edge has a non-negative reduced cost, so
/// the flow is optimal for the current demands at every moment, and each change costs a few
/// shortest paths instead of a new solve:
/// - `route(p)` sends the proposal's missing units along shortest augmenting paths;
/// - `withdraw(p)` takes its units back along shortest paths from the sink (the cheapest way
///   to lower a supply by one keeps the flow optimal: successive shortest paths run backwards);
/// - `shrink(r)` lowers a reviewer's capacity by one and, if it was full, reroutes the unit
///   that no longer fits along a shortest path from the reviewer to the sink.
/// A proposal's weights may change while it is withdrawn (`reweigh`), since a proposal without
/// flow has no residual edge into it. (The fairness search uses multiplier 1 throughout; the
/// multipliers are there for Lagrangian weights on the proposals, and tested.)
struct WeightedAssignmentFlow: Sendable {
    let proposals: Int
    let reviewers: Int
    let k: Int
    /// `score[p * R + r]`, −1 where the pair may never be assigned (as `CompiledAssignment`).
    let score: [Int32]
    /// Per proposal; the weight of (p, r) is `multiplier[p] × score`.
    private(set) var multiplier: [Int64]
    /// Pairs the search has taken out of the network (fixed outside it, or forbidden).
    private(set) var blocked: [Bool]
    private(set) var capacity: [Int]
    private(set) var demand: [Int]

    // The flow: each proposal's reviewers (up to k, in `chosen[p * k ..< p * k + chosenCount[p]]`)
    // and each reviewer's proposals (in `holders[holderStart[r] ..< holderStart[r] + load[r]]`).
    private(set) var chosen: [Int32]
    private(set) var chosenCount: [Int]
    private var holders: [Int32]
    private let holderStart: [Int]
    private var holderCount: [Int]
    /// Units on the reviewer → sink edge (equal to `holderCount` outside `shrink`).
    private var load: [Int]
    private var potential: [Int64]

    private var sink: Int { proposals + reviewers }

    /// An empty flow (nothing routed) over the problem, the weights being `multiplier` (one per
    /// proposal, default 1) times the affinities.
    init(_ problem: CompiledAssignment, multiplier: [Int64]? = nil) {
        proposals = problem.proposalCount
        reviewers = problem.reviewerCount
        k = max(1, problem.demand.max() ?? 1)
        score = problem.score
        self.multiplier = multiplier ?? [Int64](repeating: 1, count: proposals)
        blocked = [Bool](repeating: false, count: proposals * reviewers)
        capacity = problem.capacity
        demand = problem.demand
        chosen = [Int32](repeating: -1, count: proposals * k)
        chosenCount = [Int](repeating: 0, count: proposals)
        var start = [Int](repeating: 0, count: reviewers)
        var next = 0
        for r in 0..<reviewers {
            start[r] = next
            next += max(0, problem.capacity[r])
        }
        holderStart = start
        holders = [Int32](repeating: -1, count: next)
        holderCount = [Int](repeating: 0, count: reviewers)
        load = [Int](repeating: 0, count: reviewers)
        // With no flow only proposal → reviewer edges need a potential: p's covers its weights.
        potential = [Int64](repeating: 0, count: proposals + reviewers + 1)
        for p in 0..<proposals { potential[p] = maxWeight(p) }
    }

    // MARK: Reading

    @inline(__always) func weight(_ p: Int, _ r: Int) -> Int64 { multiplier[p] * Int64(score[p * reviewers + r]) }

    @inline(__always) func usable(_ p: Int, _ r: Int) -> Bool { score[p * reviewers + r] >= 0 && !blocked[p * reviewers + r] }

    func reviewers(of p: Int) -> ArraySlice<Int32> { chosen[(p * k)..<(p * k + chosenCount[p])] }

    func holds(_ p: Int, _ r: Int) -> Bool { reviewers(of: p).contains(Int32(r)) }

    /// The affinity the flow gives proposal p (without what is fixed outside it).
    func flowScore(_ p: Int) -> Int { reviewers(of: p).reduce(0) { $0 + Int(score[p * reviewers + Int($1)]) } }

    /// The flow's total weight (Σ multiplier × affinity over its pairs).
    var totalWeight: Int64 {
        var sum: Int64 = 0
        for p in 0..<proposals { sum += multiplier[p] * Int64(flowScore(p)) }
        return sum
    }

    /// Whether every proposal has its demand routed.
    var complete: Bool { (0..<proposals).allSatisfy { chosenCount[$0] == demand[$0] } }

    private func maxWeight(_ p: Int) -> Int64 {
        var best: Int64 = 0
        for r in 0..<reviewers where usable(p, r) { best = max(best, weight(p, r) + potential[proposals + r]) }
        return best
    }

    // MARK: Changing

    /// Routes the proposal's missing units; false if the network cannot take them.
    mutating func route(_ p: Int) -> Bool {
        if chosenCount[p] == 0 { potential[p] = maxWeight(p) }
        while chosenCount[p] < demand[p] {
            guard shortestPath(from: p, to: sink) else { return false }
        }
        return true
    }

    /// Routes every proposal's missing units; false if some cannot be routed.
    mutating func routeAll() -> Bool {
        for p in 0..<proposals where chosenCount[p] < demand[p] {
            guard route(p) else { return false }
        }
        return true
    }

    /// Takes all of the proposal's units out of the network, keeping the rest optimal.
    mutating func withdraw(_ p: Int) {
        while chosenCount[p] > 0 {
            let found = shortestPath(from: sink, to: p)
            precondition(found, "a routed unit can always be taken back")
        }
    }

    /// Sets a withdrawn proposal's multiplier.
    mutating func reweigh(_ p: Int, _ value: Int64) {
        precondition(chosenCount[p] == 0)
        multiplier[p] = value
    }

    /// Takes the pair out of the network (the proposal must be withdrawn).
    mutating func block(_ p: Int, _ r: Int) {
        precondition(chosenCount[p] == 0)
        blocked[p * reviewers + r] = true
    }

    mutating func unblock(_ p: Int, _ r: Int) { blocked[p * reviewers + r] = false }

    mutating func setDemand(_ p: Int, _ value: Int) {
        precondition(chosenCount[p] <= value)
        demand[p] = value
    }

    /// Lowers the reviewer's capacity by one, rerouting a unit if it was full; false when the
    /// unit has nowhere else to go.
    mutating func shrink(_ r: Int) -> Bool {
        capacity[r] -= 1
        guard load[r] > capacity[r] else { return true }
        load[r] -= 1
        return shortestPath(from: proposals + r, to: sink)
    }

    /// Raises the reviewer's capacity by one (undoing `shrink` when the flow is restored too).
    mutating func grow(_ r: Int) { capacity[r] += 1 }

    /// The flow itself, to be put back with `restore` (capacities, demands, blocks excluded).
    struct Snapshot: Sendable {
        fileprivate let chosen: [Int32]
        fileprivate let chosenCount: [Int]
        fileprivate let holders: [Int32]
        fileprivate let holderCount: [Int]
        fileprivate let load: [Int]
        fileprivate let potential: [Int64]
        fileprivate let multiplier: [Int64]
    }

    var snapshot: Snapshot {
        Snapshot(chosen: chosen, chosenCount: chosenCount, holders: holders, holderCount: holderCount, load: load, potential: potential, multiplier: multiplier)
    }

    mutating func restore(_ saved: Snapshot) {
        chosen = saved.chosen
        chosenCount = saved.chosenCount
        holders = saved.holders
        holderCount = saved.holderCount
        load = saved.load
        potential = saved.potential
        multiplier = saved.multiplier
    }

    /// Checks that every residual edge has a non-negative reduced cost (the certificate that
    /// the flow is a maximum-weight one for its demands) and that the flow is consistent.
    func certifiesOptimality() -> Bool {
        for r in 0..<reviewers {
            guard load[r] == holderCount[r], load[r] <= capacity[r] else { return false }
            let node = proposals + r
            if load[r] < capacity[r], potential[node] - potential[sink] < 0 { return false }
            if load[r] > 0, potential[sink] - potential[node] < 0 { return false }
        }
        for p in 0..<proposals where chosenCount[p] > 0 {
            guard chosenCount[p] <= demand[p] else { return false }
            for r in 0..<reviewers where usable(p, r) || holds(p, r) {
                let reduced = -weight(p, r) + potential[p] - potential[proposals + r]
                if holds(p, r) ? reduced > 0 : reduced < 0 { return false }
            }
        }
        return true
    }

    // MARK: Shortest paths

    private var scratch = DijkstraScratch(nodes: 0)

    /// Dijkstra on reduced costs from `source` to `target` in the residual network, then the
    /// potential update that keeps every reduced cost non-negative, then the augmentation.
    private mutating func shortestPath(from source: Int, to target: Int) -> Bool {
        let nodeCount = proposals + reviewers + 1
        if scratch.distance.count != nodeCount { scratch = DijkstraScratch(nodes: nodeCount) }
        scratch.reset()
        scratch.reach(source, 0, from: -1)
        var reached: Int64 = -1
        while let (dist, node) = scratch.heap.pop() {
            if dist > scratch.distance[node] || scratch.settled[node] { continue }
            scratch.settled[node] = true
            if node == target {
                reached = dist
                break
            }
            let fromPotential = potential[node]
            if node < proposals {
                let q = node
                let base = q * reviewers
                let qChosen = reviewers(of: q)
                for r in 0..<reviewers {
                    let s = score[base + r]
                    if s < 0 || blocked[base + r] { continue }
                    if qChosen.contains(Int32(r)) { continue }
                    let to = proposals + r
                    let next = dist - multiplier[q] * Int64(s) + fromPotential - potential[to]
                    if next < scratch.distance[to] { scratch.reach(to, next, from: q) }
                }
            } else if node < sink {
                let r = node - proposals
                if load[r] < capacity[r] {
                    let next = dist + fromPotential - potential[sink]
                    if next < scratch.distance[sink] { scratch.reach(sink, next, from: node) }
                }
                let start = holderStart[r]
                for index in start..<(start + holderCount[r]) {
                    let q = Int(holders[index])
                    let next = dist + weight(q, r) + fromPotential - potential[q]
                    if next < scratch.distance[q] { scratch.reach(q, next, from: node) }
                }
            } else {
                for r in 0..<reviewers where load[r] > 0 {
                    let to = proposals + r
                    let next = dist + fromPotential - potential[to]
                    if next < scratch.distance[to] { scratch.reach(to, next, from: node) }
                }
            }
        }
        guard reached >= 0 else { return false }
        for node in 0..<nodeCount {
            potential[node] += scratch.settled[node] ? scratch.distance[node] : reached
        }
        // Walk the path back from the target: first the pairs it removes, then those it adds,
        // so that no list ever holds more than its share.
        var adds: [(Int, Int)] = []
        var node = target
        while node != source {
            let previous = Int(scratch.parent[node])
            if previous < proposals {
                adds.append((previous, node - proposals))
            } else if previous < sink {
                if node == sink { load[previous - proposals] += 1 } else { unassign(node, previous - proposals) }
            } else {
                load[node - proposals] -= 1
            }
            node = previous
        }
        for (p, r) in adds { assign(p, r) }
        return true
    }

    private mutating func assign(_ p: Int, _ r: Int) {
        chosen[p * k + chosenCount[p]] = Int32(r)
        chosenCount[p] += 1
        holders[holderStart[r] + holderCount[r]] = Int32(p)
        holderCount[r] += 1
    }

    private mutating func unassign(_ p: Int, _ r: Int) {
        let base = p * k
        let count = chosenCount[p]
        if let index = chosen[base..<(base + count)].firstIndex(of: Int32(r)) {
            chosen[index] = chosen[base + count - 1]
            chosen[base + count - 1] = -1
            chosenCount[p] -= 1
        }
        let start = holderStart[r]
        let last = start + holderCount[r] - 1
        if let index = holders[start...last].firstIndex(of: Int32(p)) {
            holders[index] = holders[last]
            holders[last] = -1
            holderCount[r] -= 1
        }
    }
}

/// The reusable arrays of one Dijkstra run.
struct DijkstraScratch: Sendable {
    var distance: [Int64]
    var parent: [Int32]
    var settled: [Bool]
    var touched: [Int] = []
    var heap = MinHeap()

    init(nodes: Int) {
        distance = [Int64](repeating: .max, count: nodes)
        parent = [Int32](repeating: -1, count: nodes)
        settled = [Bool](repeating: false, count: nodes)
    }

    mutating func reset() {
        for node in touched {
            distance[node] = .max
            parent[node] = -1
            settled[node] = false
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
    }

    @inline(__always) mutating func reach(_ node: Int, _ value: Int64, from: Int) {
        if distance[node] == .max { touched.append(node) }
        distance[node] = value
        parent[node] = Int32(from)
        heap.push(value, node)
    }
}
