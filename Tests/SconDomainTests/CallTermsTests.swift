import Foundation
import Testing
@testable import SconDomain

@Suite struct CallTermsTests {
    static let countries = Set(CountryCode.asean + [CountryCode("KR")!])

    static func valid() -> CallDraft {
        var draft = CallDraft()
        draft.titleEn = "K-SCON 2027"; draft.titleKo = "K-SCON 2027 국제공모"
        draft.supportTypes = ["master-plan", "pre-feasibility"]
        draft.opensAt = "2027-03-02T09:00"; draft.closesAt = "2027-06-30T18:00"; draft.timeZone = "Asia/Seoul"
        draft.budgets = ["master-plan": 2_000_000_000, "pre-feasibility": 1_500_000_000]
        draft.criteria = [Criterion(key: "need", name: LocalizedText(en: "Need", ko: "시급성"), weight: 60),
                          Criterion(key: "fit", name: LocalizedText(en: "Fit", ko: "적합성"), weight: 40)]
        return draft
    }

    @Test func aValidDraftTakesTheProgrammeDefaults() throws {
        let terms = try Self.valid().validated(knownCountries: Self.countries)
        #expect(terms.eligibleCountries == CountryCode.asean)
        #expect(terms.selections == 4)
        #expect(terms.onePerCountry)
        #expect(terms.endorsementsPerCountry == 3)
        #expect(terms.evaluation.scaleMinimum == 1 && terms.evaluation.scaleMaximum == 5)
        #expect(terms.eligibilityRules == EligibilityRule.allCases)
        #expect(terms.selectionRules.budgetBySupportType == ["master-plan": 2_000_000_000, "pre-feasibility": 1_500_000_000])
    }

    @Test func theDeadlineIsTheLocalTimeInTheCallsZone() throws {
        let terms = try Self.valid().validated(knownCountries: Self.countries)
        // 18:00 in Seoul (UTC+9) is 09:00 UTC.
        #expect(AuditChain.timestamp(terms.schedule.closesAt) == "2027-06-30T09:00:00.000Z")
        var bangkok = Self.valid()
        bangkok.timeZone = "Asia/Bangkok"
        let inBangkok = try bangkok.validated(knownCountries: Self.countries)
        #expect(inBangkok.schedule.closesAt.timeIntervalSince(terms.schedule.closesAt) == 2 * 3600)
        let deadline = terms.schedule.closesAt
        #expect(terms.schedule.acceptsSubmissions(at: deadline.addingTimeInterval(-1)))
        #expect(!terms.schedule.acceptsSubmissions(at: deadline))
    }

    @Test func everyBrokenRuleIsNamed() {
        var draft = Self.valid()
        draft.titleKo = " "
        draft.supportTypes = ["master-plan", "grant"]
        draft.eligibleCountries = ["TH", "FR"]
        draft.closesAt = "2027-02-30T18:00"
        draft.timeZone = "Mars/Olympus"
        draft.selections = 0
        draft.budgets = ["master-plan": 0, "pre-feasibility": 5]
        draft.totalBudget = -3
        draft.endorsementsPerCountry = 99
        draft.criteria = [Criterion(key: "need", name: LocalizedText(en: "Need", ko: "시급성"), weight: 70)]
        draft.eligibilityRules = ["eligible-country", "nepotism"]
        #expect(throws: DomainError.self) { try draft.validated(knownCountries: Self.countries) }
        do {
            _ = try draft.validated(knownCountries: Self.countries)
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("expected invalid"); return }
            #expect(Set(issues.map(\.field)) == ["title.ko", "supportTypes[1]", "eligibleCountries[1]", "timeZone", "closesAt",
                                                "selections", "budgets.master-plan", "budgets.pre-feasibility", "totalBudget",
                                                "endorsementsPerCountry", "criteria", "eligibilityRules[1]"])
            #expect(issues.first { $0.field == "budgets.pre-feasibility" }?.code == "not-offered")
            #expect(issues.first { $0.field == "criteria" }?.code == "weights-sum")
        }
    }

    @Test func aCallClosesAfterItOpensAndEveryOfferedTypeHasABudget() {
        var draft = Self.valid()
        draft.closesAt = "2027-03-01T09:00"
        draft.budgets = ["master-plan": 1_000]
        do {
            _ = try draft.validated(knownCountries: Self.countries)
            Issue.record("expected invalid")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("expected invalid"); return }
            #expect(issues.map(\.code).sorted() == ["before-opening", "required"])
            #expect(issues.contains { $0.field == "budgets.pre-feasibility" })
        }
    }

    @Test func aDraftRoundTripsThroughItsTerms() throws {
        let terms = try Self.valid().validated(knownCountries: Self.countries)
        #expect(try CallDraft(terms).validated(knownCountries: Self.countries) == terms)
    }

    @Test func theGateKeepsTheWholePeriodForApplicants() throws {
        let terms = try Self.valid().validated(knownCountries: Self.countries)
        let before = terms.schedule.closesAt.addingTimeInterval(-60)
        let after = terms.schedule.closesAt.addingTimeInterval(60)
        #expect(try CallGate.check(.draft, to: .open, terms: terms, now: before) == .open)
        #expect(throws: DomainError.self) { try CallGate.check(.draft, to: .open, terms: terms, now: after) }
        #expect(throws: DomainError.self) { try CallGate.check(.open, to: .closed, terms: terms, now: before) }
        #expect(try CallGate.check(.open, to: .closed, terms: terms, now: after) == .closed)
        #expect(try CallGate.check(.open, to: .cancelled, terms: terms, now: before) == .cancelled)
        #expect(throws: DomainError.self) { try CallGate.check(.draft, to: .published, terms: terms, now: before) }
    }
}
