import Fluent
import SconDomain
import Vapor

/// `scon remind`: works out, for every account, what is due in the open call, and hands it
/// to the reminder sender. None is configured by default: the command then says how many
/// reminders there are and sends nothing (people see the same list in the app).
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Works out what is due for each account and sends reminders (no sender is configured by default)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let sender: any ReminderSender = NoReminderSender()
        var people = 0, items = 0, sent = 0
        for user in try await User.query(on: app.db).all() {
            let userID = try user.requireID()
            let grants = try await RoleGrant.query(on: app.db).filter(\.$userID == userID).all().map { try $0.grant }
            let due = try await DueStore(db: app.db).due(for: Principal(userID: userID, grants: Set(grants)), now: app.clock.now())
            guard !due.isEmpty else { continue }
            people += 1
            items += due.count
            if try await sender.send(to: user.email, items: due) { sent += 1 }
        }
        context.console.print("\(items) due items for \(people) accounts; reminders sent: \(sent)"
                              + (sender is NoReminderSender ? " (no reminder sender is configured; the items are shown in the app)." : "."))
    }
}
