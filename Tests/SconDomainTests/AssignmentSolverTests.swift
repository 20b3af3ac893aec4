import Testing
@testable import SconDomain

@Suite struct AssignmentSolverTests {
    /// The best value of Σ affinity − balancing penalty over every feasible assignment, by
    /// enumerating each proposal's reviewer sets; nil when none exists.
    static func bruteForce(_ instance: AssignmentInstance) -> Int? {
        var best: Int?
        BruteForceAssignments.enumerate(instance) { totals, load in
            let value = totals.reduce(0, +) - load.reduce(0) { $0 + instance.loadBalancing * $1 * ($1 - 1) / 2 }
            if best == nil || value > best! { best = value }
        }
        return best
    }

    static func randomInstance(_ random: inout SplitMix64, balancing: Bool, pins: Bool) -> AssignmentInstance {
        let proposals = 2 + Int(random.next() % 3)
        let reviewers = 2 + Int(random.next() % 3)
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
                case 1...6: affinity.append(.init(proposal: p, reviewer: r, score: Int(random.next() % 20)))
                default: break
                }
            }
        }
        if pins, let first = proposalIDs.first, let reviewer = reviewerList.first(where: { $0.capacity > 0 }),
           !conflicts.contains(.init(proposal: first, reviewer: reviewer.id)) {
            pinned.append(.init(proposal: first, reviewer: reviewer.id))
        }
        return AssignmentInstance(reviewsPerProposal: k, proposals: proposalIDs, reviewers: reviewerList, affinity: affinity,
                                  conflicts: conflicts, pinned: pinned, loadBalancing: balancing ? Int(random.next() % 6) : 0)
    }

    static func checkValid(_ result: AssignmentResult, _ instance: AssignmentInstance) {
        let conflicts = Set(instance.conflicts)
        var perProposal: [String: Set<String>] = [:]
        var perReviewer: [String: Int] = [:]
        for pair in result.assignments {
            #expect(!conflicts.contains(pair), "conflicted pair assigned: \(pair)")
            #expect(perProposal[pair.proposal, default: []].insert(pair.reviewer).inserted, "pair twice: \(pair)")
            perReviewer[pair.reviewer, default: 0] += 1
        }
        for proposal in instance.proposals { #expect(perProposal[proposal]?.count == instance.reviewsPerProposal) }
        for reviewer in instance.reviewers { #expect(perReviewer[reviewer.id, default: 0] <= reviewer.capacity) }
        for pin in instance.pinned { #expect(result.assignments.contains(pin)) }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matchesBruteForceOnSmallInstances(balancing: Bool, pins: Bool) throws {
        var random = SplitMix64(seed: (balancing ? 11 : 7) + (pins ? 100 : 0))
        var solved = 0
        var refused = 0
        for _ in 0..<300 {
            let instance = Self.randomInstance(&random, balancing: balancing, pins: pins)
            let best = Self.bruteForce(instance)
            do {
                let solution = try AssignmentSolver.solution(of: instance)
                let result = solution.result
                #expect(best != nil, "solver found an assignment brute force did not: \(instance)")
                #expect(result.objective - (result.balancingPenalty ?? 0) == best, "not optimal: \(instance)")
                #expect(solution.isOptimal)
                Self.checkValid(result, instance)
                solved += 1
            } catch {
                #expect(best == nil, "solver refused a feasible instance (\(error)): \(instance)")
                refused += 1
            }
        }
        #expect(solved > 50 && refused > 10, "the random instances should exercise both outcomes (\(solved) solved, \(refused) refused)")
    }

    @Test func largerGeneratedInstanceIsFeasibleAndCertifiedOptimal() throws {
        let instance = GeneratedAssignment.instance(proposals: 120, reviewers: 30, reviewsPerProposal: 3, seed: 5)
        let solution = try AssignmentSolver.solution(of: instance)
        #expect(solution.isOptimal)
        Self.checkValid(solution.result, instance)
    }

    @Test func explainsWhyNoAssignmentExists() {
        let reviewers = [AssignmentInstance.Reviewer(id: "r1", capacity: 1), .init(id: "r2", capacity: 1)]
        #expect(throws: AssignmentError.insufficientCapacity(needed: 4, available: 2)) {
            try AssignmentSolver.solve(.init(reviewsPerProposal: 2, proposals: ["p1", "p2"], reviewers: reviewers))
        }
        #expect(throws: AssignmentError.tooFewEligibleReviewers(proposal: "p1", eligible: 1, needed: 2)) {
            try AssignmentSolver.solve(.init(reviewsPerProposal: 2, proposals: ["p1"],
                                             reviewers: [.init(id: "r1", capacity: 5), .init(id: "r2", capacity: 5)],
                                             conflicts: [.init(proposal: "p1", reviewer: "r2")]))
        }
        // Enough capacity in total and per proposal, but p1 and p2 both can only use r1.
        #expect(throws: AssignmentError.noAssignment(proposal: "p2")) {
            try AssignmentSolver.solve(.init(reviewsPerProposal: 1, proposals: ["p1", "p2", "p3"],
                                             reviewers: [.init(id: "r1", capacity: 1), .init(id: "r2", capacity: 2)],
                                             conflicts: [.init(proposal: "p1", reviewer: "r2"), .init(proposal: "p2", reviewer: "r2")]))
        }
    }

    @Test func refusesMalformedInstancesNamingTheCause() {
        let reviewers = [AssignmentInstance.Reviewer(id: "r1", capacity: 3)]
        let cases: [(AssignmentInstance, String)] = [
            (.init(reviewsPerProposal: 0, proposals: ["p1"], reviewers: reviewers), "reviewsPerProposal"),
            (.init(reviewsPerProposal: 1, proposals: ["p1", "p1"], reviewers: reviewers), "p1 is listed twice"),
            (.init(reviewsPerProposal: 1, proposals: ["p1"], reviewers: reviewers,
                   affinity: [.init(proposal: "p1", reviewer: "r1", score: -3)]), "score"),
            (.init(reviewsPerProposal: 1, proposals: ["p1"], reviewers: reviewers,
                   affinity: [.init(proposal: "p9", reviewer: "r1", score: 3)]), "unknown proposal p9"),
            (.init(reviewsPerProposal: 1, proposals: ["p1"], reviewers: reviewers,
                   conflicts: [.init(proposal: "p1", reviewer: "r1")], pinned: [.init(proposal: "p1", reviewer: "r1")]), "conflict"),
        ]
        for (instance, cause) in cases {
            do {
                _ = try AssignmentSolver.solve(instance)
                Issue.record("accepted an instance with \(cause)")
            } catch {
                #expect("\(error)".contains(cause), "\(error) should name \(cause)")
            }
        }
    }

    @Test func balancingSpreadsLoadWhenAffinitiesAreClose() throws {
        let proposals = ["p1", "p2", "p3", "p4"]
        let reviewers = [AssignmentInstance.Reviewer(id: "r1", capacity: 4), .init(id: "r2", capacity: 4)]
        // r1 is slightly better for everything: without balancing it takes all four.
        let affinity = proposals.flatMap { [AssignmentInstance.Affinity(proposal: $0, reviewer: "r1", score: 11),
                                            .init(proposal: $0, reviewer: "r2", score: 10)] }
        let plain = try AssignmentSolver.solve(.init(reviewsPerProposal: 1, proposals: proposals, reviewers: reviewers, affinity: affinity))
        #expect(plain.assignments.allSatisfy { $0.reviewer == "r1" })
        #expect(plain.objective == 44)
        let balanced = try AssignmentSolver.solve(.init(reviewsPerProposal: 1, proposals: proposals, reviewers: reviewers,
                                                        affinity: affinity, loadBalancing: 2))
        #expect(balanced.assignments.filter { $0.reviewer == "r1" }.count == 2)
        #expect(balanced.objective == 42)
        #expect(balanced.balancingPenalty == 4)
    }
}
