import Foundation
import SconDomain
import Vapor

/// `scon bench assignment [--runs N]`: times the exact reviewer assignment on generated
/// instances (heavy-tailed affinities, 2% conflicts) and checks each answer's optimality
/// certificate. Prints a Markdown table.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to measure: assignment")
        var what: String
        @Option(name: "runs", help: "Timed runs per instance (default 5).")
        var runs: Int?
    }

    var help: String { "Benchmarks: assignment (the HTTP benchmark is bench/http.sh)." }

    static let assignmentSizes = [(proposals: 500, reviewers: 100, k: 3), (proposals: 2_000, reviewers: 300, k: 3)]

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "assignment" else {
            CommandFailure("unknown benchmark \(signature.what); use: scon bench assignment (HTTP: bench/http.sh)").exit()
        }
        let runs = max(1, signature.runs ?? 5)
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
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", value)
    }
}
