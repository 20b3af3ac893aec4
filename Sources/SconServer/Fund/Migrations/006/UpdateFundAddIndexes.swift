import Fluent

/// The ledger's foreign keys that a transaction's lines, an earmark's position and the earmarks of a fund filter on.
struct UpdateFundAddIndexes: AsyncMigration {
    static let indexes = [
        IndexSpec("ledger_lines_transaction", on: "ledger_lines", "transaction_id"),
        IndexSpec("ledger_transactions_earmark", on: "ledger_transactions", "earmark_id"),
        IndexSpec("earmarks_fund", on: "earmarks", "fund_id"),
    ]

    func prepare(on database: any Database) async throws {
        try await IndexSpec.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await IndexSpec.drop(Self.indexes, on: database)
    }
}
