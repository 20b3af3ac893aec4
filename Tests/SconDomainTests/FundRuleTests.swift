import Foundation
import Testing
@testable import SconDomain

@Suite struct FundRuleTests {
    @Test func moneyParsesAndPrintsInMinorUnits() {
        #expect(Money.parse("1000.5", .USD) == Money(minor: 100_050, .USD))
        #expect(Money.parse("24000000000", .KRW)?.minor == 24_000_000_000)
        #expect(Money.parse("-0.05", .THB) == Money(minor: -5, .THB))
        for bad in ["1.234", "1e6", "1,000", "", ".5", "5.", "abc", "+5"] {
            #expect(Money.parse(bad, .USD) == nil, "\(bad)")
        }
        #expect(Money.parse("12.5", .KRW) == nil)
        #expect(Money.parse("99999999999999999999", .KRW) == nil)
        #expect(Money(minor: 100_050, .USD).decimalText == "1000.50")
        #expect(Money(minor: -5, .USD).decimalText == "-0.05")
        #expect(Money(minor: 1_500_000_000_000, .KRW).decimalText == "1500000000000")
        #expect(MoneyFormat.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func ratesConvertHalfToEvenAndRoundTrip() throws {
        let usd = ExchangeRate(currency: .USD, day: CalendarDay("2026-11-02")!, microKRWPerUnit: try #require(ExchangeRate.parseRate("1387.45")), source: "test")
        #expect(usd.rateText == "1387.45")
        #expect(usd.toKRW(Money(minor: 100, .USD)) == 1_387)  // 1,387.45 rounds down
        #expect(usd.toKRW(Money(minor: 1_000_050, .USD)) == 13_875_194)  // 10,000.50 × 1,387.45 = 13,875,193.7…
        let half = ExchangeRate(currency: .USD, day: CalendarDay("2026-11-02")!, microKRWPerUnit: 1_500_000, source: "test")
        #expect(half.toKRW(Money(minor: 100, .USD)) == 2)   // 1.5 → 2 (even)
        #expect(half.toKRW(Money(minor: 300, .USD)) == 4)   // 4.5 → 4 (even)
        #expect(half.fromKRW(3).minor == 200)
        let vnd = ExchangeRate(currency: .VND, day: CalendarDay("2026-11-02")!, microKRWPerUnit: 55_000, source: "test")
        #expect(vnd.toKRW(Money(minor: 1_000_000_000, .VND)) == 55_000_000)
        #expect(ExchangeRate.parseRate("0") == nil)
        #expect(ExchangeRate.parseRate("1.1234567") == nil)
    }

    @Test func everyPostingBalancesAndRespectsItsLimit() throws {
        let position = SourcePosition(available: 1_000, outstanding: 300, disbursed: 200, repaid: 50, loanCommitted: 400)
        for movement in [Movement.commitment, .disbursement, .cancellation, .repayment] {
            let lines = try LedgerRules.posting(movement, project: "p", source: "earmark:e", amount: 100, position: position)
            #expect(lines.count == 2)
            #expect(lines.reduce(0) { $0 + $1.amount } == 0, "\(movement)")
        }
        #expect(throws: LedgerRefusal.overCommitment(available: 1_000, requested: 1_001)) {
            try LedgerRules.posting(.commitment, project: "p", source: "earmark:e", amount: 1_001, position: position)
        }
        #expect(throws: LedgerRefusal.overDisbursement(outstanding: 300, requested: 301)) {
            try LedgerRules.posting(.disbursement, project: "p", source: "earmark:e", amount: 301, position: position)
        }
        #expect(throws: LedgerRefusal.overCancellation(outstanding: 300, requested: 301)) {
            try LedgerRules.posting(.cancellation, project: "p", source: "earmark:e", amount: 301, position: position)
        }
        // Owed: what was paid out (200), never more than was lent (400), less what came back (50).
        #expect(throws: LedgerRefusal.overRepayment(owed: 150, requested: 151)) {
            try LedgerRules.posting(.repayment, project: "p", source: "earmark:e", amount: 151, position: position)
        }
        // An equity stake paid out in full is not owed back.
        let equity = SourcePosition(available: 0, outstanding: 0, disbursed: 500, repaid: 0, loanCommitted: 0)
        #expect(throws: LedgerRefusal.notALoan) { try LedgerRules.posting(.repayment, project: "p", source: "earmark:e", amount: 1, position: equity) }
        // A small loan beside a large equity payment: only the loan is owed.
        let mixed = SourcePosition(available: 0, outstanding: 0, disbursed: 900, repaid: 0, loanCommitted: 100)
        #expect(throws: LedgerRefusal.overRepayment(owed: 100, requested: 101)) {
            try LedgerRules.posting(.repayment, project: "p", source: "earmark:e", amount: 101, position: mixed)
        }
        #expect(throws: LedgerRefusal.notPositive) { try LedgerRules.posting(.commitment, project: "p", source: "fund:f", amount: 0, position: position) }
        #expect(throws: LedgerRefusal.overCommitment(available: 10, requested: 11)) {
            try LedgerRules.allocation(fund: "f", earmark: "e", amount: 11, fundAvailable: 10)
        }
        #expect(LedgerRules.capital(fund: "f", amount: 5).reduce(0) { $0 + $1.amount } == 0)
    }

    @Test func daysAndPeriods() {
        #expect(CalendarDay("2028-02-29") != nil)
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay("2026-13-01") == nil)
        #expect(CalendarDay("26-01-01") == nil)
        #expect(CalendarDay("2026-12-31")!.adding(days: 1).description == "2027-01-01")
        let period = DayRange("2026-12-10/2027-01-05")!
        #expect(DayRange("2026-12-10 – 2027-01-05") == period)
        #expect(DayRange("2027-01-05/2026-12-10") == nil)
        #expect(period.overlaps(DayRange(CalendarDay("2027-01-05")!, CalendarDay("2027-02-01")!)))
        #expect(!period.overlaps(DayRange(CalendarDay("2027-01-06")!, CalendarDay("2027-02-01")!)))
    }
}

