/// Slots for a chosen set of meetings of a two-sided event with no availability limits: a
/// proper edge colouring of a bipartite multigraph with `slots` colours whose classes hold at
/// most `tables` meetings. It exists whenever no person has more than `slots` meetings and
/// there are at most `slots × tables` of them: König's edge-colouring theorem gives a proper
/// colouring with Δ ≤ slots colours, and de Werra's theorem makes it equitable (class sizes
/// differ by at most one, so none exceeds ⌈M ÷ slots⌉ ≤ tables).
///
/// The construction: first each meeting goes to a free slot of both people where a table is
/// left, preferring their previous slot and short days (`bestFreeSlot`); a meeting with no
/// such slot gets one by a Kempe-chain exchange — α free at one person, β at the other, the
/// α/β path from the second person swapped, which cannot reach the first in a bipartite
/// graph — ignoring tables; then, while a slot holds more than `tables` meetings, an
/// alternating path of that slot and the emptiest one with one more edge of the full slot
/// is swapped, moving one meeting across (de Werra's balancing step).
extension ScheduleBoard {
    mutating func colourTwoSided(_ chosen: [Int], _ scratch: inout InsertionScratch) {
        var rest: [Int] = []
        for r in chosen {
            if let s = bestFreeSlot(r, &scratch) { place(r, s) } else { rest.append(r) }
        }
        for r in rest { kempePlace(r) }
        balanceTables()
        clearLog()
    }

    /// Places `r` in a slot free for both people, swapping one Kempe chain if needed. Tables
    /// are not checked; `balanceTables` repairs them.
    private mutating func kempePlace(_ r: Int) {
        let a = first(r), b = second(r)
        let baseA = a * slots, baseB = b * slots
        var alpha = -1, beta = -1, common = -1
        for s in 0..<slots {
            let freeA = cell[baseA + s] == Self.free, freeB = cell[baseB + s] == Self.free
            if freeA && freeB && (common < 0 || slotLoad[s] < slotLoad[common]) { common = s }
            if freeA && alpha < 0 { alpha = s }
            if freeB && beta < 0 { beta = s }
        }
        if common >= 0 {
            place(r, common)
            return
        }
        precondition(alpha >= 0 && beta >= 0, "a person has more meetings than slots")
        // The α/β path from b: b's α meeting, then its other person's β meeting, and so on.
        var path: [Int] = []
        var person = b
        var colour = alpha
        while true {
            let held = cell[person * slots + colour]
            if held < 0 { break }
            path.append(Int(held))
            person = other(Int(held), than: person)
            colour = colour == alpha ? beta : alpha
        }
        let swapped = path.map { Int(slotOf[$0]) == alpha ? beta : alpha }
        for f in path { remove(f) }
        for (f, s) in zip(path, swapped) { place(f, s) }
        place(r, alpha)
    }

    /// While a slot holds more meetings than tables, moves one to the emptiest slot along an
    /// alternating path (de Werra).
    private mutating func balanceTables() {
        while let over = (0..<slots).first(where: { Int(slotLoad[$0]) > tables }) {
            var under = 0
            for s in 1..<slots where slotLoad[s] < slotLoad[under] { under = s }
            precondition(Int(slotLoad[under]) < tables, "more meetings than slots × tables")
            var moved = false
            for start in members[over] {
                for person in [first(Int(start)), second(Int(start))] where cell[person * slots + under] == Self.free {
                    // Walk from `person` (which misses `under`): over, under, over, …
                    var path: [Int] = []
                    var at = person
                    var colour = over
                    while true {
                        let held = cell[at * slots + colour]
                        if held < 0 { break }
                        path.append(Int(held))
                        at = other(Int(held), than: at)
                        colour = colour == over ? under : over
                    }
                    guard path.count % 2 == 1 else { continue }
                    let swapped = path.map { Int(slotOf[$0]) == over ? under : over }
                    for f in path { remove(f) }
                    for (f, s) in zip(path, swapped) { place(f, s) }
                    moved = true
                    break
                }
                if moved { break }
            }
            precondition(moved, "no alternating path found while balancing")
        }
    }

    func other(_ r: Int, than person: Int) -> Int { problem.other(r, than: person) }
}
