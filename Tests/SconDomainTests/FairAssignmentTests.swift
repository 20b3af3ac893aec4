import Testing
@testable import SconDomain

@Suite struct FairAssignmentTests {
    /// The best (weakest proposal's total, total) over every feasible assignment, by
    /// enumerating each proposal's reviewer sets; nil when none exists.
    static func bruteForce(_ instance: AssignmentInstance) -> (weakest: Int, total: Int)? {
        var best: (weakest: Int, total: Int)?
        BruteForceAssignments.enumerate(instance) { totals, _ in
            let value = (weakest: totals.min() ?? .max, total: totals.reduce(0, +))
            if best == nil || value > best! { best = value }
        }
        return best
    }

    static func randomInstance(_ random: inout SplitMix64, pins: Bool) -> AssignmentInstance {
        let proposals = 2 + Int(random.next() % 4)
        let reviewers = 2 + Int(random.next() % 4)
        let k = 1 + Int(random.next() % UInt64(min(2, reviewers)))
        let proposalIDs = (0..<proposals).map { "p\($0)" }
        let reviewerList = (0..<reviewers).map { AssignmentInstance.Reviewer(id: "r\($0)", capacity: Int(random.next() % 4)) }
        var affinity: [AssignmentInstance.Affinity] = []
        var conflicts: [AssignmentInstance.Pair] = []
        var pinned: [AssignmentInstance.Pair] = []
        for p in proposalIDs {
            for r in reviewerList.map(\.id) {
                switch random.next() % 10 {
                case 0: conflicts.append(.init(proposal: p, reviewer: r))
                case 1 where pins && pinned.filter({ $0.proposal == p }).count < k && pinned.filter({ $0.reviewer == r }).count == 0:
                    pinned.append(.init(proposal: p, reviewer: r))
                default:
                    // Heavy-tailed, with ties, as expertise scores are.
                    let u = Double(random.next() % 1000) / 1000
                    affinity.append(.init(proposal: p, reviewer: r, score: Int(100 * u * u * u)))
                }
            }
        }
        return AssignmentInstance(reviewsPerProposal: k, proposals: proposalIDs, reviewers: reviewerList, affinity: affinity,
                                  conflicts: conflicts, pinned: pinned.filter { pair in
                                      reviewerList.first { $0.id == pair.reviewer }!.capacity > 0
                                  }, fairness: true)
    }

    static func weakest(_ result: AssignmentResult, _ instance: AssignmentInstance) -> Int {
        var score: [String: Int] = [:]
        for entry in instance.affinity { score["\(entry.proposal)|\(entry.reviewer)"] = entry.score }
        return instance.proposals.map { p in
            result.assignments.filter { $0.proposal == p }.reduce(0) { $0 + (score["\(p)|\($1.reviewer)"] ?? 0) }
        }.min() ?? 0
    }

    @Test(arguments: [false, true])
    func matchesBruteForceOnSmallInstances(pins: Bool) throws {
        var random = SplitMix64(seed: pins ? 11 : 7)
        var solved = 0
        for _ in 0..<400 {
            let instance = Self.randomInstance(&random, pins: pins)
            let expected = Self.bruteForce(instance)
            do {
                let result = try AssignmentSolver.solve(instance)
                let expected = try #require(expected, "the solver found an assignment brute force did not: \(instance)")
                AssignmentSolverTests.checkValid(result, instance)
                let report = try #require(result.fairness)
                #expect(report.proven)
                #expect(report.totalProven)
                #expect(report.weakest == expected.weakest, "\(instance)")
                #expect(Self.weakest(result, instance) == report.weakest)
                #expect(result.objective == expected.total, "\(instance)")
                #expect(report.weakestBound == report.weakest)
                #expect(report.totalBound == result.objective)
                solved += 1
            } catch {
                #expect(expected == nil, "the solver refused a solvable instance: \(error)")
            }
        }
        #expect(solved > 150)
    }

    @Test func liftsTheWeakestProposalAtTheCostOfTheTotal() throws {
        // r1 is the expert for both. The largest total gives r1 to p1 (100 + 0, weakest 0);
        // fairness gives r1 to p2 and r2 to p1 (10 + 60, weakest 10).
        let instance = AssignmentInstance(
            reviewsPerProposal: 1, proposals: ["p1", "p2"],
            reviewers: [.init(id: "r1", capacity: 1), .init(id: "r2", capacity: 1)],
            affinity: [.init(proposal: "p1", reviewer: "r1", score: 100), .init(proposal: "p2", reviewer: "r1", score: 60),
                       .init(proposal: "p1", reviewer: "r2", score: 10)])
        let total = try AssignmentSolver.solve(instance)
        #expect(total.objective == 100)
        #expect(total.fairness == nil)
        var fair = instance
        fair.fairness = true
        let result = try AssignmentSolver.solve(fair)
        #expect(result.fairness == FairnessReport(weakest: 10, weakestBound: 10, proven: true, totalBound: 70, totalProven: true))
        #expect(result.assignments == [.init(proposal: "p1", reviewer: "r2"), .init(proposal: "p2", reviewer: "r1")])
        #expect(result.objective == 70)
    }

    @Test func aGeneratedCallSizedInstanceIsProvedAndNoWorseThanMaxTotal() throws {
        var instance = GeneratedAssignment.instance(proposals: 30, reviewers: 15, reviewsPerProposal: 3, seed: 5)
        let total = try AssignmentSolver.solve(instance)
        instance.fairness = true
        let fair = try AssignmentSolver.solve(instance)
        AssignmentSolverTests.checkValid(fair, instance)
        let report = try #require(fair.fairness)
        #expect(report.weakest >= Self.weakest(total, instance))
        #expect(report.weakest <= report.weakestBound)
        #expect(fair.objective <= total.objective)
    }

    @Test func refusesFairnessWithBalancing() {
        #expect(throws: AssignmentError.invalid("fairness and loadBalancing cannot be combined")) {
            try AssignmentSolver.solve(.init(reviewsPerProposal: 1, proposals: ["p1"], reviewers: [.init(id: "r1", capacity: 1)],
                                             loadBalancing: 5, fairness: true))
        }
    }
}
