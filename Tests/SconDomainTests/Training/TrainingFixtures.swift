import Foundation
@testable import SconDomain

/// Cohorts and applications for the training tests.
enum TrainingFixtures {
    static let known = Set(CountryCode.asean + [CountryCode("KR")!])
    static let th = CountryCode("TH")!, vn = CountryCode("VN")!, ph = CountryCode("PH")!, id = CountryCode("ID")!
    static let kr = CountryCode("KR")!

    /// A ten-day cohort in Seoul, applications in Bangkok time until 2026-03-31, ranking until 2026-04-07.
    static func draft(capacity: Int = 6, quota: CohortDraft.Quota = .init(atMost: 2)) -> CohortDraft {
        var draft = CohortDraft()
        draft.title = LocalizedText(en: "Smart city planning 2026-1", ko: "스마트시티 계획 2026-1")
        draft.venueTimeZone = "Asia/Seoul"
        draft.startDay = "2026-05-11"
        draft.endDay = "2026-05-20"
        draft.capacity = capacity
        draft.quota = quota
        draft.applicationOpens = "2026-03-01"
        draft.applicationDeadline = "2026-03-31"
        draft.applicationTimeZone = "Asia/Bangkok"
        draft.sessions = (0..<10).map { day in
            CohortDraft.Session(day: "2026-05-\(11 + day)", starts: "09:30", ends: "12:00",
                                topic: LocalizedText(en: "Topic \(day + 1)", ko: "주제 \(day + 1)"),
                                venue: LocalizedText(en: "LH Smart City Centre", ko: "LH 스마트시티 센터"),
                                onlineLink: day % 3 == 0 ? "https://meet.kscon.example/s/\(day)" : nil)
        }
        draft.requiredDocuments = [LocalizedText(en: "Letter of nomination", ko: "추천서")]
        return draft
    }

    static func terms(capacity: Int = 6, quota: CohortDraft.Quota = .init(atMost: 2)) -> CohortTerms {
        try! draft(capacity: capacity, quota: quota).validated(knownCountries: known)
    }

    /// Instants in UTC.
    static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func uuid(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))!
    }

    static func application(_ number: Int, _ country: CountryCode = th, level: GovernmentLevel = .local,
                            organisation: Int = 900) -> TraineeApplication {
        var application = TraineeApplication(id: uuid(number), country: country, organisation: uuid(organisation), level: level)
        application.motivation = "To plan our city's data platform."
        application.actionPlanIdea = "An integrated operations centre."
        application.documents = [0]
        return application
    }

    static func candidate(_ number: Int, _ country: CountryCode, rank: Int?, nominated minutes: Int? = 0,
                          level: GovernmentLevel = .local) -> TraineeCandidate {
        TraineeCandidate(application: uuid(number), country: country, level: level, rank: rank,
                         nominatedAt: minutes.map { at("2026-03-20T00:00:00Z").addingTimeInterval(Double($0) * 60) })
    }
}
