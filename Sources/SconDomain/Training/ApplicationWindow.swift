import Foundation

/// When officials apply to a cohort, and until when their organisations nominate them and
/// their countries' focal points rank them. Days are local days of the window's own IANA
/// time zone: the window opens at the start of `opens` and each deadline is the end of its
/// day (the next local midnight is the first instant that is late), as call deadlines are
/// compared in UTC by the server (`CallSchedule`).
public struct ApplicationWindow: Sendable, Hashable, Codable {
    public var opens: CalendarDay
    /// The last day to submit an application.
    public var deadline: CalendarDay
    /// The last day to nominate and rank; on or after `deadline`.
    public var rankingDeadline: CalendarDay
    /// An IANA time zone identifier, such as `Asia/Bangkok`.
    public var timeZone: String
    public var opensAt: Date
    /// The first instant that is too late to submit.
    public var closesAt: Date
    /// The first instant that is too late to nominate or rank.
    public var rankingClosesAt: Date

    /// Checks the days and the zone; nil (with the issues recorded) when any is wrong.
    /// Without a ranking deadline, nominations and ranking close seven days after applications.
    public static func validated(opens: String?, deadline: String?, rankingDeadline: String?, timeZone zoneText: String?,
                                 rules: inout FieldRules) -> ApplicationWindow? {
        let zone = CohortDraft.zone(zoneText, field: "applicationTimeZone", rules: &rules)
        let opensDay = CohortDraft.day(opens, field: "applicationOpens", rules: &rules)
        let deadlineDay = CohortDraft.day(deadline, field: "applicationDeadline", rules: &rules)
        var rankingDay = deadlineDay?.adding(days: 7)
        if let rankingDeadline { rankingDay = CohortDraft.day(rankingDeadline, field: "rankingDeadline", rules: &rules) }
        guard let zone, let opensDay, let deadlineDay, let rankingDay else { return nil }
        if deadlineDay < opensDay {
            rules.fail("applicationDeadline", "before-opening", "the application deadline is on or after the day applications open.")
            return nil
        }
        if rankingDay < deadlineDay {
            rules.fail("rankingDeadline", "before-deadline", "nominations and ranking close on or after the application deadline.")
            return nil
        }
        guard let opensAt = startOfDay(opensDay, in: zone), let closesAt = startOfDay(deadlineDay.adding(days: 1), in: zone),
              let rankingClosesAt = startOfDay(rankingDay.adding(days: 1), in: zone) else {
            rules.fail("applicationDeadline", "out-of-range", "the application window lies between 2000 and 2100.")
            return nil
        }
        return ApplicationWindow(opens: opensDay, deadline: deadlineDay, rankingDeadline: rankingDay, timeZone: zone.identifier,
                                 opensAt: opensAt, closesAt: closesAt, rankingClosesAt: rankingClosesAt)
    }

    /// Local midnight at the start of `day` in `zone`, as a UTC instant.
    static func startOfDay(_ day: CalendarDay, in zone: TimeZone) -> Date? {
        CallSchedule.instant("\(day)T00:00", in: zone)
    }

    public func acceptsApplications(at now: Date) -> Bool { now >= opensAt && now < closesAt }

    public func acceptsRanking(at now: Date) -> Bool { now < rankingClosesAt }

    /// "2026-03-31 (Asia/Bangkok)": the deadline as refusals name it (the whole day counts).
    public var deadlineText: String { "\(deadline) (\(timeZone))" }
    public var rankingDeadlineText: String { "\(rankingDeadline) (\(timeZone))" }
    public var opensText: String { "\(opens) (\(timeZone))" }
}
