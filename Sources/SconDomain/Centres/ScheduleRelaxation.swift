/// The upper bound for general events: a fractional b-matching relaxation.
///
/// Forget which slot a meeting takes and keep what any schedule must respect: the locked
/// meetings stay where they are; a free request can be placed only if its two people share a
/// slot that is free for both and has a table left after the locks (a *usable* slot); a
/// person takes at most `min(maxMeetings, slots) − locked meetings` more, and no more than
/// the slots they could use with someone they have a request with; the event holds at most
/// `Σ_s min(tables left in s, ⌊people who could meet in s ÷ 2⌋)` more meetings. The best
/// fractional choice `0 ≤ x_r ≤ 1` under those limits is an LP whose optimum is computed
/// exactly as a flow on the bipartite double cover (every person on both sides, every
/// request as two arcs, all bounds doubled: `SelectionFlow`). Every schedule gives a feasible
/// point of the LP, so the locked priority plus `⌊flow weight ÷ 2⌋` bounds every schedule.
/// The flow also says which requests the relaxation takes whole (`share` 2), half (1) or not
/// at all (0), which orders the constructive placement.
struct ScheduleRelaxation {
    /// The upper bound on the total priority of any schedule.
    let bound: Int
    /// For each request: 2 when the relaxation takes it whole, 1 half, 0 not (locked: 2).
    let share: [Int8]
    /// For each request: the usable slots it has (0: it cannot be placed at all).
    let usableSlots: [Int32]

    init(_ board: ScheduleBoard) {
        let problem = board.problem
        let n = problem.participantCount
        let slots = problem.slots
        let tables = problem.tables
        var share = [Int8](repeating: 0, count: problem.requestCount)
        var usableSlots = [Int32](repeating: 0, count: problem.requestCount)
        var lockedPriority = 0
        var couldUse = [Bool](repeating: false, count: n * slots)
        var candidates: [Int] = []
        for r in 0..<problem.requestCount {
            if board.isFixed(r) {
                share[r] = 2
                lockedPriority += Int(problem.priority[r])
                continue
            }
            let baseA = board.first(r) * slots, baseB = board.second(r) * slots
            var count: Int32 = 0
            for s in 0..<slots where board.cell[baseA + s] == ScheduleBoard.free && board.cell[baseB + s] == ScheduleBoard.free
                && Int(board.slotLoad[s]) < tables {
                count += 1
                couldUse[baseA + s] = true
                couldUse[baseB + s] = true
            }
            usableSlots[r] = count
            if count > 0 { candidates.append(r) }
        }
        var degreeBound = [Int](repeating: 0, count: n)
        var peopleInSlot = [Int](repeating: 0, count: slots)
        for i in 0..<n {
            var usable = 0
            for s in 0..<slots where couldUse[i * slots + s] {
                usable += 1
                peopleInSlot[s] += 1
            }
            degreeBound[i] = min(Int(problem.capacity[i]) - Int(board.load[i]), usable)
        }
        var cardinality = 0
        for s in 0..<slots { cardinality += min(tables - Int(board.slotLoad[s]), peopleInSlot[s] / 2) }

        // Previous placements first: among equally good flows the arcs tried first win.
        candidates.sort { (problem.previousSlot[$0] >= 0 ? 0 : 1, $0) < (problem.previousSlot[$1] >= 0 ? 0 : 1, $1) }
        var flow = SelectionFlow(nodeCount: 2 + 2 * n)
        for i in 0..<n where degreeBound[i] > 0 { flow.addArc(from: SelectionFlow.source, to: 2 + i, capacity: degreeBound[i], cost: 0) }
        var arcs: [(request: Int, forward: Int, backward: Int)] = []
        arcs.reserveCapacity(candidates.count)
        let costs = SelectionFlow.Costs(meetingArcs: 2 * candidates.count, tieBreak: problem.hasPrevious)
        for r in candidates {
            let a = board.first(r), b = board.second(r)
            let cost = costs.cost(priority: Int(problem.priority[r]), preferred: problem.previousSlot[r] >= 0)
            let forward = flow.addArc(from: 2 + a, to: 2 + n + b, capacity: 1, cost: cost)
            let backward = flow.addArc(from: 2 + b, to: 2 + n + a, capacity: 1, cost: cost)
            arcs.append((r, forward, backward))
        }
        for i in 0..<n where degreeBound[i] > 0 { flow.addArc(from: 2 + n + i, to: SelectionFlow.sink, capacity: degreeBound[i], cost: 0) }
        _ = flow.run(limit: 2 * cardinality, stopCost: costs.stop)
        var doubled = 0
        for arc in arcs {
            let units = flow.flow(on: arc.forward) + flow.flow(on: arc.backward)
            share[arc.request] = Int8(units)
            doubled += units * Int(problem.priority[arc.request])
        }
        self.bound = lockedPriority + doubled / 2
        self.share = share
        self.usableSlots = usableSlots
    }
}
