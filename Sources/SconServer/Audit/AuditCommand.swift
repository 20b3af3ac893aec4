import Fluent
import SconDomain
import Vapor

/// `scon audit verify`: checks the hash chain of the audit log and names the first entry
/// that does not fit (exit status 1), or says how many entries it checked.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "What to do: verify")
        var action: String
    }

    var help: String { "Checks the audit log: scon audit verify." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            CommandFailure("unknown action \(signature.action); use: scon audit verify").exit()
        }
        let result = try await context.application.auditLog.verify()
        switch result {
        case .intact: context.console.print(result.description)
        case .broken: CommandFailure(result.description).exit()
        }
    }
}
