import Foundation
import Testing
@testable import SconDomain

@Suite struct CohortTermsTests {
    typealias F = TrainingFixtures

    static func issues(_ draft: CohortDraft) -> [FieldIssue] {
        do {
            _ = try draft.validated(knownCountries: F.known)
            return []
        } catch {
            guard case .invalid(let issues) = error else { return [] }
            return issues
        }
    }

    @Test func aCompleteDraftBecomesTermsWithTheDefaults() throws {
        let terms = try F.draft().validated(knownCountries: F.known)
        #expect(terms.capacity == 6 && terms.quota == .atMost(2))
        #expect(terms.eligibleCountries == CountryCode.asean)
        #expect(terms.eligibleLevels == GovernmentLevel.allCases)
        #expect(terms.completion == CompletionRule(minimumAttendancePercent: 80, actionPlanRequired: true))
        #expect(terms.acceptanceDays == 7)
        #expect(terms.sessions.count == 10 && terms.sessions[3].onlineLink == "https://meet.kscon.example/s/3")
        // The deadline is the end of 2026-03-31 in Bangkok (UTC+7); ranking a week later.
        #expect(terms.window.closesAt == F.at("2026-03-31T17:00:00Z"))
        #expect(terms.window.rankingClosesAt == F.at("2026-04-07T17:00:00Z"))
        #expect(terms.window.opensAt == F.at("2026-02-28T17:00:00Z"))
        // The cohort runs in Seoul time (UTC+9).
        #expect(terms.startsAt == F.at("2026-05-10T15:00:00Z"))
        #expect(terms.endsAt == F.at("2026-05-20T15:00:00Z"))
        let first = try #require(terms.sessions.first?.interval(timeZone: terms.venueTimeZone))
        #expect(first.start == F.at("2026-05-11T00:30:00Z") && first.end == F.at("2026-05-11T03:00:00Z"))
        let data = try JSONEncoder().encode(terms)
        #expect(try JSONDecoder().decode(CohortTerms.self, from: data) == terms)
        #expect(String(decoding: data, as: UTF8.self).contains("\"quota\":{\"atMost\":2}"))
    }

    @Test func aSessionOutsideTheDatesIsNamedByItsPath() {
        var draft = F.draft()
        draft.sessions![2].day = "2026-05-21"
        draft.sessions![4].ends = "09:00"
        draft.sessions![5].onlineLink = "http://meet.kscon.example"
        draft.sessions![6].venue = nil
        draft.sessions![6].onlineLink = nil
        draft.sessions![7].starts = "25:00"
        let issues = Self.issues(draft)
        #expect(issues.contains(FieldIssue(field: "sessions[2].day", code: "outside-dates",
                                           detail: "a session is held within the cohort's dates (2026-05-11 to 2026-05-20).")))
        #expect(Set(issues.map { "\($0.field) \($0.code)" }) == ["sessions[2].day outside-dates", "sessions[4].ends before-start",
                                                                   "sessions[5].onlineLink not-https", "sessions[6].venue required",
                                                                   "sessions[7].starts invalid"])
    }

    @Test func quotasFitTheCapacity() {
        #expect(Self.issues(F.draft(capacity: 6, quota: .init(atMost: 7))).map(\.field) == ["quota.atMost"])
        #expect(Self.issues(F.draft(capacity: 6, quota: .init(atMost: 0))).map(\.field) == ["quota.atMost"])
        #expect(Self.issues(F.draft(capacity: 6, quota: .init(atMost: 2, fixed: ["TH": 2]))).map(\.code) == ["one-kind"])
        var draft = F.draft(capacity: 6, quota: .init(fixed: ["TH": 3, "VN": 2, "PH": 2]))
        #expect(Self.issues(draft).map { "\($0.field) \($0.code)" } == ["quota.fixed over-capacity"])
        draft.quota = .init(fixed: ["TH": 3, "VN": 2, "PH": 1])
        let terms = try? draft.validated(knownCountries: F.known)
        #expect(terms?.eligibleCountries == [F.ph, F.th, F.vn])
        #expect(terms?.quota.limit(for: F.th) == 3 && terms?.quota.limit(for: F.id) == 0)
        draft.eligibleCountries = ["TH", "VN", "PH", "ID"]
        #expect(Self.issues(draft).map { "\($0.field) \($0.code)" } == ["quota.fixed.ID required"])
        draft.eligibleCountries = ["TH", "VN"]
        #expect(Self.issues(draft).map { "\($0.field) \($0.code)" } == ["quota.fixed.PH not-eligible"])
        var none = F.draft()
        none.quota = nil
        #expect(Self.issues(none).map(\.field) == ["quota"])
    }

    @Test func windowsAndLimitsAreChecked() {
        var draft = F.draft()
        draft.rankingDeadline = "2026-05-11"
        #expect(Self.issues(draft).map { "\($0.field) \($0.code)" } == ["rankingDeadline after-start"])
        draft.rankingDeadline = "2026-03-30"
        #expect(Self.issues(draft).map { "\($0.field) \($0.code)" } == ["rankingDeadline before-deadline"])
        draft = F.draft()
        draft.applicationTimeZone = "Bangkok"
        draft.venueTimeZone = nil
        draft.endDay = "2026-05-10"
        draft.capacity = 0
        draft.acceptanceDays = 31
        draft.minimumAttendancePercent = 0
        draft.eligibleLevels = ["mayor"]
        draft.eligibleCountries = ["TH", "XX"]
        #expect(Set(Self.issues(draft).map { "\($0.field) \($0.code)" }) == [
            "applicationTimeZone unknown", "venueTimeZone required", "endDay before-start", "capacity out-of-range",
            "acceptanceDays out-of-range", "minimumAttendancePercent out-of-range", "eligibleLevels[0] unknown",
            "eligibleCountries[1] unknown",
        ])
    }

    @Test func completionNeedsTheShareOfSessionsAndThePlan() {
        let rule = CompletionRule(minimumAttendancePercent: 80, actionPlanRequired: true)
        let sessions = Array(1...12)
        // 80 % of 12 is 9.6: ten sessions are needed, nine are not enough.
        let nine = rule.evaluate(attended: Set(1...9), sessions: sessions, actionPlanSubmitted: true)
        #expect(!nine.completed && nine.required == 10)
        #expect(nine.shortfalls == [.attendance(attended: 9, sessions: 12, required: 10)])
        #expect(rule.evaluate(attended: Set(1...10), sessions: sessions, actionPlanSubmitted: true).completed)
        let noPlan = rule.evaluate(attended: Set(1...12), sessions: sessions, actionPlanSubmitted: false)
        #expect(noPlan.shortfalls == [.actionPlanMissing])
        #expect(noPlan.description == "not completed: the action plan was not handed in.")
        // Sessions not held (or not of this cohort) do not count.
        #expect(!rule.evaluate(attended: Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14]), sessions: sessions, actionPlanSubmitted: true).completed)
        #expect(CompletionRule(minimumAttendancePercent: 80, actionPlanRequired: false)
            .evaluate(attended: Set(1...8), sessions: Array(1...10), actionPlanSubmitted: false).completed)
        #expect(CompletionRule(minimumAttendancePercent: 100).evaluate(attended: [1], sessions: [1, 2], actionPlanSubmitted: true).required == 2)
    }
}
