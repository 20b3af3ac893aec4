import Foundation
import Testing
@testable import SconDomain

/// Follow-up milestones, the agreement's document and outcomes recorded in the app.
@Suite struct FollowUpRulesTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test func aMilestoneIsOverdueWhenNotDoneAndItsDayHasPassed() {
        #expect(FollowUp.isOverdue(dueOn: Self.day("2026-11-30"), doneOn: nil, today: Self.day("2026-12-01")))
        #expect(!FollowUp.isOverdue(dueOn: Self.day("2026-12-01"), doneOn: nil, today: Self.day("2026-12-01")))
        #expect(!FollowUp.isOverdue(dueOn: Self.day("2026-11-30"), doneOn: Self.day("2026-12-01"), today: Self.day("2026-12-02")))
    }

    @Test func aMilestoneNeedsItsTitlesAndAValidDay() throws {
        let checked = try MilestoneDraft(titleEn: "Joint committee", titleKo: "공동위원회", dueOn: "2027-03-31").checked()
        #expect(checked.dueOn == Self.day("2027-03-31"))
        #expect(throws: DomainError.self) { try MilestoneDraft(titleEn: "Joint committee", titleKo: "공동위원회", dueOn: "2027-02-30").checked() }
        do {
            _ = try MilestoneDraft(titleEn: "x").checked()
            Issue.record("accepted")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("\(error)"); return }
            #expect(Set(issues.map(\.field)) == ["titleEn", "titleKo", "dueOn"])
        }
    }

    @Test func aMilestoneIsDoneOnceOnADayNotAfterToday() throws {
        let today = Self.day("2026-12-01")
        #expect(try FollowUp.doneDay("2026-12-01", alreadyDone: nil, today: today) == today)
        #expect(throws: DomainError.self) { try FollowUp.doneDay("2026-12-02", alreadyDone: nil, today: today) }
        #expect(throws: DomainError.self) { try FollowUp.doneDay(nil, alreadyDone: nil, today: today) }
        #expect(throws: MilestoneRefusal.alreadyDone(on: "2026-11-01")) { try FollowUp.doneDay("2026-11-30", alreadyDone: Self.day("2026-11-01"), today: today) }
    }

    @Test func aDoneMilestoneKeepsAnAgreementAwake() {
        let today = Self.day("2026-12-01")
        #expect(Dormancy.isDormant(statuses: [.inForce], inForceSince: PartialDate("2024-01"), lastActivity: nil, today: today))
        #expect(!Dormancy.isDormant(statuses: [.inForce], inForceSince: PartialDate("2024-01"), lastActivity: Self.day("2026-06-01"), today: today))
    }

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    @Test func theDocumentIsAPDFByItsContentWhateverItsName() throws {
        let facts = try AgreementDocumentRule.checked(filename: "signed/mou.pdf", bytes: Self.pdf, maximumBytes: 1_000)
        #expect(facts.filename == "mou.pdf")
        #expect(facts.kind == .pdf)
        // HTML named .pdf, a PNG, a PDF cut short, an empty file, a file over the limit.
        for bytes in [Array("<html><body>MOU</body></html>".utf8), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], Array(Self.pdf.prefix(40)), [],
                      Self.pdf + Array(repeating: 0x20, count: 1_000)] {
            #expect(throws: DomainError.self) { try AgreementDocumentRule.checked(filename: "mou.pdf", bytes: bytes, maximumBytes: 1_000) }
        }
        // %%EOF may be followed by a few bytes, but must be within the last kilobyte.
        #expect(throws: Never.self) { try AgreementDocumentRule.checked(filename: "a.pdf", bytes: Self.pdf + Array("\r\n\r\n".utf8), maximumBytes: 10_000) }
        #expect(throws: DomainError.self) { try AgreementDocumentRule.checked(filename: "a.pdf", bytes: Self.pdf + Array(repeating: 0x20, count: 2_000), maximumBytes: 10_000) }
    }

    static func outcome(_ change: (inout OutcomeDraft) -> Void = { _ in }) -> OutcomeDraft {
        var draft = OutcomeDraft(type: "event-held", state: "achieved", date: "2026-11-20", countries: ["VN"], titleEn: "Workshop held", titleKo: "워크숍 개최",
                                 linkKind: "event", linkID: UUID())
        change(&draft)
        return draft
    }

    static func fields(_ draft: OutcomeDraft) -> Set<String> {
        do {
            _ = try draft.checked(today: day("2026-12-01"))
            return []
        } catch {
            guard case .invalid(let issues) = error else { return ["?"] }
            return Set(issues.map(\.field))
        }
    }

    @Test func anOutcomeRecordedInTheAppFollowsTheCountingRules() throws {
        let checked = try Self.outcome().checked(today: Self.day("2026-12-01"))
        #expect(checked.facts.recordedOn == Self.day("2026-12-01"))
        #expect(OutcomeRule.standing(checked.facts, asOf: Self.day("2026-12-01")) == .achieved)
        #expect(Self.fields(Self.outcome { $0.type = "not-disclosed" }) == ["type"])
        #expect(Self.fields(Self.outcome { $0.date = "2026-12-02" }) == ["date"])
        #expect(Self.fields(Self.outcome { $0.state = "planned"; $0.date = "2027-03" }) == [])
        #expect(Self.fields(Self.outcome { $0.date = nil }) == ["date"])
        #expect(Self.fields(Self.outcome { $0.countries = [] }) == ["countries"])
        #expect(Self.fields(Self.outcome { $0.countries = ["Vietnam"] }) == ["countries[0]"])
        #expect(Self.fields(Self.outcome { $0.linkKind = "project" }) == ["linkKind"])
        #expect(Self.fields(Self.outcome { $0.type = "investment-committed"; $0.linkKind = "project" }) == [])
        #expect(Self.fields(Self.outcome { $0.linkID = nil }) == ["linkId"])
        #expect(Self.fields(Self.outcome { $0.sourceEn = "Ministry" }) == ["sourceKo"])
        for type in OutcomeType.allCases where type != .notDisclosed { #expect(type.countedRecord != nil) }
    }
}
