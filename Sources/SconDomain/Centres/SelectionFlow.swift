/// The most valuable set of meetings under degree bounds, as a minimum-cost flow: the source
/// feeds each left node up to its bound, each meeting is an arc of capacity 1 from a left node
/// to a right node with cost `maximumPriority − priority`, and each right node drains to the
/// sink up to its bound. A flow of value k then has cost `5k − (priority it carries)`, so the
/// cheapest flow of each value carries the most priority for that many meetings.
///
/// Primal–dual successive shortest paths (Ahuja, Magnanti & Orlin, *Network Flows*, §9.8):
/// Dijkstra on reduced costs gives the next shortest path length and new potentials; then a
/// maximum flow (Dinic's blocking flows) on the arcs of reduced cost 0 augments along every
/// shortest path at once. An augmenting path adds one meeting, so its cost is
/// `5 − marginal priority`; the marginal priority of the best flow of value k falls as k
/// grows (the optimum is concave in k), so path costs rise and take at most 5 distinct values
/// below 5: at most five phases. The run stops when the next path would gain nothing or when
/// the flow reaches `limit` (the cardinality cap); stopping inside a phase is still optimal
/// for that flow value, because every path of a phase has the same cost.
///
/// A tie-break (keeping previous placements) scales the costs: `scale × (5 − priority)`, plus 1
/// for an arc that is not preferred, with `scale` above the number of arcs, so that the
/// priority decides first and the count of preferred arcs only among equals; the run then
/// stops at path cost `5 × scale`. The number of phases grows with the distinct path costs.
struct SelectionFlow {
    static let source = 0
    static let sink = 1

    let nodeCount: Int
    private var target: [Int32] = []
    private var residual: [Int32] = []
    private var cost: [Int32] = []
    private var initial: [Int32] = []
    private var tail: [Int32] = []

    /// Nodes 0 (source) and 1 (sink), then `2..<nodeCount` for the caller.
    init(nodeCount: Int) {
        self.nodeCount = nodeCount
    }

