import Foundation

/// A day of the calendar without a time ("2026-12-10"), as in ISO 8601 and `xsd:date`: for
/// periods of unavailability, milestones, value dates of exchange rates. Days compare in order.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, refusing days that do not exist (2026-02-30).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day a moment falls on in UTC.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year!
        month = parts.month!
        day = parts.day!
    }

    /// Midnight UTC at the start of the day.
    public var start: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The day `count` days later (or earlier, when negative).
    public func adding(days count: Int) -> CalendarDay {
        CalendarDay(start.addingTimeInterval(Double(count) * 86_400))
    }

    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day (YYYY-MM-DD): \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The days from `start` to `end`, both included.
public struct DayRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(_ start: CalendarDay, _ end: CalendarDay) {
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: DayRange) -> Bool { start <= other.end && other.start <= end }

    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }

    /// ISO 8601 interval notation: `2026-12-10/2027-01-05`.
    public var description: String { "\(start)/\(end)" }

    /// Parses `start/end` (also `start..end` or two days separated by spaces or a dash
    /// surrounded by spaces), refusing an end before the start.
    public init?(_ text: some StringProtocol) {
        let days = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "–" || $0 == "~" || $0 == "." })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "-" }
        guard days.count == 2, let start = CalendarDay(days[0]), let end = CalendarDay(days[1]), start <= end else { return nil }
        self.init(start, end)
    }
}
