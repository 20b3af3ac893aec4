import Foundation
import Testing
@testable import SconDomain

@Suite struct TraineeApplicationTests {
    typealias F = TrainingFixtures
    static let terms = F.terms()

    @Test func followsTheWholePathToCompletion() throws {
        var application = F.application(1)
        try application.submit(terms: Self.terms, at: F.at("2026-03-31T16:59:59Z"))
        #expect(application.state == .submitted)
        try application.nominate(by: F.uuid(900), terms: Self.terms, at: F.at("2026-04-02T00:00:00Z"))
        try application.rank(1, byFocalPointOf: F.th, terms: Self.terms, at: F.at("2026-04-07T16:59:59Z"))
        #expect(application.state == .ranked && application.rank == 1)
        let decision = TraineeDecision(application: application.id, country: F.th, outcome: .selected, reason: .round, round: 1)
        try application.record(decision, terms: Self.terms, confirmedAt: F.at("2026-04-10T00:00:00Z"))
        #expect(application.state == .selected && application.offerDeadline == F.at("2026-04-17T00:00:00Z"))
        try application.accept(at: F.at("2026-04-16T23:59:59Z"))
        #expect(throws: TraineeApplication.Refusal.cohortNotEnded(ends: "2026-05-20 (Asia/Seoul)")) {
            try application.finish(Self.terms.completion.evaluate(attended: Set(0..<10), sessions: Array(0..<10), actionPlanSubmitted: true),
                                   terms: Self.terms, at: F.at("2026-05-20T14:59:59Z"))
        }
        try application.finish(Self.terms.completion.evaluate(attended: Set(0..<7), sessions: Array(0..<10), actionPlanSubmitted: true),
                               terms: Self.terms, at: F.at("2026-05-20T15:00:00Z"))
        #expect(application.state == .notCompleted)
    }

    @Test func refusesLateEarlyIncompleteAndIneligibleApplications() {
        var late = F.application(1)
        #expect(throws: TraineeApplication.Refusal.applicationClosed(deadline: "2026-03-31 (Asia/Bangkok)")) {
            try late.submit(terms: Self.terms, at: F.at("2026-03-31T17:00:00Z"))
        }
        #expect(late.state == .draft && late.submittedAt == nil)
        var early = F.application(1)
        #expect(throws: TraineeApplication.Refusal.notYetOpen(opens: "2026-03-01 (Asia/Bangkok)")) {
            try early.submit(terms: Self.terms, at: F.at("2026-02-28T16:59:59Z"))
        }
        var incomplete = F.application(1)
        incomplete.motivation = ""
        incomplete.documents = []
        #expect(throws: TraineeApplication.Refusal.incomplete(["motivation", "documents[0]"])) {
            try incomplete.submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z"))
        }
        var korean = F.application(1, F.kr)
        #expect(throws: TraineeApplication.Refusal.countryNotEligible(F.kr)) { try korean.submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z")) }
        var terms = Self.terms
        terms.eligibleLevels = [.national]
        var local = F.application(1)
        #expect(throws: TraineeApplication.Refusal.levelNotEligible(.local)) { try local.submit(terms: terms, at: F.at("2026-03-15T00:00:00Z")) }
        let refusal = TraineeApplication.Refusal.incomplete(["motivation", "documents[0]"])
        #expect(refusal.key == "training.incomplete")
        #expect(refusal.values == ["fields": .keys(["traineefield.motivation", "traineefield.documents"])])
    }

    @Test func organisationsNominateAndFocalPointsRankOnlyTheirOwn() throws {
        var application = F.application(1)
        try application.submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z"))
        #expect(throws: TraineeApplication.Refusal.notNominated) {
            try application.rank(1, byFocalPointOf: F.th, terms: Self.terms, at: F.at("2026-04-01T00:00:00Z"))
        }
        #expect(throws: TraineeApplication.Refusal.otherOrganisation) {
            try application.nominate(by: F.uuid(901), terms: Self.terms, at: F.at("2026-04-01T00:00:00Z"))
        }
        #expect(throws: TraineeApplication.Refusal.rankingClosed(deadline: "2026-04-07 (Asia/Bangkok)")) {
            try application.nominate(by: F.uuid(900), terms: Self.terms, at: F.at("2026-04-07T17:00:00Z"))
        }
        try application.nominate(by: F.uuid(900), terms: Self.terms, at: F.at("2026-04-01T00:00:00Z"))
        #expect(throws: TraineeApplication.Refusal.otherCountry(F.th)) {
            try application.rank(1, byFocalPointOf: F.vn, terms: Self.terms, at: F.at("2026-04-01T00:00:00Z"))
        }
        #expect(throws: TraineeApplication.Refusal.wrongState(.nominated, action: .nominate)) {
            try application.nominate(by: F.uuid(900), terms: Self.terms, at: F.at("2026-04-01T00:00:00Z"))
        }
        #expect(application.state == .nominated)
    }

    @Test func offersLapseAndWithdrawalsAreFinal() throws {
        var application = F.application(1)
        try application.submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z"))
        try application.record(TraineeDecision(application: application.id, country: F.th, outcome: .waitlisted, reason: .capacity, position: 1),
                               terms: Self.terms, confirmedAt: F.at("2026-04-10T00:00:00Z"))
        #expect(throws: TraineeApplication.Refusal.wrongState(.waitlisted, action: .respond)) { try application.accept(at: F.at("2026-04-11T00:00:00Z")) }
        try application.offer(until: F.at("2026-04-20T00:00:00Z"))
        #expect(throws: TraineeApplication.Refusal.offerExpired(deadline: "2026-04-20T00:00:00.000Z")) {
            try application.accept(at: F.at("2026-04-20T00:00:00Z"))
        }
        #expect(throws: TraineeApplication.Refusal.wrongState(.selected, action: .lapse)) { try application.lapse(at: F.at("2026-04-19T00:00:00Z")) }
        try application.lapse(at: F.at("2026-04-20T00:00:00Z"))
        #expect(application.state == .declined)
        #expect(throws: TraineeApplication.Refusal.wrongState(.declined, action: .withdraw)) {
            try application.withdraw(by: .applicant, terms: Self.terms, at: F.at("2026-04-21T00:00:00Z"))
        }
        var other = F.application(2)
        try other.withdraw(by: .officer, terms: Self.terms, at: F.at("2026-03-02T00:00:00Z"))
        #expect(other.state == .withdrawn)
        // An offer made at the confirmation never runs past the cohort's start.
        var lateOffer = F.application(3)
        try lateOffer.submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z"))
        try lateOffer.record(TraineeDecision(application: lateOffer.id, country: F.th, outcome: .selected, reason: .round, round: 1),
                             terms: Self.terms, confirmedAt: F.at("2026-05-08T00:00:00Z"))
        #expect(lateOffer.offerDeadline == Self.terms.startsAt)
    }

    @Test func aFocalPointRanksItsListAtOnce() throws {
        var applications = (1...4).map { F.application($0) } + [F.application(5, F.vn)]
        for index in applications.indices {
            try applications[index].submit(terms: Self.terms, at: F.at("2026-03-15T00:00:00Z"))
            if index != 3 { try applications[index].nominate(by: F.uuid(900), terms: Self.terms, at: F.at("2026-04-01T00:00:00Z")) }
        }
        let now = F.at("2026-04-02T00:00:00Z")
        let first = try TraineeRanking.ranked([F.uuid(2), F.uuid(1), F.uuid(3)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        #expect(first.map(\.id) == [F.uuid(1), F.uuid(2), F.uuid(3)] && first.map(\.rank) == [2, 1, 3])
        for changed in first { applications[applications.firstIndex { $0.id == changed.id }!] = changed }
        // Re-ranking: 3 first, 1 left out (back to nominated).
        let second = try TraineeRanking.ranked([F.uuid(3), F.uuid(2)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        #expect(Dictionary(uniqueKeysWithValues: second.map { ($0.id, $0.rank) }) == [F.uuid(1): nil, F.uuid(2): 2, F.uuid(3): 1])
        #expect(second.first { $0.id == F.uuid(1) }?.state == .nominated)
        #expect(throws: TraineeRanking.Refusal.duplicate(F.uuid(2))) {
            try TraineeRanking.ranked([F.uuid(2), F.uuid(2)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        }
        #expect(throws: TraineeRanking.Refusal.application(F.uuid(4), .notNominated)) {
            try TraineeRanking.ranked([F.uuid(4)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        }
        #expect(throws: TraineeRanking.Refusal.application(F.uuid(5), .otherCountry(F.vn))) {
            try TraineeRanking.ranked([F.uuid(5)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        }
        #expect(throws: TraineeRanking.Refusal.unknown(F.uuid(77))) {
            try TraineeRanking.ranked([F.uuid(77)], byFocalPointOf: F.th, applications: applications, terms: Self.terms, at: now)
        }
    }
}