    /// Adds an arc and its reverse; returns the arc's index for `flow(on:)`. Arcs are tried in
    /// the order they are added, which is how the caller expresses a preference among ties.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int, cost arcCost: Int) -> Int {
        let index = target.count
        target.append(Int32(to)); tail.append(Int32(from)); residual.append(Int32(capacity)); cost.append(Int32(arcCost))
        target.append(Int32(from)); tail.append(Int32(to)); residual.append(0); cost.append(Int32(-arcCost))
        initial.append(Int32(capacity)); initial.append(0)
        return index
    }

    func flow(on arc: Int) -> Int { Int(initial[arc] - residual[arc]) }

    /// The costs of meeting arcs: `scale` is 1 without a tie-break, else above the number of
    /// meeting arcs; a preferred arc costs 1 less than another of its priority.
    struct Costs {
        let scale: Int

        init(meetingArcs: Int, tieBreak: Bool) {
            scale = tieBreak ? meetingArcs + 1 : 1
        }

        func cost(priority: Int, preferred: Bool) -> Int {
            scale * (ScheduleInstance.maximumPriority - priority) + (scale > 1 && !preferred ? 1 : 0)
        }

        /// Paths that cost this much or more gain no priority and no preferred arc.
        var stop: Int { scale * ScheduleInstance.maximumPriority }
    }

    /// Sends flow from source to sink while the next unit costs less than `stopCost`, up to
    /// `limit` units; returns the flow value.
    mutating func run(limit: Int, stopCost: Int) -> Int {
        let n = nodeCount
        var start = [Int32](repeating: 0, count: n + 1)
        for a in target.indices { start[Int(tail[a]) + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var adjacency = [Int32](repeating: 0, count: target.count)
        for a in target.indices {
            adjacency[Int(fill[Int(tail[a])])] = Int32(a)
            fill[Int(tail[a])] += 1
        }

        var potential = [Int](repeating: 0, count: n)
        var distance = [Int](repeating: .max, count: n)
        var level = [Int32](repeating: -1, count: n)
        var current = [Int32](repeating: 0, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var path: [Int32] = []
        var heap = FlowHeap()
        var total = 0
        let source = Self.source, sink = Self.sink

        while total < limit {
            // Dijkstra on reduced costs.
            for v in 0..<n { distance[v] = .max }
            distance[source] = 0
            heap.removeAll()
            heap.push(0, source)
            while let (d, u) = heap.pop() {
                if d > distance[u] { continue }
                let pu = potential[u]
                for k in Int(start[u])..<Int(start[u + 1]) {
                    let a = Int(adjacency[k])
                    if residual[a] <= 0 { continue }
                    let v = Int(target[a])
                    let next = d + Int(cost[a]) + pu - potential[v]
                    if next < distance[v] {
                        distance[v] = next
                        heap.push(next, v)
                    }
                }
            }
            let reach = distance[sink]
            if reach == .max { break }
            for v in 0..<n { potential[v] += min(distance[v], reach) }
            if potential[sink] - potential[source] >= stopCost { break }

            // Blocking flows on the admissible arcs (residual, reduced cost 0).
            func admissible(_ a: Int) -> Bool {
                residual[a] > 0 && Int(cost[a]) + potential[Int(tail[a])] - potential[Int(target[a])] == 0
            }
            while total < limit {
                for v in 0..<n { level[v] = -1 }
                level[source] = 0
                queue[0] = Int32(source)
                var head = 0, end = 1
                while head < end {
                    let u = Int(queue[head]); head += 1
                    for k in Int(start[u])..<Int(start[u + 1]) {
                        let a = Int(adjacency[k])
                        let v = Int(target[a])
                        if level[v] < 0 && admissible(a) {
                            level[v] = level[u] + 1
                            queue[end] = Int32(v); end += 1
                        }
                    }
                }
                if level[sink] < 0 { break }
                for v in 0..<n { current[v] = start[v] }
                path.removeAll(keepingCapacity: true)
                var u = source
                while total < limit {
                    if u == sink {
                        var push = limit - total
                        for a in path { push = min(push, Int(residual[Int(a)])) }
                        for a in path {
                            residual[Int(a)] -= Int32(push)
                            residual[Int(a) ^ 1] += Int32(push)
                        }
                        total += push
                        path.removeAll(keepingCapacity: true)
                        u = source
                        continue
                    }
                    var advanced = false
                    while current[u] < start[u + 1] {
                        let a = Int(adjacency[Int(current[u])])
                        let v = Int(target[a])
                        if level[v] == level[u] + 1 && admissible(a) {
                            path.append(Int32(a))
                            u = v
                            advanced = true
                            break
                        }
                        current[u] += 1
                    }
                    if advanced { continue }
                    if u == source { break }
                    level[u] = -1
                    let back = Int(path.removeLast())
                    u = Int(tail[back])
                    current[u] += 1
                }
            }
        }
        return total
    }
}

/// A binary min-heap of (distance, node) for Dijkstra.
private struct FlowHeap {
    private var keys: [Int] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int, _ node: Int) {
        keys.append(key)
        nodes.append(Int32(node))
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if keys[parent] <= keys[child] { break }
            keys.swapAt(parent, child)
            nodes.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let key = keys.first else { return nil }
        let node = Int(nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        if keys.isEmpty { return (key, node) }
        keys[0] = lastKey
        nodes[0] = lastNode
        var parent = 0
        let count = keys.count
        while true {
            let left = 2 * parent + 1
            if left >= count { break }
            let right = left + 1
            let child = right < count && keys[right] < keys[left] ? right : left
            if keys[parent] <= keys[child] { break }
            keys.swapAt(parent, child)
            nodes.swapAt(parent, child)
            parent = child
        }
        return (key, node)
    }
}
