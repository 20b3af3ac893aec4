import Fluent
import Foundation
import SconDomain
import Vapor

/// `scon export iati [--output FILE]`: the public projects as IATI 2.03 activity XML, to
/// standard output or a file. `scon export ledger` writes the ledger CSV.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to export: iati or ledger")
        var what: String
        @Option(name: "output", short: "o", help: "The file to write (default: standard output)")
        var output: String?
    }

    var help: String { "Exports open data: scon export iati (IATI 2.03 XML) or scon export ledger (CSV)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let text: String
        switch signature.what {
        case "iati":
            guard let document = try await IATIExport(db: context.application.db).document() else {
                CommandFailure("no public project to publish yet").exit()
            }
            text = document
        case "ledger":
            text = try await LedgerCSV(db: context.application.db).export()
        default:
            CommandFailure("unknown export \(signature.what); use: scon export iati | ledger [--output FILE]").exit()
        }
        if let path = signature.output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                CommandFailure("cannot write \(path): \(error.localizedDescription)").exit()
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `scon ledger import FILE`: books the lines of a ledger CSV (from `scon export ledger` or
/// `/api/v1/fund/transactions.csv`) that are not in the ledger yet, through the ledger's rules,
/// all or nothing.
struct LedgerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "What to do: import")
        var action: String
        @Argument(name: "file", help: "The CSV file")
        var file: String
    }

    var help: String { "The ledger: scon ledger import FILE." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "import" else { CommandFailure("unknown action \(signature.action); use: scon ledger import FILE").exit() }
        guard let data = FileManager.default.contents(atPath: signature.file) else { CommandFailure("cannot read \(signature.file)").exit() }
        do {
            let count = try await LedgerCSV(db: context.application.db).importCSV(String(decoding: data, as: UTF8.self),
                                                                                  audit: context.application.auditLog, actor: nil)
            context.console.print("booked \(count) line(s)")
        } catch {
            CommandFailure("\(error)").exit()
        }
    }
}
