/// Branch and bound over the free requests, for events small enough to settle exactly what
/// the relaxation leaves open. Requests are taken by priority (highest first); each goes to
/// one of the slots where it fits now, or is left out. A branch is cut when its total plus an
/// optimistic rest cannot beat the best schedule known: the rest is at most the sum of the
/// remaining priorities, and at most half of what each person could still take — the sum of
/// the `room` highest remaining priorities at each person, since every meeting is counted at
/// both its people. The search stops after `budget` nodes; it is a proof only if it finished.
struct ScheduleSearch {
    /// The best placement found (a slot per request, -1 for unplaced; locks included), if it
    /// beats the incumbent, and whether the search finished (then nothing beats the answer).
    struct Outcome {
        var slots: [Int32]?
        var objective: Int
        var finished: Bool
    }

    private var board: ScheduleBoard
    private let free: [Int]
    private let suffix: [Int]
    private var best: Int
    private var bestSlots: [Int32]?
    private var nodes = 0
    private let budget: Int
    private var taken: [Int32]
    private var room: [Int32]

    static func run(_ problem: CompiledSchedule, usable: [Int32], incumbent: Int, budget: Int) -> Outcome {
        var search = ScheduleSearch(problem, usable: usable, incumbent: incumbent, budget: budget)
        search.branch(0)
        return Outcome(slots: search.bestSlots, objective: search.best, finished: search.nodes <= search.budget)
    }

    private init(_ problem: CompiledSchedule, usable: [Int32], incumbent: Int, budget: Int) {
        let board = ScheduleBoard(problem)
        self.board = board
        free = (0..<problem.requestCount).filter { !board.isFixed($0) && usable[$0] > 0 }
            .sorted { (-problem.priority[$0], $0) < (-problem.priority[$1], $1) }
        var suffix = [Int](repeating: 0, count: free.count + 1)
        for k in stride(from: free.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] + Int(problem.priority[free[k]]) }
        self.suffix = suffix
        best = incumbent
        self.budget = budget
        taken = [Int32](repeating: 0, count: problem.participantCount)
        room = [Int32](repeating: 0, count: problem.participantCount)
    }

    private mutating func branch(_ k: Int) {
        nodes += 1
        if nodes > budget { return }
        if board.objective > best {
            best = board.objective
            bestSlots = board.slotOf
        }
        guard k < free.count, board.objective + optimisticRest(from: k) > best else { return }
        let r = free[k]
        for s in 0..<board.slots where board.fits(r, s) {
            board.place(r, s)
            branch(k + 1)
            board.remove(r)
            board.clearLog()
            if nodes > budget { return }
        }
        branch(k + 1)
    }

    private mutating func optimisticRest(from k: Int) -> Int {
        let problem = board.problem
        for i in 0..<problem.participantCount {
            taken[i] = 0
            room[i] = problem.capacity[i] - board.load[i]
        }
        var doubled = 0
        for index in k..<free.count {
            let r = free[index]
            for person in [board.first(r), board.second(r)] where taken[person] < room[person] {
                taken[person] += 1
                doubled += Int(problem.priority[r])
            }
        }
        return min(suffix[k], doubled / 2)
    }
}
