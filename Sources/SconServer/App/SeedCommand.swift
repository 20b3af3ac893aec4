import Fluent
import Vapor

/// `scon seed`: migrates, then fills an empty database with the programme's demo data.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Migrates the database and fills it with the demo data when it is empty." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        let seeded = try await DemoData.seedIfEmpty(context.application.db)
        context.console.print(seeded ? "Seeded the demo data." : "The database already has data; nothing seeded.")
    }
}

/// Before `scon serve` (or a bare `scon`) answers: migrate and seed an empty database, so
/// that the first start needs no other command.
public enum ServeStartup {
    public static func prepareIfServing(_ app: Application, arguments: [String] = CommandLine.arguments) async throws {
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") }
        // Help writes nothing: `scon --help` or `scon serve --help` neither migrates nor seeds.
        let help = arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" }
        guard !help, command == nil || command == "serve" else { return }
        app.lifecycle.use(SearchRefresh())
        for handler in SconContexts.all.flatMap(\.tools.whileServing) { app.lifecycle.use(handler) }
        guard app.sconConfig.autoMigrate else { return }
        try await app.autoMigrate()
        if try await DemoData.seedIfEmpty(app.db) {
            app.logger.notice("Seeded the demo data into the new database.")
        }
    }
}
