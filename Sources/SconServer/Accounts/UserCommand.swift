import Fluent
import SconDomain
import Vapor

/// `scon user create --email … [--role admin] [--scope KIND:ID] [--name …] [--password …]`:
/// creates an account (the way to bootstrap the first administrator) and grants it a role.
/// Without `--password` (or `SCON_USER_PASSWORD`) a strong password is generated and printed once.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "email", help: "The e-mail address of the account.")
        var email: String?
        @Option(name: "role", help: "A role to grant: admin (administrator), programme-officer, fund-manager, …")
        var role: String?
        @Option(name: "scope", help: "The scope of the role as KIND:ID (organisation:UUID, country:TH); global if left out.")
        var scope: String?
        @Option(name: "name", help: "The display name (default: the part of the e-mail before @).")
        var name: String?
        @Option(name: "password", help: "The password; prefer the SCON_USER_PASSWORD environment variable.")
        var password: String?
    }

    var help: String { "Creates an account and grants it a role." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw Abort(.badRequest, reason: "Unknown action \(signature.action); use: scon user create --email … --role admin") }
        let app = context.application
        try await app.autoMigrate()
        let email = signature.email ?? ""
        let generated = signature.password == nil && Environment.get("SCON_USER_PASSWORD") == nil
        let password = signature.password ?? Environment.get("SCON_USER_PASSWORD") ?? SecureToken.random(bytes: 18)
        let name = signature.name ?? String(email.split(separator: "@").first ?? "admin")
        let grant: Grant? = try signature.role.map { role in
            let roleName = role == "admin" ? "administrator" : role
            let parts = signature.scope?.split(separator: ":", maxSplits: 1).map(String.init) ?? ["global"]
            return try Grant.validated(role: roleName, scopeKind: parts.first, scopeID: parts.count > 1 ? parts[1] : nil)
        }
        let request = Request(application: app, on: app.eventLoopGroup.any())
        do {
            let user = try await AccountStore(request: request).create(try SignUpDraft(email: email, displayName: name, password: password, language: "ko").validated())
            if let grant {
                try await RoleGrant(userID: try user.requireID(), grant: grant, grantedBy: nil).create(on: app.db)
            }
            context.console.print("Created \(user.email)" + (grant.map { " with role \($0.role.rawValue)" } ?? "") + ".")
            if generated { context.console.print("Password (shown once): \(password)") }
        } catch DomainError.invalid(let issues) {
            for issue in issues { context.console.error("\(issue.field): \(issue.detail)") }
            throw Abort(.badRequest, reason: "The account was not created.")
        }
    }
}
