import Vapor

/// `scon backup --output FILE`: a consistent copy of the database while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "The file to write (must not exist).")
        var output: String?
    }

    var help: String { "Writes a consistent copy of the database to a new file (SQLite: VACUUM INTO; PostgreSQL: pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output, !output.isEmpty else { throw CommandFailure("scon backup --output FILE: say where to write the copy.") }
        do {
            let bytes = try await DatabaseBackup(app: context.application).backup(to: output)
            context.console.print("Backed up the database to \(output) (\(bytes) bytes).")
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(failure.description)
        }
    }
}

/// `scon restore FILE`: loads a backup into an empty database, then checks the audit log.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file written by scon backup.")
        var file: String
    }

    var help: String { "Loads a backup (scon backup) into an empty database and verifies its audit log." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            let tables = try await DatabaseBackup(app: context.application).restore(from: signature.file)
            let audit = try await context.application.auditLog.verify()
            switch audit {
            case .intact: context.console.print("Restored \(tables) tables from \(signature.file); \(audit.description)")
            case .broken: throw CommandFailure("Restored \(tables) tables, but the audit log does not verify: \(audit.description)")
            }
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(failure.description)
        }
    }
}
