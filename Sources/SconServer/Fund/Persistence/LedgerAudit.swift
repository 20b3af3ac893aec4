import Fluent
import Foundation
import SconDomain

/// The ledger's rows against the audit log: each booking's audit entry keeps the fingerprint of
/// its transaction and lines (an import's entry, of all it booked), every transaction that is not
/// sample data is covered by one, and every balance is the sum of its account's lines.
struct LedgerAudit {
    let db: any Database

    /// The fingerprint of one stored transaction with its lines.
    static func fingerprint(_ transaction: LedgerTransaction, lines: [LedgerFingerprint.Line]) -> String {
        let milliseconds = Int((transaction.bookedAt.timeIntervalSince1970 * 1_000).rounded(.down))
        let fields = [String(transaction.number), UUIDText.string(transaction.fundID), transaction.earmarkID.map(UUIDText.string) ?? "",
                      transaction.projectID.map(UUIDText.string) ?? "", transaction.movement, transaction.instrument ?? "",
                      String(transaction.amountMinor), transaction.currency, String(transaction.microKRW), transaction.rateDay,
                      transaction.rateSource, String(transaction.amountKRW), transaction.valueDay, transaction.memo,
                      transaction.bookedBy.map(UUIDText.string) ?? "", String(milliseconds), transaction.sample ? "sample" : "real"]
        return LedgerFingerprint.of(fields: fields, lines: lines)
    }

    static func fingerprint(_ transaction: LedgerTransaction, lines: [LedgerLine]) -> String {
        fingerprint(transaction, lines: lines.map { LedgerFingerprint.Line(account: $0.account, amount: $0.amount) })
    }

    /// The audit entries of the ledger, in the order they were written; nil when every row fits,
    /// else the entry (or 0) and the reason naming the first row that does not.
    func check(_ entries: [AuditEntry]) async throws -> (sequence: Int, reason: String)? {
        let transactions = try await LedgerTransaction.query(on: db).sort(\.$number).all()
        var linesByTransaction: [UUID: [LedgerFingerprint.Line]] = [:]
        var sums: [String: Int] = [:]
        for line in try await LedgerLineRecord.query(on: db).all() {
            linesByTransaction[line.transactionID, default: []].append(.init(account: line.account, amount: line.amountKRW))
            sums[line.account, default: 0] += line.amountKRW
        }
        var byNumber: [Int: LedgerTransaction] = [:]
        for transaction in transactions { byNumber[transaction.number] = transaction }
        func fingerprint(_ number: Int) -> String? {
            guard let transaction = byNumber[number], let id = transaction.id else { return nil }
            return Self.fingerprint(transaction, lines: linesByTransaction[id] ?? [])
        }

        var covered = Set<Int>()
        for entry in entries where entry.action.hasPrefix("ledger.") {
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
            let numbers: [Int]
            if let number = details["number"].flatMap(Int.init) {
                numbers = [number]
            } else if let list = details["numbers"], !list.isEmpty {
                numbers = list.split(separator: ",").compactMap { Int($0) }
            } else {
                continue
            }
            covered.formUnion(numbers)
            guard let expected = details["rows"] else { continue }  // written before the fingerprints
            let found = numbers.map(fingerprint)
            if let missing = zip(numbers, found).first(where: { $0.1 == nil })?.0 {
                return (entry.sequence, "ledger transaction \(missing) that it booked is missing")
            }
            let actual = numbers.count == 1 ? found[0]! : LedgerFingerprint.combined(found.map { $0! })
            if actual != expected {
                let which = numbers.count == 1 ? "ledger transaction \(numbers[0])" : "ledger transactions \(numbers.map(String.init).joined(separator: ", "))"
                return (entry.sequence, "\(which) no longer match what it booked (a money row was changed)")
            }
        }
        if let stray = transactions.first(where: { !$0.sample && !covered.contains($0.number) }) {
            return (0, "ledger transaction \(stray.number) is in no audit entry (it was added outside the platform)")
        }
        for balance in try await LedgerBalance.query(on: db).sort(\.$account).all() where balance.balance != sums[balance.account, default: 0] {
            return (0, "the balance of \(balance.account) (\(balance.balance)) is not the sum of its lines (\(sums[balance.account, default: 0]))")
        }
        return nil
    }
}
