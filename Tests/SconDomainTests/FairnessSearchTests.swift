import Foundation
import Testing
@testable import SconDomain

/// The parts under the fairness option: the flow that is repaired instead of solved anew, the
/// search on contested instances (where the weakest proposal's own best is out of reach), the
/// time limit and the report's JSON, and the issue-16 generator.
@Suite struct FairnessSearchTests {
    static func randomProblem(_ random: inout SplitMix64) throws -> CompiledAssignment {
        let proposals = 3 + Int(random.next() % 6)
        let reviewers = 3 + Int(random.next() % 4)
        let k = 1 + Int(random.next() % UInt64(min(3, reviewers)))
        var affinity: [AssignmentInstance.Affinity] = []
        var conflicts: [AssignmentInstance.Pair] = []
        for p in 0..<proposals {
            for r in 0..<reviewers {
                if random.next() % 8 == 0 { conflicts.append(.init(proposal: "p\(p)", reviewer: "r\(r)")) }
                else { affinity.append(.init(proposal: "p\(p)", reviewer: "r\(r)", score: Int(random.next() % 50))) }
            }
        }
        let instance = AssignmentInstance(
            reviewsPerProposal: k, proposals: (0..<proposals).map { "p\($0)" },
            reviewers: (0..<reviewers).map { .init(id: "r\($0)", capacity: 1 + Int(random.next() % UInt64(proposals))) },
            affinity: affinity, conflicts: conflicts)
        return try CompiledAssignment(instance)
    }

    /// The same network solved from nothing: what the repaired flow must equal.
    static func fresh(like flow: WeightedAssignmentFlow, _ problem: CompiledAssignment) -> WeightedAssignmentFlow? {
        var fresh = WeightedAssignmentFlow(problem, multiplier: flow.multiplier)
        for p in 0..<problem.proposalCount {
            for r in 0..<problem.reviewerCount where flow.blocked[p * problem.reviewerCount + r] { fresh.block(p, r) }
            fresh.setDemand(p, flow.demand[p])
        }
        for r in 0..<problem.reviewerCount {
            for _ in 0..<(problem.capacity[r] - flow.capacity[r]) { _ = fresh.shrink(r) }
        }
        return fresh.routeAll() ? fresh : nil
    }

    @Test func theRepairedFlowStaysOptimal() throws {
        var random = SplitMix64(seed: 16)
        var checked = 0
        for _ in 0..<300 {
            let problem = try Self.randomProblem(&random)
            var flow = WeightedAssignmentFlow(problem)
            guard flow.routeAll() else { continue }
            for _ in 0..<12 {
                let p = Int(random.next() % UInt64(problem.proposalCount))
                let r = Int(random.next() % UInt64(problem.reviewerCount))
                var saved = flow
                switch random.next() % 4 {
                case 0:
                    flow.withdraw(p)
                    flow.reweigh(p, Int64(random.next() % 5))
                    guard flow.route(p) else { flow = saved; continue }
                case 1:
                    flow.withdraw(p)
                    flow.block(p, r)
                    guard flow.route(p) else { flow = saved; continue }
                case 2:
                    guard flow.capacity[r] > 0, flow.shrink(r) else { flow = saved; continue }
                default:
                    guard flow.demand[p] > 0 else { continue }
                    flow.withdraw(p)
                    flow.setDemand(p, flow.demand[p] - 1)
                    guard flow.route(p) else { flow = saved; continue }
                }
                saved = flow
                #expect(flow.complete)
                #expect(flow.certifiesOptimality())
                let fresh = try #require(Self.fresh(like: flow, problem), "the fresh flow found no assignment the repaired one has")
                #expect(fresh.totalWeight == flow.totalWeight)
                checked += 1
            }
        }
        #expect(checked > 1_000)
    }

