import Crypto
import Fluent
import Foundation
import SconDomain
import Vapor

/// A money movement as asked for: checked by `LedgerStore.book`.
struct BookingRequest: Sendable, Hashable, Codable {
    var movement: String?
    var amount: String?
    var currency: String?
    var earmark: UUID?
    var instrument: String?
    var valueDay: String?
    var memo: String?

    /// The request's fingerprint for `Idempotency-Key`: the same key with another request is refused.
    func fingerprint(project: UUID) -> String {
        let text = [UUIDText.string(project), movement ?? "", amount ?? "", currency ?? "", earmark.map(UUIDText.string) ?? "",
                    instrument ?? "", valueDay ?? "", memo ?? ""].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// What a booking did: the transaction it wrote, or, for a retry with the same key and the
/// same request, the transaction the first request wrote.
struct BookingOutcome: Sendable {
    var transaction: LedgerTransaction
    var projectCode: String?
    /// True when this is the earlier request's transaction (nothing was booked now).
    var replayed: Bool
}

/// A key used again for a different request (RFC draft "The Idempotency-Key HTTP Header Field", §2.7).
struct IdempotencyKeyReused: Error {}

/// The fund's double-entry ledger. Every booking runs inside `AuditLog.record`: one writer at a
/// time (an advisory lock on PostgreSQL, a queue on SQLite), balances read and the limit checked
/// in the same transaction that writes the lines, the balances and the audit entry. So a
/// commitment can never exceed what is available, however many requests race.
struct LedgerStore: Sendable {
    let db: any Database
    let audit: AuditLog

    func book(_ projectID: UUID, _ request: BookingRequest, key: String?, by principal: Principal, now: Date? = nil) async throws -> BookingOutcome {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "book money")
        try principal.require(FundAccess.allows(principal, .book), "book money")
        let project = try await ProjectStore(db: db).find(projectID, by: principal)
        let key = try Self.checkedKey(key)
        let booking = try BookingDraft(movement: request.movement, amount: request.amount, currency: request.currency, instrument: request.instrument,
                                       valueDay: request.valueDay, memo: request.memo).validated(today: CalendarDay(now))
        let fingerprint = request.fingerprint(project: projectID)
        let money = booking.amount, movement = booking.movement, instrument = booking.instrument
        let stage = try project.projectStage
        let userID = principal.userID!
        // The fund's lock: bookings on one fund take turns, so its limits are checked by the only writer.
        let fundID = try await Self.fund(of: request.earmark, on: db).requireID()
        return try await audit.record(.fund(fundID)) { tx in
            if let earlier = try await IdempotencyRecord.query(on: tx).filter(\.$userID == userID).filter(\.$key == key).first() {
                guard earlier.requestHash == fingerprint else { throw IdempotencyKeyReused() }
                guard let id = earlier.resultID, let transaction = try await LedgerTransaction.find(id, on: tx) else { throw IdempotencyKeyReused() }
                return (BookingOutcome(transaction: transaction, projectCode: project.code, replayed: true), [])
            }
            if let refusal = LedgerRules.stageRefusal(movement, stage: stage) { throw refusal }
            let fund = try await Self.fund(of: request.earmark, on: tx)
            let rate = try await Self.rate(for: money.currency, on: booking.valueDay, on: tx)
            let amountKRW = rate.toKRW(money)
            guard amountKRW > 0 else {
                throw DomainError.invalid([FieldIssue(field: "amount", code: "not-positive", detail: "amount is less than one won.")])
            }
            let fundKey = UUIDText.string(try fund.requireID())
            let source = request.earmark.map { "earmark:\(UUIDText.string($0))" } ?? "fund:\(fundKey)"
            let position = try await Self.position(project: projectID, source: source, for: movement, on: tx)
            let lines = try LedgerRules.posting(movement, project: UUIDText.string(projectID), source: source, amount: amountKRW, position: position)
            let transaction = LedgerTransaction()
            transaction.number = try await Self.nextNumber(on: tx)
            transaction.fundID = try fund.requireID()
            transaction.earmarkID = request.earmark
            transaction.projectID = projectID
            transaction.movement = movement.rawValue
            transaction.instrument = instrument?.rawValue
            transaction.amountMinor = money.minor
            transaction.currency = money.currency.rawValue
            transaction.microKRW = rate.microKRWPerUnit
            transaction.rateDay = rate.day.description
            transaction.rateSource = rate.source
            transaction.amountKRW = amountKRW
            transaction.valueDay = booking.valueDay.description
            transaction.memo = booking.memo
            transaction.bookedBy = userID
            // In the middle of its millisecond: answers print times cut to the millisecond, and a
            // database keeps a time as a double (SQLite) or cut to microseconds (PostgreSQL), so a
            // retry's answer, printed from the stored row, shows the same millisecond.
            transaction.bookedAt = Date(timeIntervalSince1970: ((now.timeIntervalSince1970 * 1_000).rounded(.down) + 0.5) / 1_000)
            transaction.sample = false
            try await Self.write(transaction, lines, on: tx)
            let record = IdempotencyRecord()
            record.userID = userID; record.key = key; record.requestHash = fingerprint
            record.status = 201; record.body = ""; record.resultID = try transaction.requireID(); record.createdAt = now
            try await record.create(on: tx)
            let details = ["number": String(transaction.number), "movement": movement.rawValue, "amount": money.decimalText,
                           "currency": money.currency.rawValue, "amountKRW": String(amountKRW), "rate": rate.rateText, "rateDay": rate.day.description,
                           "source": source, "instrument": instrument?.rawValue ?? "",
                           "rows": LedgerAudit.fingerprint(transaction, lines: lines)]
            return (BookingOutcome(transaction: transaction, projectCode: project.code, replayed: false),
                    [AuditEvent(actor: userID, action: "ledger.\(movement.rawValue)", subject: "project:\(UUIDText.string(projectID))", details: details)])
        }
    }

    // MARK: Parts of a booking

    /// 1–200 visible ASCII characters (the header's value), required.
    static func checkedKey(_ key: String?) throws -> String {
        guard let key, !key.isEmpty else {
            throw DomainError.badParameter([FieldIssue(field: "Idempotency-Key", code: "required",
                                                       detail: "a request that moves money carries an Idempotency-Key header (a new UUID per booking).")])
        }
        guard key.count <= 200, key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw DomainError.badParameter([FieldIssue(field: "Idempotency-Key", code: "invalid", detail: "the Idempotency-Key is 1 to 200 visible ASCII characters.")])
        }
        return key
    }

