import Fluent
import Foundation
import SconDomain
import Vapor

/// The ledger as CSV, one booking per line in booking order, and back: an import re-books each
/// line through the same rules (limits included) in one transaction, skipping numbers already
/// booked, so that an export imported into an empty ledger gives the same export.
struct LedgerCSV: Sendable {
    let db: any Database

    static let header = ["number", "booked_at", "movement", "fund", "earmark", "project", "instrument", "amount", "currency",
                         "krw_per_unit", "rate_day", "rate_source", "amount_krw", "value_day", "memo", "sample"]

    func export() async throws -> String {
        let transactions = try await LedgerTransaction.query(on: db).sort(\.$number).all()
        let funds = Dictionary(try await Fund.query(on: db).all().compactMap { fund in fund.id.map { ($0, fund.code) } }, uniquingKeysWith: { first, _ in first })
        let earmarks = Dictionary(try await Earmark.query(on: db).all().compactMap { row in row.id.map { ($0, row.code) } }, uniquingKeysWith: { first, _ in first })
        let projects = Dictionary(try await Project.query(on: db).all().compactMap { row in row.id.map { ($0, row.code) } }, uniquingKeysWith: { first, _ in first })
        let rows = try transactions.map { row in
            [String(row.number), AuditChain.timestamp(Self.toMillisecond(row.bookedAt)), row.movement, funds[row.fundID] ?? "", row.earmarkID.flatMap { earmarks[$0] } ?? "",
             row.projectID.flatMap { projects[$0] } ?? "", row.instrument ?? "", try row.original.decimalText, row.currency,
             ExchangeRate(currency: try row.original.currency, day: CalendarDay(row.rateDay) ?? CalendarDay(row.bookedAt), microKRWPerUnit: row.microKRW,
                          source: row.rateSource).rateText,
             row.rateDay, CSVTable.guarded(row.rateSource), String(row.amountKRW), row.valueDay, CSVTable.guarded(row.memo), row.sample ? "true" : "false"]
        }
        return CSVTable.render(header: Self.header, rows: rows)
    }

