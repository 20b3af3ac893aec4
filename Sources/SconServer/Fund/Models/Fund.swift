import Fluent
import Foundation
import SconDomain

/// A fund that invests in projects (the PIS fund). Its money lives in the ledger.
final class Fund: Model, @unchecked Sendable {
    static let schema = "funds"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @Field(key: "sample") var sample: Bool

    init() {}

    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }
}

/// Part of a fund set aside for a purpose (300 billion KRW for ASEAN smart-city projects).
final class Earmark: Model, @unchecked Sendable {
    static let schema = "earmarks"

    @ID(key: .id) var id: UUID?
    @Field(key: "fund_id") var fundID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String

    init() {}

    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }
}

/// KRW per unit of a currency on a day, with its source.
final class ExchangeRateRecord: Model, @unchecked Sendable {
    static let schema = "exchange_rates"

    @ID(key: .id) var id: UUID?
    @Field(key: "currency") var currency: String
    @Field(key: "day") var day: String
    @Field(key: "micro_krw") var microKRW: Int
    @Field(key: "source") var source: String
    @Field(key: "sample") var sample: Bool

    init() {}

    var rate: ExchangeRate? {
        guard let currency = Currency(rawValue: currency), let day = CalendarDay(day) else { return nil }
        return ExchangeRate(currency: currency, day: day, microKRWPerUnit: microKRW, source: source)
    }
}

/// One booking: what moved, for which project, from which source, in its own currency and in
/// KRW with the rate used. Its lines (`LedgerLineRecord`) sum to zero.
final class LedgerTransaction: Model, @unchecked Sendable {
    static let schema = "ledger_transactions"

    @ID(key: .id) var id: UUID?
    /// The order of booking, 1, 2, 3, … per database.
    @Field(key: "number") var number: Int
    @Field(key: "fund_id") var fundID: UUID
    @OptionalField(key: "earmark_id") var earmarkID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    @Field(key: "movement") var movement: String
    @OptionalField(key: "instrument") var instrument: String?
    @Field(key: "amount_minor") var amountMinor: Int
    @Field(key: "currency") var currency: String
    @Field(key: "micro_krw") var microKRW: Int
    @Field(key: "rate_day") var rateDay: String
    @Field(key: "rate_source") var rateSource: String
    @Field(key: "amount_krw") var amountKRW: Int
    @Field(key: "value_day") var valueDay: String
    @Field(key: "memo") var memo: String
    @OptionalField(key: "booked_by") var bookedBy: UUID?
    @Field(key: "booked_at") var bookedAt: Date
    @Field(key: "sample") var sample: Bool

    init() {}

    var original: Money { get throws { Money(minor: amountMinor, try Self.known(currency, "currency")) } }
    var source: String { earmarkID.map { "earmark:\(UUIDText.string($0))" } ?? "fund:\(UUIDText.string(fundID))" }
}

/// One side of a booking, in KRW (debit positive, credit negative).
final class LedgerLineRecord: Model, @unchecked Sendable {
    static let schema = "ledger_lines"

    @ID(key: .id) var id: UUID?
    @Field(key: "transaction_id") var transactionID: UUID
    @Field(key: "account") var account: String
    @Field(key: "amount_krw") var amountKRW: Int

    init() {}
}

/// The running balance of an account, kept with the lines in the same transaction; the lines
/// are the truth; the tests and `scon bench ledger` check that both agree.
final class LedgerBalance: Model, @unchecked Sendable {
    static let schema = "ledger_balances"

    @ID(key: .id) var id: UUID?
    @Field(key: "account") var account: String
    @Field(key: "balance") var balance: Int

    init() {}
}

/// A money-moving request already answered, by its `Idempotency-Key`: a retry gets the same
/// answer and books nothing.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    @Field(key: "request_hash") var requestHash: String
    @Field(key: "status") var status: Int
    /// The answer's body, for records written before `result_id` (kept, no longer written).
    @Field(key: "body") var body: String
    /// What the request made (the ledger transaction); a retry answers with it again.
    @OptionalField(key: "result_id") var resultID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
