import Fluent
import Foundation
import SconDomain
import Vapor

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
