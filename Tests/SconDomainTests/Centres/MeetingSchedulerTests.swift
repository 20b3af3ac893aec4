import Foundation
import Testing
@testable import SconDomain

@Suite struct MeetingSchedulerTests {
    static func expectValid(_ instance: ScheduleInstance, _ solution: ScheduleSolution, sourceLocation: SourceLocation = #_sourceLocation) {
        let broken = ScheduleChecker.violations(instance, solution)
        #expect(broken.isEmpty, "\(broken) in \(instance)", sourceLocation: sourceLocation)
    }

    @Test func twoSidedSmallInstancesAreExactAgainstExhaustiveSearch() throws {
        var random = SplitMix64(seed: 41)
        var nonTrivial = 0
        for _ in 0..<300 {
            let instance = SmallSchedules.random(&random, twoSided: true)
            let solution = try MeetingScheduler.solve(instance)
            #expect(solution.method == .twoSided, "\(instance)")
            let best = BruteForceSchedules.optimum(instance)
            #expect(solution.objective == best, "not optimal: \(solution.objective) < \(best) in \(instance)")
            #expect(solution.exact && solution.bound == best)
            Self.expectValid(instance, solution)
            if !solution.unscheduled.isEmpty { nonTrivial += 1 }
        }
        #expect(nonTrivial > 50, "the instances should leave requests out often (\(nonTrivial))")
    }

    @Test(arguments: [false, true])
    func generalSmallInstancesMatchExhaustiveSearch(locks: Bool) throws {
        var random = SplitMix64(seed: locks ? 97 : 53)
        var general = 0
        for _ in 0..<300 {
            let instance = SmallSchedules.random(&random, twoSided: false, locks: locks)
            let solution = try MeetingScheduler.solve(instance)
            let best = BruteForceSchedules.optimum(instance)
            #expect(solution.objective == best, "not optimal: \(solution.objective) < \(best) in \(instance)")
            #expect(solution.bound >= best, "bound \(solution.bound) below the optimum \(best) in \(instance)")
            Self.expectValid(instance, solution)
            if solution.method == .general { general += 1 }
        }
        #expect(general > 150)
    }

    @Test func tightGeneralInstancesMatchExhaustiveSearch() throws {
        var random = SplitMix64(seed: 99)
        var heuristicShort = 0
        for _ in 0..<600 {
            let instance = SmallSchedules.tight(&random)
            let problem = try CompiledSchedule(instance)
            let solution = MeetingScheduler.solve(problem)
            let best = BruteForceSchedules.optimum(instance)
            #expect(solution.objective == best, "not optimal: \(solution.objective) < \(best) in \(instance)")
            #expect(solution.bound >= best && solution.exact, "bound \(solution.bound), optimum \(best) in \(instance)")
            Self.expectValid(instance, solution)
            if MeetingScheduler.solve(problem, search: false).objective < best { heuristicShort += 1 }
        }
        // Branch and bound does real work here: the heuristic alone falls short now and then.
        #expect(heuristicShort > 0)
    }

    /// The relaxation bound and the heuristic without branch and bound, on the same instances:
    /// the bound is never below the optimum, and the heuristic alone reaches it almost always.
    @Test func heuristicAloneAndBoundOnSmallGeneralInstances() throws {
        var random = SplitMix64(seed: 77)
        var found = 0, optimal = 0
        for _ in 0..<400 {
            let instance = SmallSchedules.random(&random, twoSided: false, locks: random.next() % 2 == 0)
            let solution = MeetingScheduler.solve(try CompiledSchedule(instance), search: false)
            let best = BruteForceSchedules.optimum(instance)
            #expect(solution.bound >= best, "bound \(solution.bound) below the optimum \(best) in \(instance)")
            #expect(solution.objective <= best)
            Self.expectValid(instance, solution)
            found += solution.objective
            optimal += best
        }
        #expect(Double(found) >= 0.998 * Double(optimal), "heuristic alone: \(found) of \(optimal)")
    }

