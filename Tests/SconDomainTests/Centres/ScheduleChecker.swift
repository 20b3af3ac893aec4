import SconDomain

/// Checks a schedule against its instance without any of the solver's code: every hard rule,
/// the objective and the reported measures, and that each request left out has a true reason
/// (so none could simply have been added). Returns the broken rules; empty means valid.
enum ScheduleChecker {
    static func violations(_ instance: ScheduleInstance, _ solution: ScheduleSolution) -> [String] {
        var broken: [String] = []
        let requests = Dictionary(uniqueKeysWithValues: instance.requests.map { ($0.id, $0) })
        let people = Dictionary(uniqueKeysWithValues: instance.participants.map { ($0.id, $0) })
        func available(_ person: String, _ slot: Int) -> Bool {
            guard let list = people[person]?.available else { return true }
            return list.contains(slot)
        }
        func limit(_ person: String) -> Int { people[person]?.maxMeetings ?? instance.slots }

        var placed: [String: ScheduledMeeting] = [:]
        var busy: [String: Set<Int>] = [:]
        var tableUsed = Set<[Int]>()
        var perSlot: [Int: Int] = [:]
        var total = 0
        for meeting in solution.meetings {
            guard let request = requests[meeting.request] else {
                broken.append("unknown request \(meeting.request)")
                continue
            }
            if placed.updateValue(meeting, forKey: meeting.request) != nil { broken.append("\(meeting.request) placed twice") }
            if !(0..<instance.slots).contains(meeting.slot) { broken.append("\(meeting.request) in slot \(meeting.slot)") }
            if !(0..<instance.tables).contains(meeting.table) { broken.append("\(meeting.request) at table \(meeting.table)") }
            if !tableUsed.insert([meeting.slot, meeting.table]).inserted {
                broken.append("table \(meeting.table) used twice in slot \(meeting.slot)")
            }
            perSlot[meeting.slot, default: 0] += 1
            for person in request.between {
                if !busy[person, default: []].insert(meeting.slot).inserted { broken.append("\(person) twice in slot \(meeting.slot)") }
                if !available(person, meeting.slot) { broken.append("\(person) not available in slot \(meeting.slot)") }
            }
            total += request.priority
        }
        for (slot, count) in perSlot where count > instance.tables { broken.append("slot \(slot) has \(count) meetings") }
        for (person, slots) in busy where slots.count > limit(person) { broken.append("\(person) has \(slots.count) meetings") }
        for lock in instance.locked {
            guard let meeting = placed[lock.request], meeting.slot == lock.slot else {
                broken.append("locked \(lock.request) not in slot \(lock.slot)")
                continue
            }
            if let table = lock.table, meeting.table != table { broken.append("locked \(lock.request) not at table \(table)") }
        }
        if solution.objective != total { broken.append("objective \(solution.objective) but the meetings sum to \(total)") }
        if solution.bound < solution.objective { broken.append("bound \(solution.bound) below objective") }
        if solution.exact != (solution.bound == solution.objective) { broken.append("exact flag wrong") }

        let left = instance.requests.map(\.id).filter { placed[$0] == nil }.sorted()
        if solution.unscheduled != left { broken.append("unscheduled \(solution.unscheduled) but left out \(left)") }
        if solution.reasons.map(\.request) != solution.unscheduled { broken.append("reasons do not follow unscheduled") }
        var load: [Int: Int] = [:]
        for slot in perSlot.keys { load[slot] = perSlot[slot] }
        for reason in solution.reasons {
            guard let request = requests[reason.request] else { continue }
            let (a, b) = (request.between[0], request.between[1])
            let bothFree = (0..<instance.slots).filter {
                available(a, $0) && available(b, $0) && !busy[a, default: []].contains($0) && !busy[b, default: []].contains($0)
            }
            switch reason.reason {
            case .participantLimit:
                guard let person = reason.participant, request.between.contains(person),
                      busy[person, default: []].count >= limit(person) else {
                    broken.append("\(reason.request): participantLimit is not true")
                    continue
                }
            case .noCommonSlot:
                if !bothFree.isEmpty { broken.append("\(reason.request): noCommonSlot but both free in \(bothFree)") }
                for person in [a, b] where busy[person, default: []].count >= limit(person) {
                    broken.append("\(reason.request): noCommonSlot while \(person) is at the limit")
                }
            case .noTable:
                if bothFree.isEmpty || bothFree.contains(where: { load[$0, default: 0] < instance.tables }) {
                    broken.append("\(reason.request): noTable is not true (both free in \(bothFree))")
                }
            }
            if reason.detail.contains("\n") { broken.append("\(reason.request): detail on several lines") }
        }

        if solution.idleSlots != idleSlots(instance, busy) { broken.append("idleSlots \(solution.idleSlots) but counted \(idleSlots(instance, busy))") }
        var changes = 0
        var tableAt: [String: [Int: Int]] = [:]
        for meeting in solution.meetings {
            for person in requests[meeting.request]?.between ?? [] { tableAt[person, default: [:]][meeting.slot] = meeting.table }
        }
        for (_, tables) in tableAt {
            for (slot, table) in tables { if let next = tables[slot + 1], next != table { changes += 1 } }
        }
        if solution.tableChanges != changes { broken.append("tableChanges \(solution.tableChanges) but counted \(changes)") }
        return broken
    }

    /// Available, empty slots between each person's first and last meeting, summed.
    static func idleSlots(_ instance: ScheduleInstance, _ busy: [String: Set<Int>]) -> Int {
        var idle = 0
        for person in instance.participants {
            guard let slots = busy[person.id], let first = slots.min(), let last = slots.max() else { continue }
            for slot in first...last where !slots.contains(slot) && (person.available?.contains(slot) ?? true) { idle += 1 }
        }
        return idle
    }
}
