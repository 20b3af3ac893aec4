/// A parsed RFC 4180 CSV text with a header row.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public enum ParseError: Error, Equatable { case unterminatedQuote(line: Int), ragged(line: Int, expected: Int, found: Int) }

    public init(parsing text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var iterator = Array(text.unicodeScalars)[...]
        while let scalar = iterator.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if iterator.first == "\"" { field.unicodeScalars.append("\""); iterator.removeFirst() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n":
                record.append(field); field = ""
                records.append(record); record = []
                line += 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw ParseError.unterminatedQuote(line: line) }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { self.header = []; self.rows = []; return }
        for (index, row) in records.enumerated() where row.count != header.count {
            throw ParseError.ragged(line: index + 1, expected: header.count, found: row.count)
        }
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    /// The rows as dictionaries keyed by the header.
    public var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// RFC 4180 text: fields with a comma, quote or line break are quoted, quotes doubled;
    /// lines end with CRLF.
    public static func render(header: [String], rows: [[String]]) -> String {
        func field(_ value: String) -> String {
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`;
    /// `unguarded` takes it off again, so that export and import round-trip.
    public static func guarded(_ text: String) -> String {
        guard let first = text.first, "=+-@'".contains(first) else { return text }
        return "'" + text
    }

    public static func unguarded(_ text: String) -> String {
        guard text.first == "'", let second = text.dropFirst().first, "=+-@'".contains(second) else { return text }
        return String(text.dropFirst())
    }
}
