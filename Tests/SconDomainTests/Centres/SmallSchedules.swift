@testable import SconDomain

/// Random small instances for the tests against exhaustive search.
enum SmallSchedules {
    /// Two-sided (every request across two sides, nobody with an availability limit, no
    /// locks), or general (any pairs, availability windows, sometimes a locked meeting).
    static func random(_ random: inout SplitMix64, twoSided: Bool, locks: Bool = false) -> ScheduleInstance {
        let people = 3 + Int(random.next() % 4)
        let slots = 1 + Int(random.next() % 4)
        let tables = 1 + Int(random.next() % 3)
        let left = max(1, people / 2)
        var participants: [ScheduleInstance.Participant] = []
        for i in 0..<people {
            var person = ScheduleInstance.Participant(id: "p\(i)")
            if random.next() % 3 == 0 { person.maxMeetings = Int(random.next() % UInt64(slots + 2)) }
            if !twoSided && random.next() % 2 == 0 {
                let list = (0..<slots).filter { _ in random.next() % 4 != 0 }
                person.available = list
            }
            participants.append(person)
        }
        var requests: [ScheduleInstance.Request] = []
        let count = 1 + Int(random.next() % 7)
        for k in 0..<count {
            var a = Int(random.next() % UInt64(people))
            var b = Int(random.next() % UInt64(people))
            if twoSided {
                a = Int(random.next() % UInt64(left))
                b = left + Int(random.next() % UInt64(people - left))
            } else if a == b {
                b = (a + 1) % people
            }
            requests.append(.init(id: "m\(k)", between: random.next() % 2 == 0 ? ["p\(a)", "p\(b)"] : ["p\(b)", "p\(a)"],
                                  priority: 1 + Int(random.next() % 5)))
        }
        var instance = ScheduleInstance(slots: slots, tables: tables, participants: participants, requests: requests)
        if locks, let request = requests.first {
            // Lock the first request in a slot both are available in, if the limits allow.
            let ends = request.between.compactMap { id in participants.first { $0.id == id } }
            if let slot = (0..<slots).first(where: { s in ends.allSatisfy { $0.available?.contains(s) ?? true } }),
               ends.allSatisfy({ ($0.maxMeetings ?? slots) >= 1 }) {
                instance.locked = [.init(request: request.id, slot: slot, table: random.next() % 2 == 0 ? nil : tables - 1)]
            }
        }
        return instance
    }

    /// General instances where the slots are scarce: more requests than slots can take, tight
    /// limits and windows — where a greedy choice most often costs priority.
    static func tight(_ random: inout SplitMix64) -> ScheduleInstance {
        let people = 4 + Int(random.next() % 4)
        let slots = 2 + Int(random.next() % 3)
        let tables = 1 + Int(random.next() % 3)
        var participants: [ScheduleInstance.Participant] = []
        for i in 0..<people {
            var person = ScheduleInstance.Participant(id: "p\(i)")
            if random.next() % 2 == 0 { person.maxMeetings = 1 + Int(random.next() % UInt64(slots)) }
            if random.next() % 2 == 0 { person.available = (0..<slots).filter { _ in random.next() % 3 != 0 } }
            participants.append(person)
        }
        var requests: [ScheduleInstance.Request] = []
        for k in 0..<(6 + Int(random.next() % 4)) {
            let a = Int(random.next() % UInt64(people))
            var b = Int(random.next() % UInt64(people))
            if a == b { b = (a + 1) % people }
            requests.append(.init(id: "m\(k)", between: ["p\(a)", "p\(b)"], priority: 1 + Int(random.next() % 5)))
        }
        return ScheduleInstance(slots: slots, tables: tables, participants: participants, requests: requests)
    }
}
