/// How the fund invests in a project.
public enum Instrument: String, Sendable, Hashable, Codable, CaseIterable {
    case equity, loan, guarantee
}

/// What a booking does to the money.
public enum Movement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The fund's capital, when the fund is set up.
    case capital
    /// Part of the fund set aside for a purpose (the ASEAN earmark).
    case allocation
    /// An investment decision: money promised to a project.
    case commitment
    /// Money paid out against a commitment.
    case disbursement
    /// The part of a commitment that will not be paid out, returned to where it came from.
    case cancellation
    /// A loan paid back, returned to where it came from.
    case repayment
}

/// The accounts of the double-entry ledger, named as text so that they sort and group the
/// same way on SQLite and PostgreSQL. A *source* is where a commitment's money comes from: an
/// earmark (`earmark:<id>`) or the fund's unallocated part (`fund:<id>`).
public enum LedgerAccount {
    public static func capital(fund: String) -> String { "fund:\(fund):capital" }
    public static func unallocated(fund: String) -> String { "fund:\(fund):available" }
    public static func available(earmark: String) -> String { "earmark:\(earmark):available" }
    /// What a source still has to commit.
    public static func available(source: String) -> String { "\(source):available" }
    /// A project's commitments not yet paid out, per source.
    public static func outstanding(project: String, source: String) -> String { "project:\(project):outstanding:\(source)" }
    public static func disbursed(project: String, source: String) -> String { "project:\(project):disbursed:\(source)" }
    public static func repaid(project: String, source: String) -> String { "project:\(project):repaid:\(source)" }
}

/// One side of a booking, in KRW: debits positive, credits negative. Every posting sums to zero.
public struct LedgerLine: Sendable, Hashable {
    public var account: String
    public var amount: Int

    public init(_ account: String, _ amount: Int) {
        self.account = account
        self.amount = amount
    }
}

/// What the rules need to know before a project booking: the balances it touches (in KRW).
public struct SourcePosition: Sendable, Hashable {
    /// What the source can still commit.
    public var available: Int
    /// The project's commitments from this source not yet paid out.
    public var outstanding: Int
    /// Paid out to the project from this source.
    public var disbursed: Int
    /// Paid back by the project to this source.
    public var repaid: Int
    /// The project's loan commitments from this source (equity and guarantees are not repaid).
    public var loanCommitted: Int

    public init(available: Int, outstanding: Int = 0, disbursed: Int = 0, repaid: Int = 0, loanCommitted: Int = 0) {
        self.available = available; self.outstanding = outstanding; self.disbursed = disbursed
        self.repaid = repaid; self.loanCommitted = loanCommitted
    }
}

/// Why money cannot move: answered with 409, in the reader's language on the pages.
public enum LedgerRefusal: Refusal, Hashable {
    case overCommitment(available: Int, requested: Int)
    case overDisbursement(outstanding: Int, requested: Int)
    case overCancellation(outstanding: Int, requested: Int)
    case overRepayment(owed: Int, requested: Int)
    case notALoan
    case notPositive
    /// Nothing new on a dropped or completed project (cancellations and repayments close what is open).
    case projectClosed(stage: String)
    /// Commitments and disbursements from the financing stage on.
    case beforeFinancing(stage: String)

    public var key: String {
        switch self {
        case .projectClosed: "ledger.projectClosed"
        case .beforeFinancing: "ledger.beforeFinancing"
        case .overCommitment: "ledger.overCommitment"
        case .overDisbursement: "ledger.overDisbursement"
        case .overCancellation: "ledger.overCancellation"
        case .overRepayment: "ledger.overRepayment"
        case .notALoan: "ledger.notALoan"
        case .notPositive: "ledger.notPositive"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .overCommitment(let limit, let requested), .overDisbursement(let limit, let requested),
             .overCancellation(let limit, let requested), .overRepayment(let limit, let requested):
            ["limit": .text(MoneyFormat.grouped(limit)), "requested": .text(MoneyFormat.grouped(requested))]
        case .projectClosed(let stage), .beforeFinancing(let stage): ["stage": .key("stage.\(stage)")]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .overCommitment(let available, let requested):
            "the commitment of \(requested) KRW exceeds what is available to commit (\(available) KRW)."
        case .overDisbursement(let outstanding, let requested):
            "the disbursement of \(requested) KRW exceeds the commitment not yet paid out (\(outstanding) KRW)."
        case .overCancellation(let outstanding, let requested):
            "the cancellation of \(requested) KRW exceeds the commitment not yet paid out (\(outstanding) KRW)."
        case .overRepayment(let owed, let requested):
            "the repayment of \(requested) KRW exceeds what is owed (\(owed) KRW)."
        case .notALoan: "repayments are booked for loans; this project has no loan from this source."
        case .notPositive: "an amount is positive."
        case .projectClosed(let stage): "the project is \(stage): no new commitment or disbursement; cancellations and repayments only."
        case .beforeFinancing(let stage): "the project is at the \(stage) stage: money is committed and paid out from the financing stage on."
        }
    }
}

