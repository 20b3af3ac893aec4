import Foundation
import SconDomain
import Vapor

/// `scon solve NAME < instance.json > solution.json`: a context's solver as a filter
/// (`assignment`: docs/assignment.md). On a bad or unsolvable instance it writes the reason to
/// standard error and exits with status 1.
struct SolveCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "problem", help: "What to solve")
        var problem: String
    }

    var help: String { "Solves a problem read as JSON from standard input: \(Self.solvers.keys.sorted().joined(separator: ", "))." }

    static var solvers: [String: @Sendable (Data) throws -> Data] {
        SconContexts.all.reduce(into: [:]) { $0.merge($1.tools.solvers) { first, _ in first } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let solver = Self.solvers[signature.problem] else {
            CommandFailure("unknown problem \(signature.problem); use: scon solve \(Self.solvers.keys.sorted().joined(separator: " | ")) < instance.json").exit()
        }
        do {
            FileHandle.standardOutput.write(try solver(FileHandle.standardInput.readDataToEndOfFile()))
        } catch let failure as CommandFailure {
            failure.exit()
        } catch {
            CommandFailure("\(error)").exit()
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
