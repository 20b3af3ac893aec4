import Fluent
import SconDomain
import Vapor

/// `scon remind`: for every account, what is due becomes notices in its inbox (deadlines at 7
/// days and 1 day ahead, reviews, endorsements, appeals, join requests; each once), then each
/// account with new notices gets one daily digest by e-mail through `SCON_SENDMAIL` (Notices).
/// Without `SCON_SENDMAIL` only the inboxes are filled, and the command says so.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Turns what is due into inbox notices and sends the daily e-mail digests (through SCON_SENDMAIL, when set)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let outcome = try await NoticeSweep(app: app).run()
        var line = "\(outcome.notices) new notices for \(outcome.accounts) accounts"
        if outcome.mailOff {
            line += "; no e-mail sent (SCON_SENDMAIL is not set: the notices are in the inbox only)."
        } else {
            line += "; digests sent: \(outcome.digests)" + (outcome.failures > 0 ? ", failed: \(outcome.failures) (tried again next run)." : ".")
        }
        context.console.print(line)
    }
}