/// The double-entry rules of the fund: which accounts a movement debits and credits, and the
/// limits it must respect. Run inside the transaction that writes the lines, with balances read
/// in that transaction, one writer at a time: then no commitment can exceed what is available.
public enum LedgerRules {
    /// The earliest day a booking's value or a rate may have: no money of the programme moved
    /// before 2000 (the fund was set up in 2019), so an earlier day is a typing error.
    public static let earliestDay = CalendarDay("2000-01-01")!

    /// Which movements a project's stage allows: commitments and disbursements from financing
    /// on and not after the project is completed or dropped; cancellations and repayments at any
    /// stage (they close what is open).
    public static func stageRefusal(_ movement: Movement, stage: ProjectStage) -> LedgerRefusal? {
        switch movement {
        case .commitment, .disbursement:
            if stage == .dropped || stage == .completed { return .projectClosed(stage: stage.rawValue) }
            if stage != .financing && stage != .implementation { return .beforeFinancing(stage: stage.rawValue) }
            return nil
        case .capital, .allocation, .cancellation, .repayment:
            return nil
        }
    }

    public static func posting(_ movement: Movement, project: String, source: String, amount: Int,
                               position: SourcePosition) throws(LedgerRefusal) -> [LedgerLine] {
        guard amount > 0 else { throw .notPositive }
        let available = LedgerAccount.available(source: source)
        let outstanding = LedgerAccount.outstanding(project: project, source: source)
        switch movement {
        case .commitment:
            guard amount <= position.available else { throw .overCommitment(available: position.available, requested: amount) }
            return [LedgerLine(outstanding, amount), LedgerLine(available, -amount)]
        case .disbursement:
            guard amount <= position.outstanding else { throw .overDisbursement(outstanding: position.outstanding, requested: amount) }
            return [LedgerLine(LedgerAccount.disbursed(project: project, source: source), amount), LedgerLine(outstanding, -amount)]
        case .cancellation:
            guard amount <= position.outstanding else { throw .overCancellation(outstanding: position.outstanding, requested: amount) }
            return [LedgerLine(available, amount), LedgerLine(outstanding, -amount)]
        case .repayment:
            guard position.loanCommitted > 0 else { throw .notALoan }
            // What was paid out, but never more than was lent, less what came back.
            let owed = min(position.disbursed, position.loanCommitted) - position.repaid
            guard amount <= owed else { throw .overRepayment(owed: owed, requested: amount) }
            return [LedgerLine(available, amount), LedgerLine(LedgerAccount.repaid(project: project, source: source), -amount)]
        case .capital, .allocation:
            preconditionFailure("capital and allocations are not project bookings")
        }
    }

    /// The fund's capital: the fund can commit it all until it is earmarked.
    public static func capital(fund: String, amount: Int) -> [LedgerLine] {
        [LedgerLine(LedgerAccount.unallocated(fund: fund), amount), LedgerLine(LedgerAccount.capital(fund: fund), -amount)]
    }

    /// Sets part of the fund aside for an earmark.
    public static func allocation(fund: String, earmark: String, amount: Int, fundAvailable: Int) throws(LedgerRefusal) -> [LedgerLine] {
        guard amount > 0 else { throw .notPositive }
        guard amount <= fundAvailable else { throw .overCommitment(available: fundAvailable, requested: amount) }
        return [LedgerLine(LedgerAccount.available(earmark: earmark), amount), LedgerLine(LedgerAccount.unallocated(fund: fund), -amount)]
    }
}

/// Whole numbers with thousands separators (`1,500,000,000,000`), for messages.
public enum MoneyFormat {
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}
