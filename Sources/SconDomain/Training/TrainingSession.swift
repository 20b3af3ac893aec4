import Foundation

/// One session of a cohort: a day within the cohort's dates, local start and end times in
/// the venue's time zone, a topic in Korean and English, and where: a room (venue), an
/// online link (https), or both (hybrid).
public struct TrainingSession: Sendable, Hashable, Codable {
    public var day: CalendarDay
    /// `HH:MM`, venue time.
    public var starts: String
    public var ends: String
    public var topic: LocalizedText
    public var venue: LocalizedText?
    public var onlineLink: String?

    public init(day: CalendarDay, starts: String, ends: String, topic: LocalizedText, venue: LocalizedText? = nil, onlineLink: String? = nil) {
        self.day = day
        self.starts = starts
        self.ends = ends
        self.topic = topic
        self.venue = venue
        self.onlineLink = onlineLink
    }

    /// The session's start and end as UTC instants, for a venue in `timeZone`.
    public func interval(timeZone: String) -> (start: Date, end: Date)? {
        guard let zone = TimeZone(identifier: timeZone),
              let start = CallSchedule.instant("\(day)T\(starts)", in: zone),
              let end = CallSchedule.instant("\(day)T\(ends)", in: zone) else { return nil }
        return (start, end)
    }

    /// Minutes since midnight of `HH:MM`, or nil.
    static func minutes(_ text: String?) -> Int? {
        guard let text, text.utf8.count == 5 else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        return hour * 60 + minute
    }
}