    /// The moment rounded to the millisecond, so that what the database gives back (microseconds
    /// in a binary double) prints the same before and after a round trip.
    static func toMillisecond(_ date: Date) -> Date {
        // A fifth of a millisecond above the rounded value, so that printing (which truncates) gives it exactly.
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1_000).rounded() / 1_000 + 0.000_2)
    }

    /// A line that cannot be booked, by its line number in the file.
    struct LineError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// Books the lines not yet in the ledger; returns how many were booked.
    func importCSV(_ text: String, audit: AuditLog, actor: UUID?) async throws -> Int {
        let table = try CSVTable(parsing: text)
        guard table.header == Self.header else { throw LineError(line: 1, reason: "the header is not \(Self.header.joined(separator: ","))") }
        let fundID = try await LedgerStore.fund(of: nil, on: db).requireID()
        return try await audit.record(.fund(fundID)) { tx in
            let booked = Set(try await LedgerTransaction.query(on: tx).all().map(\.number))
            var imported: [(number: Int, rows: String)] = []
            for (index, record) in table.records.enumerated() {
                let line = index + 2
                guard let number = Int(record["number"]!), number > 0 else { throw LineError(line: line, reason: "number is not a positive integer") }
                if booked.contains(number) { continue }
                imported.append((number, try await Self.book(record, number: number, line: line, on: tx)))
            }
            imported.sort { $0.number < $1.number }
            let details = ["lines": String(imported.count), "numbers": imported.map { String($0.number) }.joined(separator: ","),
                           "rows": LedgerFingerprint.combined(imported.map(\.rows))]
            return (imported.count, imported.isEmpty ? [] : [AuditEvent(actor: actor, action: "ledger.import", subject: "ledger", details: details)])
        }
    }

    /// Books one line; returns its fingerprint (`LedgerAudit`).
    private static func book(_ record: [String: String], number: Int, line: Int, on tx: any Database) async throws -> String {
        func fail(_ reason: String) -> LineError { LineError(line: line, reason: reason) }
        guard let movement = Movement(rawValue: record["movement"]!) else { throw fail("unknown movement \(record["movement"]!)") }
        guard let fund = try await Fund.query(on: tx).filter(\.$code == record["fund"]!).first(), let fundID = fund.id else { throw fail("unknown fund") }
        var earmark: Earmark?
        if !record["earmark"]!.isEmpty {
            earmark = try await Earmark.query(on: tx).filter(\.$code == record["earmark"]!).first()
            if earmark == nil { throw fail("unknown earmark \(record["earmark"]!)") }
        }
        var project: Project?
        if !record["project"]!.isEmpty {
            project = try await Project.query(on: tx).filter(\.$code == record["project"]!).first()
            if project == nil { throw fail("unknown project \(record["project"]!)") }
        }
        guard let currency = Currency(rawValue: record["currency"]!), let amount = Money.parse(record["amount"]!, currency) else { throw fail("bad amount or currency") }
        guard let micro = ExchangeRate.parseRate(record["krw_per_unit"]!), let rateDay = CalendarDay(record["rate_day"]!),
              let valueDay = CalendarDay(record["value_day"]!), let bookedAt = AuditChain.date(record["booked_at"]!) else { throw fail("bad rate, day or time") }
        let rate = ExchangeRate(currency: currency, day: rateDay, microKRWPerUnit: micro, source: CSVTable.unguarded(record["rate_source"]!))
        let amountKRW = rate.toKRW(amount)
        guard String(amountKRW) == record["amount_krw"] else { throw fail("amount_krw is not amount × krw_per_unit (\(amountKRW))") }
        let instrument = record["instrument"]!.isEmpty ? nil : Instrument(rawValue: record["instrument"]!)
        if movement == .commitment && instrument == nil { throw fail("a commitment names its instrument") }

        let lines: [LedgerLine]
        let fundKey = UUIDText.string(fundID)
        switch movement {
        case .capital:
            lines = LedgerRules.capital(fund: fundKey, amount: amountKRW)
        case .allocation:
            guard let earmarkID = earmark?.id else { throw fail("an allocation names its earmark") }
            let available = try await LedgerStore.balances([LedgerAccount.unallocated(fund: fundKey)], on: tx).values.first ?? 0
            lines = try LedgerRules.allocation(fund: fundKey, earmark: UUIDText.string(earmarkID), amount: amountKRW, fundAvailable: available)
        default:
            guard let projectID = project?.id else { throw fail("a \(movement.rawValue) names its project") }
            let source = earmark?.id.map { "earmark:\(UUIDText.string($0))" } ?? "fund:\(fundKey)"
            let position = try await LedgerStore.position(project: projectID, source: source, on: tx)
            do {
                lines = try LedgerRules.posting(movement, project: UUIDText.string(projectID), source: source, amount: amountKRW, position: position)
            } catch {
                throw fail(error.description)
            }
        }
        let transaction = LedgerTransaction()
        transaction.number = number
        transaction.fundID = fundID
        transaction.earmarkID = earmark?.id
        transaction.projectID = project?.id
        transaction.movement = movement.rawValue
        transaction.instrument = instrument?.rawValue
        transaction.amountMinor = amount.minor
        transaction.currency = currency.rawValue
        transaction.microKRW = micro
        transaction.rateDay = rateDay.description
        transaction.rateSource = rate.source
        transaction.amountKRW = amountKRW
        transaction.valueDay = valueDay.description
        transaction.memo = CSVTable.unguarded(record["memo"]!)
        transaction.bookedAt = bookedAt
        transaction.sample = record["sample"] == "true"
        try await LedgerStore.write(transaction, lines, on: tx)
        return LedgerAudit.fingerprint(transaction, lines: lines)
    }
}
