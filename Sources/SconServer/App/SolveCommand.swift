import Foundation
import SconDomain
import Vapor

/// `scon solve assignment < instance.json > assignment.json`: the exact reviewer assignment
/// (docs/assignment.md) as a filter. On a bad or unsolvable instance it writes the reason to
/// standard error and exits with status 1.
struct SolveCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "problem", help: "What to solve: assignment")
        var problem: String
    }

    var help: String { "Solves a problem read as JSON from standard input: assignment." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.problem == "assignment" else {
            CommandFailure("unknown problem \(signature.problem); use: scon solve assignment < instance.json").exit()
        }
        do {
            FileHandle.standardOutput.write(try Self.solveAssignment(FileHandle.standardInput.readDataToEndOfFile()))
        } catch {
            error.exit()
        }
    }

    /// The answer to an instance in JSON, or a `CommandFailure` naming why there is none.
    static func solveAssignment(_ input: Data) throws(CommandFailure) -> Data {
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

/// A command that failed for a reason its user can act on: it prints the message to standard
/// error and exits with `status`, without the framework's error log around it.
public struct CommandFailure: Error, CustomStringConvertible {
    public let message: String
    public let status: Int32

    public init(_ message: String, status: Int32 = 1) {
        self.message = message
        self.status = status
    }

    public var description: String { message }

    public func exit() -> Never {
        FileHandle.standardError.write(Data("scon: \(message)\n".utf8))
        Foundation.exit(status)
    }
}