    /// Small instances where every proposal wants the same one or two experts of small
    /// capacity, so the weakest proposal's own best reviewers are rarely all available.
    static func contestedInstance(_ random: inout SplitMix64) -> AssignmentInstance {
        let proposals = 3 + Int(random.next() % 3)
        let reviewers = 3 + Int(random.next() % 3)
        let k = 1 + Int(random.next() % 3)
        let standing = (0..<reviewers).map { _ in Int(random.next() % 3 == 0 ? 60 + random.next() % 40 : random.next() % 20) }
        var affinity: [AssignmentInstance.Affinity] = []
        var conflicts: [AssignmentInstance.Pair] = []
        for p in 0..<proposals {
            for r in 0..<reviewers {
                if random.next() % 10 == 0 { conflicts.append(.init(proposal: "p\(p)", reviewer: "r\(r)")); continue }
                affinity.append(.init(proposal: "p\(p)", reviewer: "r\(r)", score: standing[r] / 2 + Int(random.next() % UInt64(1 + standing[r] / 2))))
            }
        }
        let needed = proposals * k
        var capacity = (0..<reviewers).map { _ in 1 + Int(random.next() % UInt64(max(1, needed / reviewers))) }
        var index = 0
        while capacity.reduce(0, +) < needed { capacity[index % reviewers] += 1; index += 1 }
        return AssignmentInstance(reviewsPerProposal: k, proposals: (0..<proposals).map { "p\($0)" },
                                  reviewers: (0..<reviewers).map { .init(id: "r\($0)", capacity: capacity[$0]) },
                                  affinity: affinity, conflicts: conflicts, fairness: true)
    }

    @Test func contestedInstancesMatchBruteForce() throws {
        var random = SplitMix64(seed: 1_601)
        var solved = 0, belowOwnBest = 0
        for _ in 0..<250 {
            let instance = Self.contestedInstance(&random)
            let expected = FairAssignmentTests.bruteForce(instance)
            guard let result = try? AssignmentSolver.solve(instance) else {
                #expect(expected == nil, "the solver refused a solvable instance: \(instance)")
                continue
            }
            let best = try #require(expected, "the solver found an assignment brute force did not: \(instance)")
            AssignmentSolverTests.checkValid(result, instance)
            let report = try #require(result.fairness)
            #expect(report.proven && report.totalProven)
            #expect(report.weakest == best.weakest, "\(instance)")
            #expect(result.objective == best.total, "\(instance)")
            #expect(report.weakestBound == best.weakest && report.totalBound == best.total)
            let problem = try CompiledAssignment(instance)
            if (FairAssignment.bestSets(problem, pinnedSum: [Int](repeating: 0, count: problem.proposalCount)).min() ?? 0) > best.weakest {
                belowOwnBest += 1
            }
            solved += 1
        }
        #expect(solved > 150)
        // The instances exercise the case the search exists for.
        #expect(belowOwnBest > 40)
    }

    @Test func capacityPricesNeverCutTheOptimumOff() throws {
        var random = SplitMix64(seed: 77)
        var checked = 0
        for _ in 0..<150 {
            let instance = Self.contestedInstance(&random)
            guard let best = FairAssignmentTests.bruteForce(instance) else { continue }
            let problem = try CompiledAssignment(instance)
            var flow = WeightedAssignmentFlow(problem)
            guard flow.routeAll() else { continue }
            let none = [Int](repeating: 0, count: problem.proposalCount)
            var prices = CapacityPrices(reviewers: problem.reviewerCount)
            let total = prices.descend(level: best.weakest, weight: 1, flow: flow, fixedSum: none, rounds: 100, target: .min) { _ in }
            #expect(total.map { $0 >= best.total } == true, "\(instance)")
            var existence = CapacityPrices(reviewers: problem.reviewerCount)
            let exists = existence.descend(level: best.weakest, weight: 0, flow: flow, fixedSum: none, rounds: 100, target: -1) { _ in }
            #expect(exists.map { $0 >= 0 } == true, "\(instance)")
            checked += 1
        }
        #expect(checked > 80)
    }

