import Testing
@testable import SconDomain

@Suite struct CallStateTests {
    @Test func onlyTheAllowedTransitionsWork() throws {
        var state = CallState.draft
        for next in [CallState.open, .closed, .inReview, .decided, .published] { state = try state.moving(to: next) }
        #expect(state == .published && state.isFinal)
        #expect(throws: DomainError.self) { try CallState.published.moving(to: .decided) }
        #expect(throws: DomainError.self) { try CallState.draft.moving(to: .decided) }
        #expect(throws: DomainError.self) { try CallState.decided.moving(to: .cancelled) }
        #expect(try CallState.inReview.moving(to: .cancelled) == .cancelled)
        do {
            _ = try CallState.open.moving(to: .published)
        } catch {
            #expect(error == .conflict("a call that is open cannot become published; it can become: cancelled, closed."))
        }
    }
}

@Suite struct EvaluationCriteriaTests {
    static let name = LocalizedText(en: "Feasibility", ko: "실현 가능성")

    @Test func weightsMustSumToOneHundredAndKeysBeUnique() {
        do {
            _ = try EvaluationCriteria(criteria: [.init(key: "a", name: Self.name, weight: 60), .init(key: "a", name: Self.name, weight: 30)],
                                       scaleMinimum: 1, scaleMaximum: 5)
            Issue.record("accepted weights summing to 90 and a duplicate key")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("wrong error \(error)"); return }
            #expect(Set(issues.map(\.code)) == ["duplicate", "weights-sum"])
        }
        #expect(throws: DomainError.self) { try EvaluationCriteria(criteria: [.init(key: "a", name: Self.name, weight: 100)], scaleMinimum: 5, scaleMaximum: 5) }
    }

    @Test func weightedTotalIsExactInHundredths() throws {
        let criteria = try EvaluationCriteria(criteria: [.init(key: "impact", name: Self.name, weight: 40),
                                                         .init(key: "feasibility", name: Self.name, weight: 35),
                                                         .init(key: "fit", name: Self.name, weight: 25)],
                                              scaleMinimum: 1, scaleMaximum: 5)
        #expect(try criteria.weightedTotal(["impact": 5, "feasibility": 5, "fit": 5]) == 10_000)
        #expect(try criteria.weightedTotal(["impact": 1, "feasibility": 1, "fit": 1]) == 0)
        // (40·4 + 35·2 + 25·0) / 4 = 57.5 points.
        #expect(try criteria.weightedTotal(["impact": 5, "feasibility": 3, "fit": 1]) == 5_750)
        #expect(throws: DomainError.self) { try criteria.weightedTotal(["impact": 6, "feasibility": 3, "fit": 1]) }
        #expect(throws: DomainError.self) { try criteria.weightedTotal(["impact": 5, "feasibility": 3]) }
        #expect(throws: DomainError.self) { try criteria.weightedTotal(["impact": 5, "feasibility": 3, "fit": 1, "other": 2]) }
    }
}

@Suite struct ReviewScoringTests {
    @Test func aHarshReviewerDoesNotDecideAlone() {
        // r1 scores everything low, r2 high; both prefer A to B. Raw means make C (reviewed by r2 only) best.
        let reviews = [SubmittedReview(reviewer: "r1", proposal: "A", total: 4_000), .init(reviewer: "r1", proposal: "B", total: 2_000),
                       .init(reviewer: "r2", proposal: "A", total: 9_500), .init(reviewer: "r2", proposal: "B", total: 8_500),
                       .init(reviewer: "r2", proposal: "C", total: 9_000)]
        let standings = Dictionary(uniqueKeysWithValues: ReviewScoring.standings(reviews).map { ($0.proposal, $0) })
        #expect(standings["A"]!.normalizedMean > standings["C"]!.normalizedMean)
        #expect(standings["C"]!.rawMean > standings["A"]!.rawMean)
        #expect(standings["B"]!.normalizedMean < 0)
        #expect(standings["A"]!.reviewCount == 2)
    }

    @Test func strongDisagreementIsFlagged() {
        let reviews = [SubmittedReview(reviewer: "r1", proposal: "A", total: 9_000), .init(reviewer: "r2", proposal: "A", total: 4_000),
                       .init(reviewer: "r1", proposal: "B", total: 7_000), .init(reviewer: "r2", proposal: "B", total: 6_500)]
        let standings = ReviewScoring.standings(reviews)
        #expect(standings.first { $0.proposal == "A" }?.needsConsensus == true)
        #expect(standings.first { $0.proposal == "A" }?.spread == 50)
        #expect(standings.first { $0.proposal == "B" }?.needsConsensus == false)
    }
}

