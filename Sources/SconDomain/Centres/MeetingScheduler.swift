/// The meeting schedule of a networking day (docs/schedule.md). Hard rules: nobody in two
/// meetings at once, no more meetings in a slot than tables, both people available in the
/// slot, nobody over their `maxMeetings`, locked meetings where staff put them. Objectives,
/// in order: the largest total priority placed; then, only among schedules of that total,
/// meetings kept in their `previous` slot, fewer idle slots in people's days, people keeping
/// their table between consecutive meetings.
///
/// - Two-sided events (the requests form a bipartite graph) with no availability limits and
///   no locks are solved exactly: the best set of meetings is a maximum-weight degree-bounded
///   subgraph with at most `slots × tables` edges (`SelectionFlow`), and any such set fits in
///   the slots by an equitable bipartite edge colouring (`colourTwoSided`).
/// - Other events: the fractional b-matching bound (`ScheduleRelaxation`), a constructive
///   placement guided by it with ejection-chain repairs (`insert`), local search on the total
///   (`improve`: exchanges; `rebuild`: ruin and recreate around the requests the relaxation
///   wanted), and, when a gap is left on a small event, branch and bound that closes it
///   (`ScheduleSearch`).
/// - Then, for both, the secondary objectives on the fixed set of meetings: a second timing
///   built slot by slot (`swept`), local moves and Kempe chains (`compact`) on both, the better
///   kept; tables last (`TableAssignment`).
///
/// Deterministic: participants and requests are taken in the order of their ids, so the same
/// instance, in any order, gives the same answer.
public enum MeetingScheduler {
    /// Nodes the branch and bound may visit on a small event with a gap.
    static let searchBudget = 400_000
    /// Free requests above which the branch and bound is not tried.
    static let searchRequestLimit = 60

    public static func solve(_ instance: ScheduleInstance) throws(ScheduleError) -> ScheduleSolution {
        solve(try CompiledSchedule(instance))
    }

    static func solve(_ problem: CompiledSchedule, search: Bool = true) -> ScheduleSolution {
        var board = ScheduleBoard(problem)
        var scratch = InsertionScratch(slots: problem.slots)
        let method: ScheduleSolution.Method
        var bound: Int
        let usable: [Int32]
        if !problem.hasLocks, problem.availableEverywhere, let side = sides(problem) {
            method = .twoSided
            board.colourTwoSided(selectTwoSided(problem, side: side), &scratch)
            bound = board.objective
            usable = [Int32](repeating: Int32(problem.slots), count: problem.requestCount)
        } else {
            method = .general
            let relaxation = ScheduleRelaxation(board)
            bound = relaxation.bound
            usable = relaxation.usableSlots
            let order = (0..<problem.requestCount).filter { !board.isFixed($0) && usable[$0] > 0 }.sorted { lhs, rhs in
                let left = (-Int(relaxation.share[lhs]), problem.previousSlot[lhs] >= 0 ? 0 : 1, -problem.priority[lhs], usable[lhs], lhs)
                let right = (-Int(relaxation.share[rhs]), problem.previousSlot[rhs] >= 0 ? 0 : 1, -problem.priority[rhs], usable[rhs], rhs)
                return left < right
            }
            for r in order { _ = board.insert(r, depth: 1, &scratch) }
            board.clearLog()
            let byPriority = order.sorted { (-problem.priority[$0], $0) < (-problem.priority[$1], $1) }
            for _ in 0..<Self.improvementPasses where board.objective < bound {
                if !board.improve(order: byPriority, usable: usable, depth: 2, &scratch) { break }
            }
            // The larger neighbourhood around the requests the relaxation wanted and the schedule lacks.
            let wanted = byPriority.filter { relaxation.share[$0] > 0 }
            for _ in 0..<Self.rebuildPasses where board.objective < bound {
                if !board.rebuild(order: wanted, usable: usable, budget: wanted.count, &scratch) { break }
            }
            if search, board.objective < bound, order.count <= Self.searchRequestLimit {
                let outcome = ScheduleSearch.run(problem, usable: usable, incumbent: board.objective, budget: Self.searchBudget)
                if let slots = outcome.slots {
                    board = ScheduleBoard(problem)
                    for r in 0..<problem.requestCount where slots[r] >= 0 && !board.isFixed(r) { board.place(r, Int(slots[r])) }
                    board.clearLog()
                }
                if outcome.finished { bound = board.objective }
            }
        }
        board.fill(usable, &scratch)
        let alternative = board.swept(&scratch)
        board.compact(passes: Self.compactionPasses, &scratch)
        if var alternative {
            alternative.compact(passes: Self.compactionPasses, &scratch)
            if alternative.isBetterTiming(than: board) { board = alternative }
        }
        // Moves may have opened a place: then no request left out fits anywhere, so each reason holds.
        board.fill(usable, &scratch)
        let table = TableAssignment.assign(board)
        return answer(board, table: table, bound: bound, method: method)
    }

