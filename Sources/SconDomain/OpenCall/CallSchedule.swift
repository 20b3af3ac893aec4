import Foundation

/// When a call opens and closes. Deadlines carry their own time zone (DESIGN.md): they are
/// entered as local wall-clock times in the call's zone (`2020-06-30T18:00`, `Asia/Seoul`),
/// kept as entered, and turned into UTC instants that the server compares with the clock.
public struct CallSchedule: Sendable, Hashable, Codable {
    /// Local wall-clock times as entered, `YYYY-MM-DDTHH:MM`.
    public var opensLocal: String
    public var closesLocal: String
    /// An IANA time zone identifier, such as `Asia/Seoul` or `Asia/Bangkok`.
    public var timeZone: String
    public var opensAt: Date
    public var closesAt: Date

    /// Checks the two local times and the zone; the call must close after it opens.
    public static func validated(opens: String?, closes: String?, timeZone zoneText: String?,
                                 rules: inout FieldRules) -> CallSchedule? {
        let zoneName = (zoneText ?? "").trimmingCharacters(in: .whitespaces)
        let zone = TimeZone(identifier: zoneName)
        if zone == nil || zoneName.isEmpty || !zoneName.contains("/") && zoneName != "UTC" {
            rules.fail("timeZone", zoneName.isEmpty ? "required" : "unknown",
                       "timeZone is an IANA time zone such as Asia/Seoul or Asia/Bangkok.")
        }
        let opensAt = zone.flatMap { instant(opens, in: $0) }
        let closesAt = zone.flatMap { instant(closes, in: $0) }
        if parts(opens) == nil { rules.fail("opensAt", opens == nil ? "required" : "invalid", "opensAt is a local time YYYY-MM-DDTHH:MM.") }
        if parts(closes) == nil { rules.fail("closesAt", closes == nil ? "required" : "invalid", "closesAt is a local time YYYY-MM-DDTHH:MM.") }
        guard let zone, let opensAt, let closesAt, let opensText = opens, let closesText = closes else { return nil }
        if closesAt <= opensAt { rules.fail("closesAt", "before-opening", "the call must close after it opens.") }
        return CallSchedule(opensLocal: opensText, closesLocal: closesText, timeZone: zone.identifier,
                            opensAt: opensAt, closesAt: closesAt)
    }

    /// Before `closesAt` (the deadline itself is the first instant that is late).
    public func acceptsSubmissions(at now: Date) -> Bool { now >= opensAt && now < closesAt }

    /// The UTC instant of a local wall-clock time in `zone`.
    static func instant(_ text: String?, in zone: TimeZone) -> Date? {
        guard let parts = parts(text) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute)
        return calendar.date(from: components)
    }

    /// `YYYY-MM-DDTHH:MM` with a real date and time, or nil.
    static func parts(_ text: String?) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int)? {
        guard let text, text.utf8.count == 16 else { return nil }
        let bytes = Array(text.utf8)
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16),
              (2000...2100).contains(year), (1...12).contains(month), hour < 24, minute < 60 else { return nil }
        let daysInMonth = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...daysInMonth[month - 1]).contains(day) else { return nil }
        return (year, month, day, hour, minute)
    }
}
