import SconDomain
import Testing
@testable import SconServer

/// Every refusal a page can show reads in both languages, with its values filled in.
@Suite struct RefusalTextTests {
    static let refusals: [any Refusal] = [
        ReviewRefusal.callNotInReview(step: .review, state: .published), ReviewRefusal.callNotInReview(step: .assignment, state: .open),
        ReviewRefusal.callNotInReview(step: .decision, state: .decided), ReviewRefusal.conflictsClosed(.published),
        ReviewRefusal.reviewFinal, ReviewRefusal.conflicted(.declared), ReviewRefusal.conflicted(.sameCountry), ReviewRefusal.reviewBegun,
        ReviewRefusal.noAssignment(.insufficientCapacity(needed: 9, available: 6)),
        ReviewRefusal.noAssignment(.tooFewEligibleReviewers(proposal: "p", eligible: 1, needed: 3)),
        ReviewRefusal.noAssignment(.noAssignment(proposal: "p")), ReviewRefusal.nothingSelectable,
        AppealRules.Refusal.notPublished, AppealRules.Refusal.alreadyLodged, AppealRules.Refusal.periodEnded("2027-03-01T00:00:00Z (UTC)"),
        AppealRules.Refusal.alreadyAnswered,
        ProposalRules.Refusal.callNotOpen(.closed), ProposalRules.Refusal.closed(deadline: "2027-02-26T18:00 (Asia/Seoul)"),
        ProposalRules.Refusal.notYetOpen(opens: "2027-01-01T09:00 (Asia/Seoul)"), ProposalRules.Refusal.incomplete(["problem", "counterpart"]),
        ProposalRules.Refusal.wrongState(.withdrawn),
        LedgerRefusal.overCommitment(available: 10, requested: 12), LedgerRefusal.overDisbursement(outstanding: 1, requested: 2),
        LedgerRefusal.overCancellation(outstanding: 1, requested: 2), LedgerRefusal.overRepayment(owed: 0, requested: 5), LedgerRefusal.notALoan,
        LedgerRefusal.notPositive,
        StageRefusal.notNext(from: .lead, to: .financing), StageRefusal.finished(.dropped), StageRefusal.needsAward,
        StageRefusal.needsApproved(.studyReport), StageRefusal.needsApproved(.feasibilityReport), StageRefusal.needsApproved(.termsOfReference),
        StageRefusal.needsApproved(.other), StageRefusal.openFlags([.noLead, .noIndicators]), StageRefusal.needsCommitment,
        StageRefusal.needsMilestones, StageRefusal.openMilestones(2), StageRefusal.reasonRequired,
    ]

    @Test func everyRefusalReadsInKoreanAndEnglish() {
        for refusal in Self.refusals {
            for language in [Language.ko, .en] {
                let text = Strings.of(language).localized(refusal)
                #expect(!text.hasPrefix("refusal."), "\(refusal.key) has no \(language) text")
                #expect(!text.contains("{") && !text.contains("callstate.") && !text.contains("conflict.") && !text.contains("proposalfield.") && !text.contains("readiness.") && !text.contains("stage."),
                        "\(text) has an unfilled value")
            }
            #expect(Strings.of(.ko).localized(refusal) != Strings.of(.en).localized(refusal))
        }
        #expect(Strings.of(.ko).localized(ReviewRefusal.noAssignment(.insufficientCapacity(needed: 9, available: 6))).contains("9"))
        #expect(Strings.of(.ko).localized(ReviewRefusal.conflicted(.sameCountry)).contains("같은 국가"))
        #expect(Strings.of(.ko).localized(LedgerRefusal.overCommitment(available: 1_000_000, requested: 2_000_000)).contains("1,000,000원"))
        #expect(Strings.of(.ko).localized(StageRefusal.openFlags([.noLead])).contains("주관 기관이 없음"))
    }
}
