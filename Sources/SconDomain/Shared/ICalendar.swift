import Foundation

/// An iCalendar object (RFC 5545): one `VCALENDAR` with its events and, for every time zone the
/// events are given in, a `VTIMEZONE` built from the zone database (so a reader needs no zone
/// table of its own). Written with CRLF line ends, lines folded at 75 octets without splitting a
/// character, and TEXT values escaped (`\\`, `;`, `,`, newlines).
public struct ICalendar: Sendable {
    /// `PRODID`, e.g. `-//K-SCON//Events//EN`.
    public var productID: String
    /// The calendar's name shown by subscribing programs (`X-WR-CALNAME`, `NAME` of RFC 7986).
    public var name: String?
    /// `METHOD` (e.g. `PUBLISH`); nil leaves it out, as for a subscribed feed.
    public var method: String?
    public var events: [ICalendarEvent]

    public init(productID: String = "-//K-SCON//K-SCON//EN", name: String? = nil, method: String? = "PUBLISH", events: [ICalendarEvent]) {
        self.productID = productID
        self.name = name
        self.method = method
        self.events = events
    }

    /// The calendar as RFC 5545 text.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.escape(productID), "CALSCALE:GREGORIAN"]
        if let method { lines.append("METHOD:" + method) }
        if let name {
            lines.append("NAME:" + Self.escape(name))
            lines.append("X-WR-CALNAME:" + Self.escape(name))
        }
        lines += timeZoneLines()
        for event in events { lines += event.lines() }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    // MARK: time zones

    private func timeZoneLines() -> [String] {
        var byZone: [String: (TimeZone, Date, Date)] = [:]
        for event in events {
            guard case .zoned(let zone) = event.timing else { continue }
            let span = byZone[zone.identifier].map { (min($0.1, event.start), max($0.2, event.end)) } ?? (event.start, event.end)
            byZone[zone.identifier] = (zone, span.0, span.1)
        }
        return byZone.keys.sorted().flatMap { id -> [String] in
            let (zone, from, to) = byZone[id]!
            return Self.timeZone(zone, from: from, to: to)
        }
    }

    /// A `VTIMEZONE` whose observances cover `from...to`: one `STANDARD` at the offset in force
    /// at `from`, then one component per transition up to `to` (zones without daylight saving
    /// time, like every ASEAN country's and Korea's, have just the one).
    static func timeZone(_ zone: TimeZone, from: Date, to: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone.identifier]
        let first = from.addingTimeInterval(-86_400)
        var offset = zone.secondsFromGMT(for: first)
        lines += observance(daylight: zone.isDaylightSavingTime(for: first), start: Date(timeIntervalSince1970: 0), from: offset, to: offset, zone: nil)
        var cursor = first
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change <= to.addingTimeInterval(86_400) {
            let next = zone.secondsFromGMT(for: change)
            lines += observance(daylight: zone.isDaylightSavingTime(for: change), start: change, from: offset, to: next, zone: offset)
            offset = next
            cursor = change
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private static func observance(daylight: Bool, start: Date, from: Int, to: Int, zone previous: Int?) -> [String] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        // DTSTART of an observance is local time in the offset before the change.
        let local = start.addingTimeInterval(Double(previous ?? 0))
        return ["BEGIN:" + kind, "DTSTART:" + ICalendarEvent.stamp(local, utc: false),
                "TZOFFSETFROM:" + offsetText(from), "TZOFFSETTO:" + offsetText(to), "END:" + kind]
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + two(minutes / 60) + two(minutes % 60)
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    // MARK: text

    /// Escapes a TEXT value (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds one content line at 75 octets (continuations start with a space, which counts),
    /// never inside a UTF-8 sequence, and ends it with CRLF.
    static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out + "\r\n"
    }
}

/// One `VEVENT`. `uid` must stay the same for the same event across versions of the feed;
/// `sequence` goes up each time its time or place changes (RFC 5546 §2.1.4).
public struct ICalendarEvent: Sendable {
    public enum Timing: Sendable {
        /// Times written in UTC (`DTSTART:20261201T010000Z`).
        case utc
        /// Local times in this zone (`DTSTART;TZID=Asia/Seoul:20261201T100000`).
        case zoned(TimeZone)
        /// Whole days (`DTSTART;VALUE=DATE:20261201`, end exclusive).
        case allDay
    }

    public enum Status: String, Sendable { case tentative = "TENTATIVE", confirmed = "CONFIRMED", cancelled = "CANCELLED" }

    public var uid: String
    public var sequence: Int
    public var stamp: Date
    public var start: Date
    public var end: Date
    public var timing: Timing
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    public var status: Status?
    public var categories: [String]

    public init(uid: String, sequence: Int = 0, stamp: Date, start: Date, end: Date, timing: Timing = .utc,
                summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
                status: Status? = nil, categories: [String] = []) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
        self.categories = categories
    }

    func lines() -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + ICalendar.escape(uid), "DTSTAMP:" + Self.stamp(stamp, utc: true)]
        if sequence > 0 { lines.append("SEQUENCE:\(sequence)") }
        lines.append(moment("DTSTART", start))
        lines.append(moment("DTEND", end))
        lines.append("SUMMARY:" + ICalendar.escape(summary))
        if let description { lines.append("DESCRIPTION:" + ICalendar.escape(description)) }
        if let location { lines.append("LOCATION:" + ICalendar.escape(location)) }
        if let url { lines.append("URL:" + url) }
        if let status { lines.append("STATUS:" + status.rawValue) }
        if !categories.isEmpty { lines.append("CATEGORIES:" + categories.map(ICalendar.escape).joined(separator: ",")) }
        lines.append("END:VEVENT")
        return lines
    }

    private func moment(_ name: String, _ date: Date) -> String {
        switch timing {
        case .utc: return name + ":" + Self.stamp(date, utc: true)
        case .zoned(let zone):
            let local = date.addingTimeInterval(Double(zone.secondsFromGMT(for: date)))
            return name + ";TZID=" + zone.identifier + ":" + Self.stamp(local, utc: false)
        case .allDay:
            return name + ";VALUE=DATE:" + CalendarDay(date).description.replacingOccurrences(of: "-", with: "")
        }
    }

    /// `YYYYMMDDTHHMMSS` of the moment read in UTC, with `Z` when it is meant as UTC.
    static func stamp(_ date: Date, utc: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = String(p.year!)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + ICalendar.two(p.month!) + ICalendar.two(p.day!)
            + "T" + ICalendar.two(p.hour!) + ICalendar.two(p.minute!) + ICalendar.two(p.second!) + (utc ? "Z" : "")
    }
}