    /// The fund a booking draws on: the earmark's, or the only fund.
    static func fund(of earmark: UUID?, on db: any Database) async throws -> Fund {
        if let earmark {
            guard let row = try await Earmark.find(earmark, on: db), let fund = try await Fund.find(row.fundID, on: db) else {
                throw DomainError.invalid([FieldIssue(field: "earmark", code: "unknown", detail: "earmark is an earmark of the fund.")])
            }
            return fund
        }
        guard let fund = try await Fund.query(on: db).sort(\.$code).first() else { throw DomainError.notFound("fund") }
        return fund
    }

    /// The latest rate of the currency on or before the day.
    static func rate(for currency: Currency, on day: CalendarDay, on db: any Database) async throws -> ExchangeRate {
        if currency == .KRW { return .krw(on: day) }
        guard let row = try await ExchangeRateRecord.query(on: db).filter(\.$currency == currency.rawValue).filter(\.$day <= day.description)
            .sort(\.$day, .descending).first(), let rate = row.rate else {
            throw DomainError.invalid([FieldIssue(field: "currency", code: "no-rate",
                                                  detail: "no exchange rate for \(currency.rawValue) on or before \(day); record one first.")])
        }
        return rate
    }

    /// The balances a booking checks; whether a loan exists is looked up for repayments only.
    static func position(project: UUID, source: String, for movement: Movement = .repayment, on db: any Database) async throws -> SourcePosition {
        let id = UUIDText.string(project)
        let accounts = [LedgerAccount.available(source: source), LedgerAccount.outstanding(project: id, source: source),
                        LedgerAccount.disbursed(project: id, source: source), LedgerAccount.repaid(project: id, source: source)]
        let balances = try await balances(accounts, on: db)
        var loans = 0
        if movement == .repayment {
            loans = try await LedgerTransaction.query(on: db).filter(\.$projectID == project).filter(\.$movement == Movement.commitment.rawValue)
                .filter(\.$instrument == Instrument.loan.rawValue).all().filter { $0.source == source }.reduce(0) { $0 + $1.amountKRW }
        }
        return SourcePosition(available: balances[accounts[0]] ?? 0, outstanding: balances[accounts[1]] ?? 0,
                              disbursed: balances[accounts[2]] ?? 0, repaid: -(balances[accounts[3]] ?? 0), loanCommitted: loans)
    }

    static func balances(_ accounts: [String], on db: any Database) async throws -> [String: Int] {
        let rows = try await LedgerBalance.query(on: db).filter(\.$account ~~ accounts).all()
        return Dictionary(rows.map { ($0.account, $0.balance) }, uniquingKeysWith: +)
    }

    static func nextNumber(on db: any Database) async throws -> Int {
        (try await LedgerTransaction.query(on: db).max(\.$number) ?? 0) + 1
    }

    /// Writes a transaction with its lines and moves the balances (inside the caller's transaction).
    static func write(_ transaction: LedgerTransaction, _ lines: [LedgerLine], on tx: any Database) async throws {
        precondition(lines.reduce(0) { $0 + $1.amount } == 0, "a posting balances")
        try await transaction.create(on: tx)
        let transactionID = try transaction.requireID()
        let current = try await balances(lines.map(\.account), on: tx)
        for line in lines {
            let row = LedgerLineRecord()
            row.transactionID = transactionID
            row.account = line.account
            row.amountKRW = line.amount
            try await row.create(on: tx)
            if current[line.account] != nil {
                try await LedgerBalance.query(on: tx).filter(\.$account == line.account)
                    .set(\.$balance, to: current[line.account]! + line.amount).update()
            } else {
                let balance = LedgerBalance()
                balance.account = line.account
                balance.balance = line.amount
                try await balance.create(on: tx)
            }
        }
    }
}