    static let improvementPasses = 3
    static let rebuildPasses = 3
    static let compactionPasses = 4

    /// The two sides of a bipartite request graph (0 or 1 per participant), or nil.
    static func sides(_ problem: CompiledSchedule) -> [Int8]? {
        var side = [Int8](repeating: -1, count: problem.participantCount)
        var queue: [Int] = []
        for start in 0..<problem.participantCount where side[start] < 0 {
            side[start] = 0
            queue.append(start)
            var head = queue.count - 1
            while head < queue.count {
                let person = queue[head]
                head += 1
                for k in Int(problem.incidenceStart[person])..<Int(problem.incidenceStart[person + 1]) {
                    let partner = problem.other(Int(problem.incidence[k]), than: person)
                    if side[partner] < 0 {
                        side[partner] = 1 - side[person]
                        queue.append(partner)
                    } else if side[partner] == side[person] {
                        return nil
                    }
                }
            }
        }
        return side
    }

    /// The best set of meetings of a two-sided event: a maximum-priority subgraph where each
    /// person has at most `min(maxMeetings, slots)` meetings and there are at most
    /// `slots × tables`, by min-cost flow; among sets of equal priority, the one with the most
    /// previous placements. In the order they are to be coloured: previous ones first, then by priority.
    static func selectTwoSided(_ problem: CompiledSchedule, side: [Int8]) -> [Int] {
        let n = problem.participantCount
        let costs = SelectionFlow.Costs(meetingArcs: problem.requestCount, tieBreak: problem.hasPrevious)
        var flow = SelectionFlow(nodeCount: 2 + n)
        for i in 0..<n where side[i] == 0 { flow.addArc(from: SelectionFlow.source, to: 2 + i, capacity: Int(problem.capacity[i]), cost: 0) }
        let requests = (0..<problem.requestCount).sorted {
            (problem.previousSlot[$0] >= 0 ? 0 : 1, $0) < (problem.previousSlot[$1] >= 0 ? 0 : 1, $1)
        }
        var arcs: [(request: Int, arc: Int)] = []
        for r in requests {
            let a = Int(problem.first[r]), b = Int(problem.second[r])
            let (left, right) = side[a] == 0 ? (a, b) : (b, a)
            let cost = costs.cost(priority: Int(problem.priority[r]), preferred: problem.previousSlot[r] >= 0)
            arcs.append((r, flow.addArc(from: 2 + left, to: 2 + right, capacity: 1, cost: cost)))
        }
        for i in 0..<n where side[i] == 1 { flow.addArc(from: 2 + i, to: SelectionFlow.sink, capacity: Int(problem.capacity[i]), cost: 0) }
        _ = flow.run(limit: problem.slots * problem.tables, stopCost: costs.stop)
        return placementOrder(arcs.filter { flow.flow(on: $0.arc) > 0 }.map(\.request), problem)
    }

    /// The order in which chosen meetings are placed: previous placements first; then person by
    /// person, the busiest first, each one's meetings together (highest priority first), so
    /// that a person's meetings go into neighbouring slots while the day is still open.
    static func placementOrder(_ chosen: [Int], _ problem: CompiledSchedule) -> [Int] {
        var listed = [Bool](repeating: false, count: problem.requestCount)
        var count = [Int](repeating: 0, count: problem.participantCount)
        var order: [Int] = []
        order.reserveCapacity(chosen.count)
        for r in chosen.sorted() {
            if problem.previousSlot[r] >= 0 {
                order.append(r)
                listed[r] = true
            } else {
                count[Int(problem.first[r])] += 1
                count[Int(problem.second[r])] += 1
            }
        }
        var inSet = [Bool](repeating: false, count: problem.requestCount)
        for r in chosen { inSet[r] = true }
        let people = (0..<problem.participantCount).filter { count[$0] > 0 }.sorted { (-count[$0], $0) < (-count[$1], $1) }
        for person in people {
            var own: [Int] = []
            for k in Int(problem.incidenceStart[person])..<Int(problem.incidenceStart[person + 1]) {
                let r = Int(problem.incidence[k])
                if inSet[r] && !listed[r] { own.append(r) }
            }
            own.sort { (-problem.priority[$0], $0) < (-problem.priority[$1], $1) }
            for r in own {
                order.append(r)
                listed[r] = true
            }
        }
        return order
    }
}
