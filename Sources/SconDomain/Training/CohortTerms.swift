import Foundation

/// The rules of one cohort of invitation training, checked (`CohortDraft.validated`): when
/// and where it runs, how many officials it takes and how many per country, who may apply
/// and until when, its sessions, and what completes it.
public struct CohortTerms: Sendable, Hashable, Codable {
    public var title: LocalizedText
    /// The venue's IANA time zone: the dates and the sessions' times are local to it.
    public var venueTimeZone: String
    /// First and last day of the cohort, venue time.
    public var dates: DayRange
    /// Seats, 1–200.
    public var capacity: Int
    public var quota: CountryQuota
    /// The countries whose government officials may apply.
    public var eligibleCountries: [CountryCode]
    /// The levels of government that may apply.
    public var eligibleLevels: [GovernmentLevel]
    /// Further requirements in words (role, seniority), judged by the nominating organisation.
    public var eligibilityNote: LocalizedText?
    public var window: ApplicationWindow
    public var sessions: [TrainingSession]
    /// Documents an application must include, in the order they are asked for.
    public var requiredDocuments: [LocalizedText]
    public var completion: CompletionRule
    /// Days a selected official has to accept the offer (1–30).
    public var acceptanceDays: Int

    /// The first instant of the cohort: local midnight at the start of its first day.
    public var startsAt: Date {
        ApplicationWindow.startOfDay(dates.start, in: TimeZone(identifier: venueTimeZone)!)!
    }

    /// The first instant after the cohort: local midnight after its last day.
    public var endsAt: Date {
        ApplicationWindow.startOfDay(dates.end.adding(days: 1), in: TimeZone(identifier: venueTimeZone)!)!
    }

    /// Whether an official of `country` at `level` may apply.
    public func admits(country: CountryCode, level: GovernmentLevel) -> Bool {
        eligibleCountries.contains(country) && eligibleLevels.contains(level)
    }
}
