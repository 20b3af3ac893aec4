import Foundation
import Testing
@testable import SconServer

/// Reads an iCalendar text with a real parser (PyPI `icalendar`, through scripts/ics-read.py) and
/// answers what it understood. CI installs the parser (`.ci/run`); when it is missing the test
/// records an issue rather than passing without a check.
struct ICalendarReader {
    struct Calendar: Decodable {
        let name: String?
        let timezones: [String]
        let events: [Event]
    }

    struct Event: Decodable, Equatable {
        let uid: String
        let sequence: Int
        let status: String?
        let summary: String
        let description: String?
        let location: String?
        /// UTC (`…Z`) for timed events, the day for all-day ones.
        let start: String?
        let end: String?
        let tzid: String?
    }

    /// The repository: this file is Tests/SconServerTests/Support/ICalendarReader.swift.
    static let repositoryRoot: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The parsed calendar; nil (with a recorded issue naming the cause) when python3 or icalendar
    /// is missing or the text does not parse.
    static func read(_ text: String) throws -> Calendar? {
        try PythonScript.read("ics-read.py", text, as: Calendar.self, refused: "the iCalendar parser refused the text")
    }
}
