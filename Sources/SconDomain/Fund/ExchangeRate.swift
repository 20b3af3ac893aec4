/// How many KRW one unit of a currency was worth on a day, and who said so. The rate is kept
/// in millionths of a won per major unit (`1_387_450_000` = 1,387.45 KRW per USD), so that a
/// booking is reproducible to the won from what is stored.
public struct ExchangeRate: Sendable, Hashable, Codable {
    public var currency: Currency
    public var day: CalendarDay
    public var microKRWPerUnit: Int
    public var source: String

    public init(currency: Currency, day: CalendarDay, microKRWPerUnit: Int, source: String) {
        self.currency = currency
        self.day = day
        self.microKRWPerUnit = microKRWPerUnit
        self.source = source
    }

    /// Checks a rate as a fund manager records it: a currency other than KRW, a day not after
    /// `today`, a positive rate with at most six decimals, a source of 3 to 300 characters.
    public static func validated(currency: String?, day: String?, krwPerUnit: String?, source: String?,
                                 today: CalendarDay) throws(DomainError) -> ExchangeRate {
        var rules = FieldRules()
        let unit = Currency(rawValue: currency ?? "")
        if unit == nil || unit == .KRW {
            rules.fail("currency", currency == nil ? "required" : "unknown",
                       "currency is one of: \(Currency.allCases.filter { $0 != .KRW }.map(\.rawValue).joined(separator: ", ")).")
        }
        let date = day.flatMap { CalendarDay($0) }
        if date == nil || date! > today || date! < LedgerRules.earliestDay {
            rules.fail("day", day == nil ? "required" : "invalid", "day is a day (YYYY-MM-DD) from 2000-01-01 to today.")
        }
        let micro = krwPerUnit.flatMap(parseRate)
        if micro == nil { rules.fail("krwPerUnit", krwPerUnit == nil ? "required" : "invalid", "krwPerUnit is a positive decimal with at most 6 decimals.") }
        let cited = rules.text(source, field: "source", min: 3, max: 300)
        try rules.check()
        return ExchangeRate(currency: unit!, day: date!, microKRWPerUnit: micro!, source: cited)
    }

    /// KRW itself: one won per won.
    public static func krw(on day: CalendarDay) -> ExchangeRate {
        ExchangeRate(currency: .KRW, day: day, microKRWPerUnit: 1_000_000, source: "identity")
    }

    /// The amount in KRW, rounded half to even to the won.
    public func toKRW(_ money: Money) -> Int {
        precondition(money.currency == currency, "a rate converts its own currency")
        return Self.divideRoundingHalfEven(Int128(money.minor) * Int128(microKRWPerUnit), by: Int128(currency.minorPerMajor) * 1_000_000)
    }

    /// A KRW amount in this currency's minor units, rounded half to even.
    public func fromKRW(_ krw: Int) -> Money {
        Money(minor: Self.divideRoundingHalfEven(Int128(krw) * Int128(currency.minorPerMajor) * 1_000_000, by: Int128(microKRWPerUnit)), currency)
    }

    /// The rate as a decimal in KRW per unit (`1387.45`), trailing zeros dropped.
    public var rateText: String {
        let whole = microKRWPerUnit / 1_000_000, fraction = microKRWPerUnit % 1_000_000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// Parses a rate in KRW per unit with up to six decimals (`1387.45`); positive only.
    public static func parseRate(_ text: String) -> Int? {
        guard let micro = Money.scaledInteger(text, decimals: 6), micro > 0 else { return nil }
        return micro
    }

    static func divideRoundingHalfEven(_ numerator: Int128, by denominator: Int128) -> Int {
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        let twice = remainder.magnitude * 2
        if twice > denominator.magnitude || (twice == denominator.magnitude && quotient % 2 != 0) {
            quotient += numerator < 0 ? -1 : 1
        }
        return Int(quotient)
    }
}
