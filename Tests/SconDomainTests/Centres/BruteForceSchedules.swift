import SconDomain

/// The best total priority of a small instance by trying every slot (or none) for every
/// request, locked meetings where they are locked: the reference the solver is tested
/// against. Shares no code with the solver.
enum BruteForceSchedules {
    static func optimum(_ instance: ScheduleInstance) -> Int {
        let people = instance.participants.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, $0) })
        let slots = instance.slots
        var open = [[Bool]](repeating: [Bool](repeating: true, count: slots), count: people.count)
        for (i, person) in instance.participants.enumerated() {
            if let list = person.available { open[i] = (0..<slots).map { list.contains($0) } }
        }
        let limit = instance.participants.map { $0.maxMeetings ?? slots }
        let locked = Dictionary(uniqueKeysWithValues: instance.locked.map { ($0.request, $0.slot) })
        let requests = instance.requests.map { (a: index[$0.between[0]]!, b: index[$0.between[1]]!, priority: $0.priority, lock: locked[$0.id]) }

        var busy = [[Bool]](repeating: [Bool](repeating: false, count: slots), count: people.count)
        var count = [Int](repeating: 0, count: people.count)
        var inSlot = [Int](repeating: 0, count: slots)
        var best = -1
        let remaining = requests.indices.map { k in requests[k...].reduce(0) { $0 + $1.priority } } + [0]

        func fits(_ r: Int, _ s: Int) -> Bool {
            let request = requests[r]
            return open[request.a][s] && open[request.b][s] && !busy[request.a][s] && !busy[request.b][s]
                && inSlot[s] < instance.tables && count[request.a] < limit[request.a] && count[request.b] < limit[request.b]
        }
        func set(_ r: Int, _ s: Int, _ on: Bool) {
            let request = requests[r]
            busy[request.a][s] = on
            busy[request.b][s] = on
            let step = on ? 1 : -1
            count[request.a] += step
            count[request.b] += step
            inSlot[s] += step
        }
        func visit(_ r: Int, _ total: Int) {
            if r == requests.count {
                best = max(best, total)
                return
            }
            if total + remaining[r] <= best && requests[r...].allSatisfy({ $0.lock == nil }) { return }
            if let lock = requests[r].lock {
                guard fits(r, lock) else { return }
                set(r, lock, true)
                visit(r + 1, total + requests[r].priority)
                set(r, lock, false)
                return
            }
            for s in 0..<slots where fits(r, s) {
                set(r, s, true)
                visit(r + 1, total + requests[r].priority)
                set(r, s, false)
            }
            visit(r + 1, total)
        }
        visit(0, 0)
        return best
    }
}
