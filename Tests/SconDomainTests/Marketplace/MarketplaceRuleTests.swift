import Foundation
import SconDomain
import Testing

@Suite struct MarketplaceRuleTests {
    static let th = CountryCode("TH")!, vn = CountryCode("VN")!, kr = CountryCode("KR")!

    static func challenge() -> ChallengeDraft {
        var draft = ChallengeDraft()
        draft.cityID = UUID(); draft.organisationID = UUID(); draft.sectors = ["water"]; draft.language = "th"
        draft.title = "น้ำท่วมขังในเขตเมือง"; draft.body = "ถนนสายหลักมีน้ำท่วมขังทุกครั้งที่ฝนตกหนัก"
        return draft
    }

    @Test func aChallengeNeedsACityOfItsOwnCountryAndAValidBudget() throws {
        // A whole draft passes, with the budget typed with separators.
        var draft = Self.challenge()
        draft.budgetMin = "1,500,000"; draft.budgetMax = "2 000 000"; draft.budgetCurrency = "THB"
        let fields = try draft.validated(cityCountry: Self.th, organisationCountry: Self.th)
        #expect(fields.budget?.minimum.minor == 150_000_000)
        #expect(fields.budget?.maximum.minor == 200_000_000)
        // Every broken rule is named: no city, a negative budget, too many sectors.
        var bad = Self.challenge()
        bad.cityID = nil; bad.budgetMin = "-5"; bad.budgetMax = "10"; bad.budgetCurrency = "THB"
        bad.sectors = ["water", "energy", "health", "transport", "safety", "housing"]
        let issues = Self.issues(bad, city: nil, organisation: Self.th)
        #expect(Set(issues.map(\.field)) == ["city", "budgetMin", "sectors"])
        #expect(issues.first { $0.field == "budgetMin" }?.code == "negative")
        // A maximum below the minimum.
        var below = Self.challenge()
        below.budgetMin = "10"; below.budgetMax = "5"; below.budgetCurrency = "USD"
        #expect(Self.issues(below, city: Self.th, organisation: Self.th).map(\.code) == ["below-minimum"])
        // A Thai organisation does not post for a Vietnamese city; a Korean one (on a city's behalf) may.
        #expect(Self.issues(Self.challenge(), city: Self.vn, organisation: Self.th).map(\.code) == ["other-country"])
        #expect(Self.issues(Self.challenge(), city: Self.vn, organisation: Self.kr).isEmpty)
    }

    static func issues(_ draft: ChallengeDraft, city: CountryCode?, organisation: CountryCode?) -> [FieldIssue] {
        do {
            _ = try draft.validated(cityCountry: city, organisationCountry: organisation)
            return []
        } catch {
            if case .invalid(let issues) = error { return issues }
            return []
        }
    }

    @Test func statusMovesFollowTheLifecycle() {
        #expect(ChallengeStatus.draft.next == [.open, .archived])
        #expect(ChallengeStatus.archived.next.isEmpty)
        #expect(ChallengeStatus.closed.next.contains(.open))
        #expect(!ChallengeStatus.draft.isPublished && ChallengeStatus.open.isPublished)
        #expect(SolutionStatus.archived.next == [.published])
    }

    @Test func matchesAreExplainedAndRanked() {
        let challenge = MarketplaceMatching.ChallengeFacts(id: UUID(), country: Self.th, sectors: [.water, .safety], language: .th,
                                                           terms: ["a", "b", "c", "d"])
        let strong = MarketplaceMatching.SolutionFacts(id: UUID(), sectors: [.water, .safety], languages: [.th, .en], referenceCountries: [Self.th],
                                                       readiness: .deployed, terms: ["a", "b", "c", "x"])
        let weak = MarketplaceMatching.SolutionFacts(id: UUID(), sectors: [.water], languages: [.ko], referenceCountries: [],
                                                     readiness: .idea, terms: ["z"])
        let unrelated = MarketplaceMatching.SolutionFacts(id: UUID(), sectors: [.health], languages: [.th], referenceCountries: [],
                                                          readiness: .pilot, terms: ["a"])
        let ranked = MarketplaceMatching.solutions(for: challenge, among: [weak, unrelated, strong])
        // The unrelated one (no sector, one term) is not suggested; the strong one comes first, with every reason.
        #expect(ranked.map(\.solution) == [strong.id, weak.id])
        #expect(ranked[0].reasons == [.sharedSectors([.safety, .water]), .commonTerms(3), .countryExperience(Self.th), .language(.th), .deployed])
        #expect(ranked[0].score > ranked[1].score)
        #expect(ranked[1].reasons == [.sharedSectors([.water]), .language(.ko)])
        #expect((0...100).contains(ranked[0].score))
    }
}
