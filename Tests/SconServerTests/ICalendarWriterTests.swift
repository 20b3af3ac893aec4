import Foundation
import SconDomain
import Testing

/// The RFC 5545 writer (SconDomain/Shared/ICalendar) as a real parser reads it.
@Suite struct ICalendarWriterTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    static let moment = Date(timeIntervalSince1970: 1_796_083_200) // 2026-12-01T00:00:00Z

    @Test func zonedEventsReadBackInUTCWithTheirZone() throws {
        // Setup: a meeting at 10:00 in Seoul (01:00 UTC), text with every character TEXT escapes.
        let event = ICalendarEvent(uid: "meeting-1@kscon", sequence: 2, stamp: Self.moment,
                                   start: Self.moment.addingTimeInterval(3_600), end: Self.moment.addingTimeInterval(5_400),
                                   timing: .zoned(Self.seoul), summary: "스마트시티 상담; table 3, room \\A",
                                   description: "line one\nline two", location: "부산 BEXCO", status: .confirmed)
        // Act
        let text = ICalendar(name: "K-SCON 일정", events: [event]).text
        // Check
        let calendar = try #require(try ICalendarReader.read(text))
        #expect(calendar.name == "K-SCON 일정")
        #expect(calendar.timezones == ["Asia/Seoul"])
        let read = try #require(calendar.events.first)
        #expect(read.uid == "meeting-1@kscon")
        #expect(read.sequence == 2)
        #expect(read.status == "CONFIRMED")
        #expect(read.summary == "스마트시티 상담; table 3, room \\A")
        #expect(read.description == "line one\nline two")
        #expect(read.start == "2026-12-01T01:00:00Z")
        #expect(read.end == "2026-12-01T01:30:00Z")
        #expect(read.tzid == "Asia/Seoul")
        #expect(text.contains("DTSTART;TZID=Asia/Seoul:20261201T100000\r\n"))
    }

    @Test func longLinesFoldWithoutSplittingACharacter() throws {
        // Setup: a Korean summary far over 75 octets (3 octets a syllable).
        let summary = String(repeating: "도시문제해결", count: 20)
        let event = ICalendarEvent(uid: "u", stamp: Self.moment, start: Self.moment, end: Self.moment.addingTimeInterval(60), summary: summary)
        // Act
        let text = ICalendar(events: [event]).text
        // Check: every physical line is at most 75 octets, valid UTF-8, and the parser joins them back.
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let calendar = try #require(try ICalendarReader.read(text))
        #expect(calendar.events.first?.summary == summary)
    }

    @Test func cancelledAllDayAndDaylightSavingZones() throws {
        // Setup: a cancelled all-day event and one in a zone with daylight saving time across a change.
        let paris = TimeZone(identifier: "Europe/Paris")!
        let march = Date(timeIntervalSince1970: 1_805_500_800) // 2027-03-20T00:00:00Z
        let events = [
            ICalendarEvent(uid: "day", sequence: 1, stamp: Self.moment, start: Self.moment, end: Self.moment.addingTimeInterval(86_400),
                           timing: .allDay, summary: "Deadline", status: .cancelled),
            ICalendarEvent(uid: "forum", stamp: Self.moment, start: march, end: march.addingTimeInterval(14 * 86_400),
                           timing: .zoned(paris), summary: "Forum"),
        ]
        // Act
        let calendar = try #require(try ICalendarReader.read(ICalendar(events: events).text))
        // Check
        #expect(calendar.events[0].status == "CANCELLED")
        #expect(calendar.events[0].start == "2026-12-01")
        #expect(calendar.events[0].end == "2026-12-02")
        #expect(calendar.events[1].start == "2027-03-20T00:00:00Z")
        #expect(calendar.events[1].end == "2027-04-03T00:00:00Z") // after the change to summer time
    }
}
