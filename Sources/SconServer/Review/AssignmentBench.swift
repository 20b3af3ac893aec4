import Foundation
import SconDomain
import Vapor

/// `scon bench assignment [--runs N]`: times the exact reviewer assignment on generated
/// instances (heavy-tailed affinities, 2% conflicts) and checks each answer's optimality
/// certificate; then the fairness option on contested instances. Prints Markdown tables.
enum AssignmentBench {
    static let assignmentSizes = [(proposals: 500, reviewers: 100, k: 3), (proposals: 2_000, reviewers: 300, k: 3)]

    static func run(runs: Int?, context: CommandContext) throws {
        let runs = max(1, runs ?? 5)
        let clock = ContinuousClock()
        context.console.print("| instance | pairs | median s | min s | objective | optimality certificate |")
        context.console.print("|---|---:|---:|---:|---:|---|")
        for size in Self.assignmentSizes {
            let instance = GeneratedAssignment.instance(proposals: size.proposals, reviewers: size.reviewers, reviewsPerProposal: size.k)
            var times: [Duration] = []
            var solution: AssignmentSolution?
            for _ in 0..<runs {
                let start = clock.now
                solution = try AssignmentSolver.solution(of: instance)
                times.append(clock.now - start)
            }
            guard let solution else { continue }
            times.sort()
            let certified = solution.isOptimal ? "holds" : "FAILS"
            context.console.print("| \(size.proposals)×\(size.reviewers), k=\(size.k) | \(size.proposals * size.reviewers) | "
                + "\(Self.seconds(times[times.count / 2])) | \(Self.seconds(times[0])) | \(solution.result.objective) | \(certified) |")
        }
        try fairness(runs: runs, context: context)
    }

    /// The fairness option on a call-sized instance and the two large ones: time, the weakest
    /// proposal against the max-total assignment's weakest, and what was proved.
    private static func fairness(runs: Int, context: CommandContext) throws {
        let clock = ContinuousClock()
        context.console.print("")
        context.console.print("Fairness option on contested instances (GeneratedAssignment.contested: shared experts, niche proposals):")
        context.console.print("| fairness | median s | weakest (max-total's) | bound | proven | total (max-total's) |")
        context.console.print("|---|---:|---:|---:|---|---:|")
        for size in [(proposals: 40, reviewers: 20, k: 3)] + Self.assignmentSizes {
            var instance = GeneratedAssignment.contested(proposals: size.proposals, reviewers: size.reviewers, reviewsPerProposal: size.k)
            let plain = try AssignmentSolver.solve(instance)
            instance.fairness = true
            var times: [Duration] = []
            var result: AssignmentResult?
            for _ in 0..<runs {
                let start = clock.now
                result = try AssignmentSolver.solve(instance)
                times.append(clock.now - start)
            }
            guard let result, let report = result.fairness else { continue }
            times.sort()
            let plainWeakest = Self.weakest(plain, instance)
            context.console.print("| \(size.proposals)×\(size.reviewers), k=\(size.k) | \(Self.seconds(times[times.count / 2])) | "
                + "\(report.weakest) (\(plainWeakest)) | \(report.weakestBound) | \(report.proven ? "yes" : "no") | \(result.objective) (\(plain.objective)) |")
        }
    }

    private static func weakest(_ result: AssignmentResult, _ instance: AssignmentInstance) -> Int {
        let score = Dictionary(instance.affinity.map { ("\($0.proposal)|\($0.reviewer)", $0.score) }, uniquingKeysWith: max)
        var totals = Dictionary(uniqueKeysWithValues: instance.proposals.map { ($0, 0) })
        for pair in result.assignments { totals[pair.proposal, default: 0] += score["\(pair.proposal)|\(pair.reviewer)"] ?? 0 }
        return totals.values.min() ?? 0
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", value)
    }
}