    @Test func generatedEventsKeepEveryRuleAndCloseTheGap() throws {
        for (twoSided, seed) in [(true, UInt64(1)), (false, 2), (false, 3)] {
            let instance = GeneratedSchedule.instance(participants: 150, requests: 600, slots: 16, tables: 40, twoSided: twoSided, seed: seed)
            let solution = try MeetingScheduler.solve(instance)
            Self.expectValid(instance, solution)
            #expect(solution.method == (twoSided ? .twoSided : .general))
            #expect(solution.gap <= 0.002, "gap \(solution.gap)")
            if twoSided { #expect(solution.exact) }
        }
    }

    @Test func tablesBindInATightTwoSidedEvent() throws {
        // 40 people can meet 20 at a time but there are 3 tables: the cap slots × tables binds.
        let instance = GeneratedSchedule.instance(participants: 40, requests: 200, slots: 6, tables: 3, twoSided: true, seed: 5)
        let solution = try MeetingScheduler.solve(instance)
        Self.expectValid(instance, solution)
        #expect(solution.meetings.count == 18 && solution.exact)
        #expect(solution.reasons.contains { $0.reason == .noTable })
    }

    /// Medium two-sided events with few slots and tables: the colouring must fit every chosen
    /// meeting (Kempe chains, then de Werra's balancing), whatever the previous schedule says.
    @Test func twoSidedColouringAlwaysFitsTheChosenMeetings() throws {
        var random = SplitMix64(seed: 12)
        for seed in 0..<40 {
            let slots = 2 + Int(random.next() % 5), tables = 1 + Int(random.next() % 8)
            var instance = GeneratedSchedule.instance(participants: 30, requests: 150, slots: slots, tables: tables, twoSided: true, seed: UInt64(seed))
            if seed % 2 == 1 {
                instance.previous = instance.requests.prefix(40).map {
                    .init(request: $0.id, slot: Int(random.next() % UInt64(slots)), table: Int(random.next() % UInt64(tables)))
                }
            }
            let solution = try MeetingScheduler.solve(instance)
            #expect(solution.method == .twoSided && solution.exact)
            Self.expectValid(instance, solution)
        }
    }

    @Test func sameAnswerForTheSameInstanceInAnyOrder() throws {
        var instance = GeneratedSchedule.instance(participants: 60, requests: 240, slots: 10, tables: 12, twoSided: false, seed: 9)
        let first = try MeetingScheduler.solve(instance)
        #expect(try MeetingScheduler.solve(instance) == first)
        var random = SplitMix64(seed: 3)
        instance.participants.shuffle(using: &random)
        instance.requests.shuffle(using: &random)
        for k in instance.requests.indices where random.next() % 2 == 0 { instance.requests[k].between.reverse() }
        #expect(try MeetingScheduler.solve(instance) == first)
    }

    @Test func lockedMeetingsStayWhereStaffPutThem() throws {
        var instance = GeneratedSchedule.instance(participants: 80, requests: 300, slots: 12, tables: 20, twoSided: true, seed: 11)
        let free = try MeetingScheduler.solve(instance)
        // Lock a tenth of the placed meetings one slot later, the first two at tables 0 and 1,
        // keeping each lock only if the locks so far still keep the rules.
        var locks: [ScheduleInstance.LockedMeeting] = []
        for meeting in free.meetings.prefix(free.meetings.count / 10) where meeting.slot + 1 < instance.slots {
            var trial = instance
            trial.locked = locks + [.init(request: meeting.request, slot: meeting.slot + 1, table: locks.count < 2 ? locks.count : nil)]
            if (try? trial.validated()) != nil { locks = trial.locked }
        }
        #expect(locks.count >= 5)
        instance.locked = locks
        let solution = try MeetingScheduler.solve(instance)
        #expect(solution.method == .general)
        Self.expectValid(instance, solution)
        #expect(solution.gap <= 0.002)
        #expect(solution.objective >= free.objective - 5 * locks.count)
    }

    @Test func resolvingWithThePreviousScheduleMovesNothing() throws {
        for twoSided in [true, false] {
            var instance = GeneratedSchedule.instance(participants: 100, requests: 400, slots: 12, tables: 25, twoSided: twoSided, seed: 21)
            let first = try MeetingScheduler.solve(instance)
            instance.previous = first.meetings
            let again = try MeetingScheduler.solve(instance)
            Self.expectValid(instance, again)
            #expect(again.objective == first.objective)
            #expect(again.moved == 0, "two-sided: \(twoSided)")
            let changed = Set(again.meetings).symmetricDifference(first.meetings)
            #expect(changed.isEmpty, "two-sided: \(twoSided), changed: \(changed.map(\.request).sorted())")
        }
    }

    @Test func previousScheduleIsOnlyATieBreak() throws {
        // The previous schedule put the low-priority meeting in the only slot; the better one wins.
        let instance = ScheduleInstance(slots: 1, tables: 1,
                                        participants: [.init(id: "a"), .init(id: "b"), .init(id: "c")],
                                        requests: [.init(id: "low", between: ["a", "b"], priority: 1), .init(id: "high", between: ["a", "c"], priority: 4)],
                                        previous: [.init(request: "low", slot: 0, table: 0)])
        let solution = try MeetingScheduler.solve(instance)
        #expect(solution.meetings == [.init(request: "high", slot: 0, table: 0)])
        #expect(solution.moved == 1)
        Self.expectValid(instance, solution)
    }

    @Test func secondaryObjectivesNeverLowerThePrimary() throws {
        var random = SplitMix64(seed: 8)
        for _ in 0..<100 {
            let instance = SmallSchedules.random(&random, twoSided: random.next() % 2 == 0)
            let problem = try CompiledSchedule(instance)
            let solution = MeetingScheduler.solve(problem)
            #expect(solution.objective == BruteForceSchedules.optimum(instance))
        }
        // A day with a hole: a (free 0–3) meets b in 0 and c in 3; compaction closes the gap.
        let instance = ScheduleInstance(slots: 4, tables: 2,
                                        participants: [.init(id: "a"), .init(id: "b", available: [0, 1]), .init(id: "c", available: [1, 2, 3])],
                                        requests: [.init(id: "ab", between: ["a", "b"], priority: 3), .init(id: "ac", between: ["a", "c"], priority: 3)])
        let solution = try MeetingScheduler.solve(instance)
        #expect(solution.objective == 6 && solution.idleSlots == 0)
        Self.expectValid(instance, solution)
    }

    @Test func reasonsNameWhyARequestIsLeftOut() throws {
        let people: [ScheduleInstance.Participant] = [
            .init(id: "a", maxMeetings: 1), .init(id: "b"), .init(id: "c"),
            .init(id: "d", available: [0]), .init(id: "e", available: [1]), .init(id: "f"), .init(id: "g"), .init(id: "h"), .init(id: "i"),
        ]
        let instance = ScheduleInstance(slots: 2, tables: 1, participants: people, requests: [
            .init(id: "r1", between: ["a", "b"], priority: 5),
            .init(id: "r2", between: ["a", "c"], priority: 1),   // a's limit
            .init(id: "r3", between: ["d", "e"], priority: 5),   // never available together
            .init(id: "r4", between: ["f", "g"], priority: 1),   // one of r4 and r5 takes slot 0's table;
            .init(id: "r5", between: ["h", "i"], priority: 1),   // the other finds every table taken
        ], locked: [.init(request: "r1", slot: 1)])
        let solution = try MeetingScheduler.solve(instance)
        Self.expectValid(instance, solution)
        let reasons = Dictionary(uniqueKeysWithValues: solution.reasons.map { ($0.request, $0) })
        #expect(reasons["r2"]?.reason == .participantLimit && reasons["r2"]?.participant == "a")
        #expect(reasons["r3"]?.reason == .noCommonSlot)
        #expect(solution.meetings.count == 2 && solution.objective == 6)
        let lastTwo = [reasons["r4"]?.reason, reasons["r5"]?.reason]
        #expect(lastTwo == [nil, .noTable] || lastTwo == [.noTable, nil])
        #expect(reasons["r2"]?.detail == "participant \"a\" has reached maxMeetings (1)")
    }

    @Test func emptyAndDegenerateEvents() throws {
        let empty = try MeetingScheduler.solve(ScheduleInstance(slots: 0, tables: 0, participants: [], requests: []))
        #expect(empty.meetings.isEmpty && empty.objective == 0 && empty.bound == 0 && empty.exact)
        let noTables = ScheduleInstance(slots: 3, tables: 0, participants: [.init(id: "a"), .init(id: "b")],
                                        requests: [.init(id: "m", between: ["a", "b"], priority: 2)])
        let solution = try MeetingScheduler.solve(noTables)
        #expect(solution.unscheduled == ["m"] && solution.reasons.first?.reason == .noTable && solution.exact)
        Self.expectValid(noTables, solution)
    }
}
