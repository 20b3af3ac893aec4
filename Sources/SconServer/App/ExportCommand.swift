import Fluent
import Foundation
import SconDomain
import Vapor

/// `scon export NAME [--output FILE]`: a context's export (`iati`: the public projects as IATI
/// 2.03 activity XML; `ledger`: the ledger CSV), to standard output or a file.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to export")
        var what: String
        @Option(name: "output", short: "o", help: "The file to write (default: standard output)")
        var output: String?
    }

    var help: String { "Exports data: \(Self.exports.keys.sorted().joined(separator: ", "))." }

    static var exports: [String: @Sendable (Application) async throws -> Data] {
        SconContexts.all.reduce(into: [:]) { $0.merge($1.tools.exports) { first, _ in first } }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let export = Self.exports[signature.what] else {
            CommandFailure("unknown export \(signature.what); use: scon export \(Self.exports.keys.sorted().joined(separator: " | ")) [--output FILE]").exit()
        }
        let data: Data
        do {
            data = try await export(context.application)
        } catch let failure as CommandFailure {
            failure.exit()
        }
        if let path = signature.output {
            do {
                try data.write(to: URL(fileURLWithPath: path))
            } catch {
                CommandFailure("cannot write \(path): \(error.localizedDescription)").exit()
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
