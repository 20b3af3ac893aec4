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
                by principal: Principal, now: Date? = nil) async throws -> ExchangeRateRecord {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "record exchange rates")
        try principal.require(FundAccess.allows(principal, .recordRate), "record exchange rates")
        let rate = try ExchangeRate.validated(currency: text, day: dayText, krwPerUnit: rateText, source: sourceText, today: CalendarDay(now))
        return try await audit.record(.rates) { tx in
            if try await ExchangeRateRecord.query(on: tx).filter(\.$currency == rate.currency.rawValue).filter(\.$day == rate.day.description).count() > 0 {
                throw DomainError.conflict("a rate for \(rate.currency.rawValue) on \(rate.day) is recorded; bookings may have used it, so it stays.")
            }
            let row = ExchangeRateRecord()
            row.currency = rate.currency.rawValue
            row.day = rate.day.description
            row.microKRW = rate.microKRWPerUnit
            row.source = rate.source
            row.sample = false
            try await row.create(on: tx)
            let details = ["currency": row.currency, "day": row.day, "krwPerUnit": rate.rateText, "source": rate.source]
            return (row, [AuditEvent(actor: principal.userID, action: "rate.record", subject: "rate:\(row.currency):\(row.day)", details: details)])
        }
    }
}