    @Test func theBestSetMatchesEnumeration() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let count = 1 + Int(random.next() % 9)
            let size = 1 + Int(random.next() % UInt64(min(4, count)))
            var candidates = (0..<count).map { r in (gain: Double(Int(random.next() % 60)) - 20, score: Int(random.next() % 40), reviewer: r) }
            let missing = Int(random.next() % 100)
            var expected: Double?
            func enumerate(_ start: Int, _ left: Int, _ gain: Double, _ score: Int) {
                if left == 0 {
                    if score >= missing, expected == nil || gain > expected! { expected = gain }
                    return
                }
                guard start < count else { return }
                for index in start..<count {
                    enumerate(index + 1, left - 1, gain + candidates[index].gain, score + candidates[index].score)
                }
            }
            enumerate(0, size, 0, 0)
            let byReviewer = candidates
            var hurried = candidates
            let found = CapacityPrices.bestSet(&candidates, size: size, missing: missing)
            #expect(found?.value == expected)
            if let (gain, set, exact) = found {
                #expect(exact)
                #expect(Set(set).count == size)
                #expect(set.reduce(0) { $0 + byReviewer[$1].score } >= missing)
                #expect(set.reduce(0.0) { $0 + byReviewer[$1].gain } == gain)
            }
            // Cut short, the value may only be too large, and the set still reaches the level.
            let rough = CapacityPrices.bestSet(&hurried, size: size, missing: missing, effort: 1)
            #expect((rough == nil) == (expected == nil))
            if let rough, let expected {
                #expect(rough.value >= expected)
                #expect(rough.exact || rough.value >= rough.set.reduce(0.0) { $0 + byReviewer[$1].gain })
                #expect(rough.set.reduce(0) { $0 + byReviewer[$1].score } >= missing)
            }
        }
    }

    /// Whether the state is an assignment of the problem (pins aside) with the totals it claims.
    static func isValid(_ state: FairAssignmentState, _ problem: CompiledAssignment) -> Bool {
        var load = [Int](repeating: 0, count: problem.reviewerCount)
        var pinnedSum = [Int](repeating: 0, count: problem.proposalCount)
        for (p, r) in problem.pinned { pinnedSum[p] += problem.pinnedScore(p, r) }
        for p in 0..<problem.proposalCount {
            let set = state.chosen[p]
            guard set.count == problem.demand[p], Set(set).count == set.count else { return false }
            var total = pinnedSum[p]
            for r in set {
                let score = Int(problem.score[p * problem.reviewerCount + r])
                guard score >= 0 else { return false }
                total += score
                load[r] += 1
            }
            guard total == state.totals[p] else { return false }
        }
        return (0..<problem.reviewerCount).allSatisfy { load[$0] <= problem.capacity[$0] }
    }

    @Test func theDivesAndTheLocalSearchGiveAssignmentsAtTheirLevel() throws {
        var random = SplitMix64(seed: 2_024)
        var greedyFound = 0, divesFound = 0
        for _ in 0..<150 {
            let instance = Self.contestedInstance(&random)
            guard let best = FairAssignmentTests.bruteForce(instance) else { continue }
            let problem = try CompiledAssignment(instance)
            var flow = WeightedAssignmentFlow(problem)
            guard flow.routeAll() else { continue }
            let none = [Int](repeating: 0, count: problem.proposalCount)
            let dive = LevelDive(problem: problem, pinnedSum: none, bestSets: FairAssignment.bestSets(problem, pinnedSum: none))
            for level in [best.weakest, best.weakest / 2, best.weakest + 1] {
                if let sets = dive.greedy(level: level, price: []) {
                    #expect(level <= best.weakest, "greedy sets above the optimum: \(instance)")
                    let state = dive.improve(sets, flow: flow, level: level, deadline: .now + .seconds(5))
                    #expect(Self.isValid(state, problem) && state.weakest >= level, "\(instance)")
                    greedyFound += 1
                }
                if let state = dive.dive(flow: flow, level: level, price: [], deadline: .now + .seconds(5)) {
                    #expect(Self.isValid(state, problem) && state.weakest >= level && level <= best.weakest, "\(instance)")
                    divesFound += 1
                }
            }
            let start = FairAssignment.state(of: flow, pinnedSum: none)
            var local = FairLocalSearch(problem, pinnedSum: none, start: start)
            local.improve(until: .now + .seconds(5))
            #expect(Self.isValid(local.best, problem))
            #expect((local.best.weakest, local.best.total) >= (start.weakest, start.total))
            #expect(local.best.weakest <= best.weakest)
        }
        #expect(greedyFound > 100 && divesFound > 100)
    }

    @Test func aShortTimeLimitStillAnswersWithBoundsThatHold() throws {
        var instance = GeneratedAssignment.contested(proposals: 60, reviewers: 20, reviewsPerProposal: 3, seed: 9)
        instance.fairness = true
        instance.timeLimitSeconds = 0.001
        let quick = try AssignmentSolver.solve(instance)
        AssignmentSolverTests.checkValid(quick, instance)
        let report = try #require(quick.fairness)
        #expect(report.weakest == FairAssignmentTests.weakest(quick, instance))
        #expect(report.weakest <= report.weakestBound)
        #expect(quick.objective <= report.totalBound)
        #expect(report.proven == (report.weakest == report.weakestBound))
        #expect(report.totalProven == (quick.objective == report.totalBound))
        instance.timeLimitSeconds = 30
        let full = try #require(try AssignmentSolver.solve(instance).fairness)
        #expect(full.weakest <= report.weakestBound)
        #expect(full.weakest >= report.weakest)
    }

    @Test(arguments: [0.0, -1, 3_601, .nan])
    func refusesABadTimeLimit(_ limit: Double) {
        var instance = AssignmentInstance(reviewsPerProposal: 1, proposals: ["p1"], reviewers: [.init(id: "r1", capacity: 1)], fairness: true)
        instance.timeLimitSeconds = limit
        #expect(throws: AssignmentError.invalid("timeLimitSeconds must be more than 0 and at most 3600")) {
            try AssignmentSolver.solve(instance)
        }
    }

    @Test func theTimeLimitAndTheReportTravelInJSON() throws {
        let json = #"{"reviewsPerProposal":1,"proposals":["p1"],"reviewers":[{"id":"r1","capacity":1}],"fairness":true,"timeLimitSeconds":2.5}"#
        let instance = try JSONDecoder().decode(AssignmentInstance.self, from: Data(json.utf8))
        #expect(instance.timeLimitSeconds == 2.5)
        #expect(try JSONDecoder().decode(AssignmentInstance.self, from: JSONEncoder().encode(instance)) == instance)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let result = try AssignmentSolver.solve(instance)
        let text = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(text.contains(#""fairness":{"proven":true,"totalBound":0,"totalProven":true,"weakest":0,"weakestBound":0}"#))
        // A report from before the level-2 keys still reads.
        let old = try JSONDecoder().decode(FairnessReport.self, from: Data(#"{"weakest":5,"weakestBound":7,"proven":false}"#.utf8))
        #expect(old.weakest == 5 && old.weakestBound == 7 && !old.proven && !old.totalProven)
    }

    @Test func theIssueGeneratorHasFixedCapacitiesAndMatchesThePythonBench() {
        let instance = GeneratedAssignment.fixedCapacity(proposals: 120, reviewers: 40, reviewsPerProposal: 3, seed: 1)
        #expect(instance.reviewers.count == 40 && instance.reviewers.allSatisfy { $0.capacity == 10 })
        #expect(GeneratedAssignment.fixedCapacity(proposals: 500, reviewers: 100, reviewsPerProposal: 3).reviewers[0].capacity == 17)
        #expect(GeneratedAssignment.fixedCapacity(proposals: 2_000, reviewers: 300, reviewsPerProposal: 3).reviewers[0].capacity == 22)
        // bench/fairness/instances.py gives the same numbers for seed 1.
        #expect(instance.affinity.count == 2_400)
        #expect(instance.affinity.reduce(0) { $0 + $1.score } == 382_791)
        #expect(instance.conflicts.count == 95)
        #expect(instance.affinity.first == .init(proposal: "p1", reviewer: "r4", score: 18))
        #expect(instance.conflicts.first == .init(proposal: "p2", reviewer: "r32"))
    }
}