@Suite struct PipelineRuleTests {
    @Test func aProjectMovesOneGateAtATime() {
        let ready = ProjectFacts(tenderAwarded: true, approved: [.studyReport, .feasibilityReport], openFlags: [], committedKRW: 1,
                                 milestones: 2, openMilestones: 0)
        for (from, to) in zip(ProjectStage.way, ProjectStage.way.dropFirst()) {
            #expect(StageGate.refusal(from: from, to: to, facts: ready, reason: nil) == nil, "\(from) → \(to)")
        }
        #expect(StageGate.refusal(from: .selected, to: .financing, facts: ready, reason: nil) == .notNext(from: .selected, to: .financing))
        #expect(StageGate.refusal(from: .financing, to: .selected, facts: ready, reason: nil) == .notNext(from: .financing, to: .selected))
        #expect(StageGate.refusal(from: .completed, to: .dropped, facts: ready, reason: "a long enough reason") == .finished(.completed))
        #expect(StageGate.refusal(from: .lead, to: .dropped, facts: ready, reason: "too short") == .reasonRequired)
        #expect(StageGate.refusal(from: .lead, to: .dropped, facts: ready, reason: "The city found another partner.") == nil)
    }

    @Test func eachGateSaysWhatIsMissing() {
        let none = ProjectFacts()
        #expect(StageGate.refusal(from: .selected, to: .studyInProgress, facts: none, reason: nil) == .needsAward)
        #expect(StageGate.refusal(from: .studyInProgress, to: .studyCompleted, facts: none, reason: nil) == .needsApproved(.studyReport))
        #expect(StageGate.refusal(from: .studyCompleted, to: .feasibilityStudy, facts: ProjectFacts(openFlags: [.noLead]), reason: nil)
                == .openFlags([.noLead]))
        #expect(StageGate.refusal(from: .feasibilityStudy, to: .financing, facts: ProjectFacts(approved: [.studyReport]), reason: nil)
                == .needsApproved(.feasibilityReport))
        #expect(StageGate.refusal(from: .financing, to: .implementation, facts: none, reason: nil) == .needsCommitment)
        #expect(StageGate.refusal(from: .implementation, to: .completed, facts: none, reason: nil) == .needsMilestones)
        #expect(StageGate.refusal(from: .implementation, to: .completed, facts: ProjectFacts(milestones: 3, openMilestones: 1), reason: nil)
                == .openMilestones(1))
    }

    @Test func aDeliverableCountsWhenItsLatestVersionIsApproved() {
        let kinds = ProjectFacts.approvedKinds([
            (kind: .studyReport, versions: [(number: 1, approved: true), (number: 2, approved: false)]),
            (kind: .feasibilityReport, versions: [(number: 2, approved: true), (number: 1, approved: false)]),
            (kind: .other, versions: []),
        ])
        #expect(kinds == [.feasibilityReport])
    }

    @Test func readinessFlagsFollowTheStageAndTheData() {
        let today = CalendarDay("2026-11-30")!
        var input = ReadinessInput(stage: .lead, roles: [], description: LocalizedText(en: "x", ko: ""), sectors: [], milestones: [],
                                   indicators: 0, today: today)
        #expect(Readiness.flags(input) == [.noLead, .noDescription, .noSectors])
        input = ReadinessInput(stage: .feasibilityStudy, roles: [.lead], description: LocalizedText(en: "x", ko: "엑스"), sectors: [.water],
                               milestones: [.init(planned: CalendarDay("2026-12-01")!, actual: CalendarDay("2026-11-01")),
                                            .init(planned: CalendarDay("2026-11-20")!, actual: nil)],
                               indicators: 0, today: today)
        #expect(Readiness.flags(input) == [.lateMilestone, .milestoneBeforeStart, .noIndicators])
    }
}
