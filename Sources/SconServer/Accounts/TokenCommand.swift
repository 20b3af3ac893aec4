import Fluent
import SconDomain
import Vapor

/// `scon token create --email E [--name N]`: prints a new personal API token for the account,
/// once, so that operators' scripts work whatever second factor the account has. The token is
/// recorded in the audit log (its name and last four characters, never the token).
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "email", help: "The e-mail address of the account.")
        var email: String?
        @Option(name: "name", help: "What the token is for (default: cli).")
        var name: String?
    }

    var help: String { "Creates a personal API token for an account and prints it once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { CommandFailure("unknown action \(signature.action); use: scon token create --email E [--name N]").exit() }
        let app = context.application
        try await app.autoMigrate()
        let email = EmailAddress(signature.email ?? "")?.value ?? (signature.email ?? "").lowercased()
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            CommandFailure("no account with the e-mail \(email)").exit()
        }
        let userID = try user.requireID()
        var rules = FieldRules()
        let name = rules.text(signature.name ?? "cli", field: "name", max: 80)
        do { try rules.check() } catch { CommandFailure("the name may have at most 80 characters").exit() }
        let token = APIToken.prefix + SecureToken.random()
        try await app.auditLog.record(.account(userID)) { tx in
            let model = APIToken()
            model.userID = userID
            model.name = name
            model.tokenHash = SecureToken.hash(token)
            model.hint = String(token.suffix(4))
            try await model.create(on: tx)
            return ((), [AuditEvent(actor: nil, action: "token.create", subject: "user:\(UUIDText.string(userID))",
                                    details: ["name": name, "hint": model.hint, "by": "scon token create"])])
        }
        context.console.print(token)
    }
}