@Suite struct SelectionTests {
    static func candidate(_ id: String, _ country: String, _ score: Double, budget: Int = 1, type: String = "master-plan",
                          at time: String = "2020-05-01T00:00:00Z") -> SelectionCandidate {
        SelectionCandidate(proposal: id, country: country, supportType: type, budget: budget, score: score, submittedAt: time)
    }

    @Test func greedyWouldSelectOneWhereTwoFit() throws {
        let outcome = try Selection.select([Self.candidate("A", "TH", 90, budget: 8), Self.candidate("B", "VN", 80, budget: 5),
                                            Self.candidate("C", "PH", 70, budget: 5)],
                                           rules: SelectionRules(selections: 2, budgetBySupportType: ["master-plan": 10]))
        #expect(outcome.selected == ["B", "C"])
        #expect(outcome.entries[0].reason == .wouldReduceSelections)
        #expect(outcome.reserve == ["A"])
    }

    @Test func oneSelectionPerCountryAndTheStatedTieRule() throws {
        let outcome = try Selection.select([Self.candidate("A", "TH", 90), Self.candidate("B", "TH", 95),
                                            Self.candidate("C", "VN", 80, at: "2020-05-02T00:00:00Z"),
                                            Self.candidate("D", "PH", 80, at: "2020-05-01T00:00:00Z"),
                                            Self.candidate("E", "ID", 10)],
                                           rules: SelectionRules(selections: 3, reserveSize: 1))
        #expect(outcome.selected == ["B", "D", "C"])
        #expect(outcome.entries.map(\.proposal) == ["B", "A", "D", "C", "E"])
        #expect(outcome.entries[1].reason == .countryTaken(by: "B"))
        #expect(outcome.entries[4].reason == .belowTheCut)
        #expect(outcome.reserve == ["A"])
    }

    @Test func totalBudgetAndUnfittableProposals() throws {
        let outcome = try Selection.select([Self.candidate("A", "TH", 90, budget: 50), Self.candidate("B", "VN", 80, budget: 60),
                                            Self.candidate("C", "PH", 70, budget: 40, type: "pre-fs")],
                                           rules: SelectionRules(selections: 3, totalBudget: 100))
        #expect(outcome.selected == ["A", "C"])
        #expect(outcome.entries[1].reason == .totalBudgetExceeded)
    }

    /// Against brute force: the most selections, then the best by rank (lexicographically).
    @Test func matchesBruteForceOnRandomInstances() throws {
        var random = SplitMix64(seed: 99)
        let countries = ["TH", "VN", "PH", "ID"]
        for _ in 0..<300 {
            let count = 2 + Int(random.next() % 6)
            let candidates = (0..<count).map { index in
                Self.candidate("p\(index)", countries[Int(random.next() % 4)], Double(random.next() % 5),
                               budget: 1 + Int(random.next() % 6), type: random.next() % 2 == 0 ? "master-plan" : "pre-fs",
                               at: "2020-05-0\(1 + random.next() % 3)")
            }
            let rules = SelectionRules(selections: 1 + Int(random.next() % 3), onePerCountry: random.next() % 2 == 0,
                                       budgetBySupportType: random.next() % 2 == 0 ? ["master-plan": 6] : [:],
                                       totalBudget: random.next() % 2 == 0 ? 9 : nil)
            let outcome = try Selection.select(candidates, rules: rules)
            let ranked = outcome.entries.map(\.proposal)
            let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.proposal, $0) })
            var best: [Int] = []
            for mask in 0..<(1 << count) {
                let picked = (0..<count).filter { mask & (1 << $0) != 0 }
                guard picked.count <= rules.selections else { continue }
                let chosen = picked.map { byID[ranked[$0]]! }
                if rules.onePerCountry, Set(chosen.map(\.country)).count < chosen.count { continue }
                if let total = rules.totalBudget, chosen.reduce(0, { $0 + $1.budget }) > total { continue }
                if let cap = rules.budgetBySupportType["master-plan"],
                   chosen.filter({ $0.supportType == "master-plan" }).reduce(0, { $0 + $1.budget }) > cap { continue }
                if picked.count > best.count || (picked.count == best.count && picked.lexicographicallyPrecedes(best)) { best = picked }
            }
            #expect(outcome.selected == best.map { ranked[$0] }, "\(candidates) \(rules)")
        }
    }
}
