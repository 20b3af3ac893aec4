import Fluent
import Foundation
import SconDomain
import Vapor

/// `scon import NAME FILE`: a context's import (`marketplace`: challenges and solutions as JSON
/// Lines). A file with a bad line is refused whole, naming the line and the field, and nothing
/// is written; the command then exits 1.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to import")
        var what: String
        @Argument(name: "file", help: "The file to read (- for standard input)")
        var file: String
    }

    var help: String { "Imports data: \(Self.imports.keys.sorted().joined(separator: ", "))." }

    static var imports: [String: @Sendable (Application, Data) async throws -> String] {
        SconContexts.all.reduce(into: [:]) { $0.merge($1.tools.imports) { first, _ in first } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let run = Self.imports[signature.what] else {
            CommandFailure("unknown import \(signature.what); use: scon import \(Self.imports.keys.sorted().joined(separator: " | ")) FILE").exit()
        }
        let data: Data
        if signature.file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let read = FileManager.default.contents(atPath: signature.file) {
            data = read
        } else {
            CommandFailure("cannot read \(signature.file)").exit()
        }
        do {
            context.console.print(try await run(context.application, data))
        } catch DomainError.invalid(let issues) {
            CommandFailure("refused, nothing written: " + issues.map { "\($0.field): \($0.detail)" }.joined(separator: "; ")).exit()
        } catch let failure as CommandFailure {
            failure.exit()
        }
    }
}
