import Foundation
import SconDomain
import Vapor

/// `scon solve assignment` and `scon bench assignment`: the exact reviewer assignment
/// (docs/assignment.md) as a filter, and its timings on generated instances.
enum AssignmentCommandLine {
    /// The answer to an instance in JSON, or a `CommandFailure` naming why there is none.
    static func solve(_ input: Data) throws(CommandFailure) -> Data {
        let instance: AssignmentInstance
        do {
            instance = try JSONDecoder().decode(AssignmentInstance.self, from: input)
        } catch {
            throw CommandFailure("invalid instance: the input is not an assignment instance in JSON (\(describe(error)))")
        }
        let result: AssignmentResult
        do {
            result = try AssignmentSolver.solve(instance)
        } catch {
            throw CommandFailure("\(error)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ((try? encoder.encode(result)) ?? Data()) + Data("\n".utf8)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}
