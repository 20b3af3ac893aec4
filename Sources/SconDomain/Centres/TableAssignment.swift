/// Tables for the meetings of each slot, once the slots are fixed. Any numbering works (a slot
/// never holds more meetings than tables); this one keeps, in order: a locked meeting's table;
/// the previous table of a meeting that stays in its previous slot; then as many people as
/// possible at the table they sat at in the slot before (a maximum matching of meetings to
/// those tables, by augmenting paths); the rest take the lowest free tables.
enum TableAssignment {
    /// The table of each request (-1 where unplaced).
    static func assign(_ board: ScheduleBoard) -> [Int32] {
        let problem = board.problem
        let slots = board.slots
        var table = [Int32](repeating: -1, count: problem.requestCount)
        var owner = [Int32](repeating: -1, count: board.tables)
        var used: [Int] = []
        var matching = WishMatching(tables: board.tables)
        for s in 0..<slots {
            for t in used { owner[t] = -1 }
            used.removeAll(keepingCapacity: true)
            let meetings = board.members[s].map(Int.init).sorted()
            func claim(_ r: Int, _ t: Int) {
                table[r] = Int32(t)
                owner[t] = Int32(r)
                used.append(t)
            }
            for r in meetings where problem.lockedSlot[r] >= 0 && problem.lockedTable[r] >= 0 {
                claim(r, Int(problem.lockedTable[r]))
            }
            for r in meetings where table[r] < 0 && Int(problem.previousSlot[r]) == s {
                let t = Int(problem.previousTable[r])
                if t >= 0 && t < board.tables && owner[t] < 0 { claim(r, t) }
            }
            // Tables the two people sat at in the slot before.
            var wishes: [[Int]] = []
            var wishing: [Int] = []
            if s > 0 {
                for r in meetings where table[r] < 0 {
                    var wish: [Int] = []
                    for person in [board.first(r), board.second(r)] {
                        let before = board.at(person, s - 1)
                        if before >= 0, table[Int(before)] >= 0, owner[Int(table[Int(before)])] < 0, !wish.contains(Int(table[Int(before)])) {
                            wish.append(Int(table[Int(before)]))
                        }
                    }
                    if !wish.isEmpty {
                        wishing.append(r)
                        wishes.append(wish)
                    }
                }
            }
            if !wishing.isEmpty {
                for (index, t) in matching.match(wishes) { claim(wishing[index], t) }
            }
            var next = 0
            for r in meetings where table[r] < 0 {
                while owner[next] >= 0 { next += 1 }
                claim(r, next)
            }
        }
        return table
    }

    /// Times a person changes table between meetings in consecutive slots.
    static func changes(_ board: ScheduleBoard, _ table: [Int32]) -> Int {
        var count = 0
        for person in 0..<board.problem.participantCount {
            for s in 0..<max(0, board.slots - 1) {
                let here = board.at(person, s), next = board.at(person, s + 1)
                if here >= 0 && next >= 0 && table[Int(here)] != table[Int(next)] { count += 1 }
            }
        }
        return count
    }
}

/// A maximum matching of meetings to the tables they wish for (at most two each), by
/// augmenting paths (Kuhn); arrays indexed by table, reset only where touched.
private struct WishMatching {
    private var holder: [Int32]
    private var seen: [Int32]
    private var stamp: Int32 = 0
    private var touched: [Int] = []
    private var wishes: [[Int]] = []

    init(tables: Int) {
        holder = [Int32](repeating: -1, count: tables)
        seen = [Int32](repeating: 0, count: tables)
    }

    /// (meeting index, table) pairs of a maximum matching, by table.
    mutating func match(_ wishes: [[Int]]) -> [(Int, Int)] {
        self.wishes = wishes
        for index in wishes.indices {
            stamp += 1
            _ = search(index)
        }
        let pairs = touched.sorted().map { (Int(holder[$0]), $0) }
        for t in touched { holder[t] = -1 }
        touched.removeAll(keepingCapacity: true)
        return pairs
    }

    private mutating func search(_ index: Int) -> Bool {
        for t in wishes[index] where seen[t] != stamp {
            seen[t] = stamp
            let current = Int(holder[t])
            if current < 0 || search(current) {
                if current < 0 { touched.append(t) }
                holder[t] = Int32(index)
                return true
            }
        }
        return false
    }
}
