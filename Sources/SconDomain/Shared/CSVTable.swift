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
}
