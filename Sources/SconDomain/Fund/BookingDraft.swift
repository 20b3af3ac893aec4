/// A money movement as a fund manager submits it, every field text until `validated`.
public struct BookingDraft: Sendable, Hashable {
    public var movement: String?
    public var amount: String?
    public var currency: String?
    public var instrument: String?
    public var valueDay: String?
    public var memo: String?

    public init(movement: String?, amount: String?, currency: String?, instrument: String?, valueDay: String?, memo: String?) {
        self.movement = movement; self.amount = amount; self.currency = currency
        self.instrument = instrument; self.valueDay = valueDay; self.memo = memo
    }

    /// The movements booked for a project (capital and allocations are the fund's own).
    public static let projectMovements: [Movement] = [.commitment, .disbursement, .cancellation, .repayment]

    /// Checks every field and reports every broken rule: a project movement, a currency of the
    /// fund, a positive amount with no more decimals than the currency has, an instrument for
    /// commitments only, a value day not after `today` (default today), a memo of 500 at most.
    public func validated(today: CalendarDay) throws(DomainError) -> Booking {
        var rules = FieldRules()
        let kind = Movement(rawValue: movement ?? "").flatMap { Self.projectMovements.contains($0) ? $0 : nil }
        if kind == nil {
            rules.fail("movement", movement == nil ? "required" : "unknown",
                       "movement is one of: \(Self.projectMovements.map(\.rawValue).joined(separator: ", ")).")
        }
        let unit = Currency(rawValue: currency ?? "")
        if unit == nil {
            rules.fail("currency", currency == nil ? "required" : "unknown", "currency is one of: \(Currency.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var money: Money?
        if let unit {
            money = Money.parse(amount ?? "", unit)
            if money == nil {
                rules.fail("amount", amount == nil ? "required" : "invalid", "amount is a decimal in \(unit.rawValue) with at most \(unit.exponent) decimals.")
            } else if money!.minor <= 0 {
                rules.fail("amount", "not-positive", "amount is more than zero.")
            }
        }
        let chosen = instrument.flatMap(Instrument.init(rawValue:))
        if kind == .commitment && chosen == nil {
            rules.fail("instrument", instrument == nil ? "required" : "unknown", "a commitment is an equity, loan or guarantee.")
        } else if kind != nil && kind != .commitment && instrument != nil {
            rules.fail("instrument", "only-commitments", "only a commitment names its instrument.")
        }
        let day = valueDay.map { CalendarDay($0) } ?? today
        if day == nil || day! > today || day! < LedgerRules.earliestDay {
            rules.fail("valueDay", "invalid", "valueDay is a day (YYYY-MM-DD) from 2000-01-01 to today.")
        }
        let note = rules.text(memo, field: "memo", min: 0, max: 500)
        try rules.check()
        return Booking(movement: kind!, amount: money!, instrument: chosen, valueDay: day!, memo: note)
    }
}

/// A checked money movement, before the ledger's limits.
public struct Booking: Sendable, Hashable {
    public var movement: Movement
    public var amount: Money
    public var instrument: Instrument?
    public var valueDay: CalendarDay
    public var memo: String
}
