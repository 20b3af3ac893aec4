import Fluent
import Foundation
import SconDomain
import Vapor

/// Exchange rates to KRW, one per currency and day, recorded by fund managers with their source.
struct ExchangeRateStore: Sendable {
    let db: any Database
    let audit: AuditLog

    func all() async throws -> [ExchangeRateRecord] {
        try await ExchangeRateRecord.query(on: db).sort(\.$currency).sort(\.$day, .descending).all()
    }

    func record(currency text: String?, day dayText: String?, rate rateText: String?, source sourceText: String?,
                by principal: Principal, now: Date = Date()) async throws -> ExchangeRateRecord {
        try principal.require(principal.isSignedIn, "record exchange rates")
        try principal.require(principal.mayBookMoney, "record exchange rates")
        var rules = FieldRules()
        let currency = Currency(rawValue: text ?? "")
        if currency == nil || currency == .KRW {
            rules.fail("currency", text == nil ? "required" : "unknown", "currency is one of: \(Currency.allCases.filter { $0 != .KRW }.map(\.rawValue).joined(separator: ", ")).")
        }
        let day = dayText.flatMap { CalendarDay($0) }
        if day == nil || day! > CalendarDay(now) { rules.fail("day", dayText == nil ? "required" : "invalid", "day is a day (YYYY-MM-DD), not in the future.") }
        let micro = rateText.flatMap(ExchangeRate.parseRate)
        if micro == nil { rules.fail("krwPerUnit", rateText == nil ? "required" : "invalid", "krwPerUnit is a positive decimal with at most 6 decimals.") }
        let source = rules.text(sourceText, field: "source", min: 3, max: 300)
        try rules.check()
        return try await audit.record { tx in
            if try await ExchangeRateRecord.query(on: tx).filter(\.$currency == currency!.rawValue).filter(\.$day == day!.description).count() > 0 {
                throw DomainError.conflict("a rate for \(currency!.rawValue) on \(day!) is recorded; bookings may have used it, so it stays.")
            }
            let row = ExchangeRateRecord()
            row.currency = currency!.rawValue
            row.day = day!.description
            row.microKRW = micro!
            row.source = source
            row.sample = false
            try await row.create(on: tx)
            let details = ["currency": row.currency, "day": row.day, "krwPerUnit": rateText!, "source": source]
            return (row, [AuditEvent(actor: principal.userID, action: "rate.record", subject: "rate:\(row.currency):\(row.day)", details: details)])
        }
    }
}
