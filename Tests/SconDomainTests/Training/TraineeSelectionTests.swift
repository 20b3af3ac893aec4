import Foundation
import Testing
@testable import SconDomain

@Suite struct TraineeSelectionTests {
    typealias F = TrainingFixtures

    static func decisions(_ result: TraineeSelectionResult) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: result.decisions.map { decision in
            let number = Int(decision.application.uuidString.suffix(12))!
            var text = "\(decision.outcome.rawValue) \(decision.reason.rawValue)"
            if let position = decision.position { text += " #\(position)" }
            return (number, text)
        })
    }

    @Test func fillsByRoundsWithinCapacityAndQuotaWithAReasonForEach() throws {
        // Capacity 5, at most 2 per country. TH ranks 4, VN 3, PH 1; PH nominated first.
        let terms = F.terms(capacity: 5, quota: .init(atMost: 2))
        let candidates = [
            F.candidate(1, F.th, rank: 1, nominated: 30), F.candidate(2, F.th, rank: 2, nominated: 30),
            F.candidate(3, F.th, rank: 3, nominated: 30), F.candidate(4, F.th, rank: 4, nominated: 30),
            F.candidate(5, F.vn, rank: 1, nominated: 20), F.candidate(6, F.vn, rank: 2, nominated: 20),
            F.candidate(7, F.vn, rank: 3, nominated: 20),
            F.candidate(8, F.ph, rank: 1, nominated: 10),
            F.candidate(9, F.ph, rank: nil), F.candidate(10, F.kr, rank: 1),
            F.candidate(11, F.id, rank: 1, nominated: 40, level: .national),
            F.candidate(12, F.id, rank: 2, nominated: 40),
        ]
        let result = try TraineeSelection.select(cohort: terms, candidates: candidates)
        // Round 1: PH(10') VN(20') TH(30') ID(40') → 4 seats; round 2: VN(20') → the 5th; TH 2 and
        // ID 2 wait; round 3: VN 3 is over VN's quota, TH 3 (TH holds one seat) waits, as TH 4.
        #expect(result.selected == [F.uuid(8), F.uuid(5), F.uuid(1), F.uuid(11), F.uuid(6)])
        #expect(Self.decisions(result) == [
            1: "selected round", 2: "waitlisted capacity #1", 3: "waitlisted capacity #3", 4: "waitlisted capacity #4",
            5: "selected round", 6: "selected round", 7: "not-selected over-quota", 8: "selected round",
            9: "not-selected not-ranked", 10: "not-selected country-not-eligible", 11: "selected round",
            12: "waitlisted capacity #2",
        ])
        #expect(result.seatsByCountry == [F.ph: 1, F.vn: 2, F.th: 1, F.id: 1])
        let overQuota = try #require(result.decisions.first { $0.application == F.uuid(7) })
        #expect(overQuota.quota == 2 && overQuota.round == 3)
        #expect(overQuota.description == "not selected: VN's quota of 2 was filled by candidates ranked higher.")
        let json = String(decoding: try JSONEncoder().encode(result.decisions[5 + 0]), as: UTF8.self)
        #expect(json.contains("\"outcome\":\"waitlisted\"") && json.contains("\"reason\":\"capacity\"") && json.contains("\"position\":1"))
    }

    @Test func theTieRuleIsNominationTimeThenApplicationID() throws {
        let terms = F.terms(capacity: 2, quota: .init(atMost: 2))
        let candidates = [F.candidate(3, F.th, rank: 1, nominated: 5), F.candidate(2, F.vn, rank: 1, nominated: 5),
                          F.candidate(1, F.ph, rank: 1, nominated: 6), F.candidate(4, F.id, rank: 1, nominated: nil)]
        let result = try TraineeSelection.select(cohort: terms, candidates: candidates)
        #expect(result.selected == [F.uuid(2), F.uuid(3)])
        #expect(result.waitlist.map(\.application) == [F.uuid(1), F.uuid(4)])
        // The same whatever order the candidates come in.
        #expect(try TraineeSelection.select(cohort: terms, candidates: candidates.reversed()).decisions == result.decisions)
    }

    @Test func fixedQuotasLeaveSeatsOfOtherCountriesEmpty() throws {
        let terms = F.terms(capacity: 4, quota: .init(fixed: ["TH": 1, "VN": 3]))
        let candidates = [F.candidate(1, F.th, rank: 1), F.candidate(2, F.th, rank: 2), F.candidate(3, F.vn, rank: 1),
                          F.candidate(4, F.ph, rank: 1)]
        let result = try TraineeSelection.select(cohort: terms, candidates: candidates)
        #expect(Self.decisions(result) == [1: "selected round", 2: "not-selected over-quota", 3: "selected round",
                                           4: "not-selected country-not-eligible"])
    }

    @Test func officerAdjustmentsApplyFirstAndAreKept() throws {
        let terms = F.terms(capacity: 3, quota: .init(atMost: 2))
        let candidates = [F.candidate(1, F.th, rank: 1, nominated: 1), F.candidate(2, F.vn, rank: 1, nominated: 2),
                          F.candidate(3, F.ph, rank: 1, nominated: 3), F.candidate(4, F.th, rank: 2, nominated: 1),
                          F.candidate(5, F.vn, rank: nil)]
        let adjustments = [SelectionAdjustment(application: F.uuid(5), action: .forceIn, reason: "  Chief Smart City Officer of the pilot city  "),
                           SelectionAdjustment(application: F.uuid(2), action: .forceOut, reason: "Withdrawn by the ministry by letter")]
        let result = try TraineeSelection.select(cohort: terms, candidates: candidates, adjustments: adjustments)
        #expect(result.selected == [F.uuid(5), F.uuid(1), F.uuid(3)])
        #expect(Self.decisions(result)[2] == "not-selected forced-out" && Self.decisions(result)[4] == "waitlisted capacity #1")
        #expect(result.decisions.first?.note == "Chief Smart City Officer of the pilot city")
        #expect(result.adjustments.map(\.reason) == ["Chief Smart City Officer of the pilot city", "Withdrawn by the ministry by letter"])
    }

    static func refusal(_ terms: CohortTerms, _ candidates: [TraineeCandidate], _ adjustments: [SelectionAdjustment]) -> TraineeSelection.Refusal? {
        do {
            _ = try TraineeSelection.select(cohort: terms, candidates: candidates, adjustments: adjustments)
            return nil
        } catch {
            guard case .refused(let refusal) = error else { return nil }
            return refusal as? TraineeSelection.Refusal
        }
    }

    @Test func adjustmentsThatBreakALimitAreRefused() {
        let terms = F.terms(capacity: 2, quota: .init(atMost: 1))
        let candidates = [F.candidate(1, F.th, rank: 1), F.candidate(2, F.th, rank: 2), F.candidate(3, F.vn, rank: 1),
                          F.candidate(4, F.ph, rank: 1), F.candidate(5, F.kr, rank: 1)]
        func forceIn(_ number: Int) -> SelectionAdjustment { SelectionAdjustment(application: F.uuid(number), action: .forceIn, reason: "officer's choice") }
        #expect(Self.refusal(terms, candidates, [forceIn(1), forceIn(2)]) == .overQuota(F.th, quota: 1))
        #expect(Self.refusal(terms, candidates, [forceIn(1), forceIn(3), forceIn(4)]) == .overCapacity(capacity: 2))
        #expect(Self.refusal(terms, candidates, [forceIn(5)]) == .notEligible(F.uuid(5)))
        #expect(Self.refusal(terms, candidates, [forceIn(1), forceIn(1)]) == .adjustedTwice(F.uuid(1)))
        #expect(Self.refusal(terms, candidates, [forceIn(9)]) == .unknownCandidate(F.uuid(9)))
        #expect(Self.refusal(terms, candidates, [SelectionAdjustment(application: F.uuid(1), action: .forceOut, reason: " ")]) == .reasonMissing(F.uuid(1)))
        #expect(Self.refusal(terms, candidates, [forceIn(2), forceIn(3)]) == nil)
        #expect(throws: TrainingError.self) {
            try TraineeSelection.select(cohort: terms, candidates: [F.candidate(1, F.th, rank: 1), F.candidate(2, F.th, rank: 1)])
        }
    }

    /// Random cohorts: capacity, quotas (both kinds), candidates with ranks, ties, gaps,
    /// ineligible ones, and random adjustments. Whatever happens, no limit is broken.
    @Test func neverExceedsCapacityOrAnyQuota() throws {
        var random = SplitMix64(seed: 6238)
        let countries = CountryCode.asean + [F.kr]
        var refusals = 0
        for trial in 0..<600 {
            let capacity = Int.random(in: 1...15, using: &random)
            let quota: CohortDraft.Quota
            if random.nextUnit() < 0.5 {
                quota = .init(atMost: Int.random(in: 1...capacity, using: &random))
            } else {
                var fixed: [String: Int] = [:]
                var left = capacity
                for country in CountryCode.asean.shuffled(using: &random).prefix(Int.random(in: 1...5, using: &random)) where left > 0 {
                    let seats = Int.random(in: 1...left, using: &random)
                    fixed[country.value] = seats
                    left -= seats
                }
                quota = .init(fixed: fixed)
            }
            let terms = F.terms(capacity: capacity, quota: quota)
            var candidates: [TraineeCandidate] = []
            var nextRank: [CountryCode: Int] = [:]
            for number in 0..<Int.random(in: 0...40, using: &random) {
                let country = countries[Int.random(in: 0..<countries.count, using: &random)]
                let ranked = random.nextUnit() < 0.85
                var rank: Int?
                if ranked {
                    nextRank[country, default: 0] += Int.random(in: 1...2, using: &random)
                    rank = nextRank[country]
                }
                let level = random.nextUnit() < 0.1 ? GovernmentLevel.national : .local
                candidates.append(F.candidate(number, country, rank: rank, nominated: Int.random(in: 0...3, using: &random), level: level))
            }
            var adjustments: [SelectionAdjustment] = []
            for candidate in candidates.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                adjustments.append(SelectionAdjustment(application: candidate.application, action: random.nextUnit() < 0.5 ? .forceIn : .forceOut, reason: "trial \(trial)"))
            }
            let result: TraineeSelectionResult
            do {
                result = try TraineeSelection.select(cohort: terms, candidates: candidates, adjustments: adjustments)
            } catch {
                refusals += 1
                continue
            }
            #expect(result.selected.count <= capacity)
            for (country, seats) in result.seatsByCountry { #expect(seats <= terms.quota.limit(for: country)) }
            #expect(result.decisions.count == candidates.count)
            #expect(Set(result.decisions.map(\.application)) == Set(candidates.map(\.application)))
            #expect(result.waitlist.map { $0.position! } == Array(1..<(result.waitlist.count + 1)))
            // Nobody waits while a seat is free, and "over quota" means the quota is full.
            if !result.waitlist.isEmpty { #expect(result.selected.count == capacity) }
            for decision in result.decisions where decision.reason == .overQuota {
                #expect(result.seatsByCountry[decision.country, default: 0] == terms.quota.limit(for: decision.country))
            }
            for decision in result.decisions where decision.reason == .round || decision.reason == .capacity {
                #expect(terms.admits(country: decision.country, level: candidates.first { $0.application == decision.application }!.level))
            }
            // Rounds are taken in order: nobody selected by the rule comes from a later round than a waitlisted one.
            let lastSelectedRound = result.decisions.filter { $0.reason == .round }.compactMap(\.round).max() ?? 0
            let firstWaitingRound = result.waitlist.compactMap(\.round).min() ?? Int.max
            #expect(lastSelectedRound <= firstWaitingRound)
        }
        #expect(refusals < 300)
    }
}
