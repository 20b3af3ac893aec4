import Foundation

/// Generated networking days for benchmarks and tests, deterministic for a seed. About 40% of
/// the participants are Korean (`k1`, `k2`, …), the rest from ASEAN countries (`a1`, …).
/// Popularity is heavy-tailed (Pareto, α = 1.6, capped at 40× the least popular): a few
/// people — a ministry, a large city, a well-known firm — receive many requests, most receive
/// few. Priorities 1–5 (15%, 25%, 30%, 20%, 10%); `maxMeetings` 6–12 (at most the slots).
///
/// Two-sided events: every request between a Korean and an ASEAN participant, nobody with an
/// availability limit. General events: one request in five within a side (G2G and B2B mixed),
/// and a share `availabilityShare` of the participants with a window: arriving late or leaving
/// early (a run of 40–80% of the day), half a day, or a break of a few slots.
public enum GeneratedSchedule {
    public static func instance(participants: Int, requests: Int, slots: Int, tables: Int, twoSided: Bool,
                                availabilityShare: Double = 0.3, seed: UInt64 = 2019) -> ScheduleInstance {
        var random = SplitMix64(seed: seed)
        let korean = max(1, participants * 2 / 5)
        let asean = max(1, participants - korean)
        let ids = (0..<korean).map { "k\($0 + 1)" } + (0..<asean).map { "a\($0 + 1)" }
        var weight = [Double](repeating: 0, count: ids.count)
        for i in ids.indices { weight[i] = min(40, pow(1 - random.nextUnit(), -1 / 1.6)) }
        func cumulative(_ range: Range<Int>) -> [Double] {
            var sums: [Double] = []
            var total = 0.0
            for i in range {
                total += weight[i]
                sums.append(total)
            }
            return sums
        }
        let koreanSums = cumulative(0..<korean)
        let aseanSums = cumulative(korean..<ids.count)
        func draw(_ sums: [Double], offset: Int) -> Int {
            let target = random.nextUnit() * (sums.last ?? 0)
            var low = 0, high = sums.count - 1
            while low < high {
                let middle = (low + high) / 2
                if sums[middle] > target { high = middle } else { low = middle + 1 }
            }
            return offset + low
        }

        var people: [ScheduleInstance.Participant] = []
        for id in ids {
            var person = ScheduleInstance.Participant(id: id, maxMeetings: min(slots, 6 + Int(random.next() % 7)))
            if !twoSided && random.nextUnit() < availabilityShare { person.available = window(slots: slots, &random) }
            people.append(person)
        }

        var pairs = Set<Int>()
        var list: [ScheduleInstance.Request] = []
        let possible = twoSided ? korean * asean : ids.count * (ids.count - 1) / 2
        let wanted = min(requests, possible)
        var attempts = 0
        while list.count < wanted && attempts < 50 * wanted + 1_000 {
            attempts += 1
            let a: Int, b: Int
            if twoSided || random.nextUnit() < 0.8 {
                a = draw(koreanSums, offset: 0)
                b = draw(aseanSums, offset: korean)
            } else if random.nextUnit() < Double(korean) / Double(ids.count) {
                a = draw(koreanSums, offset: 0)
                b = draw(koreanSums, offset: 0)
            } else {
                a = draw(aseanSums, offset: korean)
                b = draw(aseanSums, offset: korean)
            }
            guard a != b, pairs.insert(min(a, b) * ids.count + max(a, b)).inserted else { continue }
            let u = random.nextUnit()
            let priority = u < 0.15 ? 1 : u < 0.40 ? 2 : u < 0.70 ? 3 : u < 0.90 ? 4 : 5
            list.append(.init(id: "m\(list.count + 1)", between: [ids[a], ids[b]], priority: priority))
        }
        return ScheduleInstance(slots: slots, tables: tables, participants: people, requests: list)
    }

    /// One person's availability: late arrival or early departure, half a day, or a break.
    private static func window(slots: Int, _ random: inout SplitMix64) -> [Int] {
        guard slots > 1 else { return Array(0..<slots) }
        let kind = random.nextUnit()
        if kind < 0.4 {
            let length = max(1, Int(Double(slots) * (0.4 + 0.4 * random.nextUnit())))
            let start = Int(random.next() % UInt64(slots - length + 1))
            return Array(start..<(start + length))
        } else if kind < 0.7 {
            return random.nextUnit() < 0.5 ? Array(0..<(slots / 2)) : Array((slots / 2)..<slots)
        } else {
            let length = 2 + Int(random.next() % UInt64(max(1, slots / 4 - 1)))
            let start = Int(random.next() % UInt64(max(1, slots - length)))
            return (0..<slots).filter { $0 < start || $0 >= start + length }
        }
    }
}
