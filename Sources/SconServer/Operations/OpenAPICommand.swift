import Foundation
import Vapor

/// `scon openapi [--output FILE]`: writes the merged OpenAPI document (what `/openapi.json`
/// serves), for validators and client generators. Touches no database.
struct OpenAPICommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "The file to write (default: standard output)")
        var output: String?
    }

    var help: String { "Writes the OpenAPI document of the API." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let path = signature.output {
            do { try OpenAPIDocument.data.write(to: URL(fileURLWithPath: path)) } catch { CommandFailure("cannot write \(path)").exit() }
        } else {
            FileHandle.standardOutput.write(OpenAPIDocument.data + Data("\n".utf8))
        }
    }
}
