import Foundation

/// Writes RFC 4180 CSV for spreadsheet programs: UTF-8 with a byte-order mark (so that Excel
/// reads Korean), CRLF line ends, fields quoted when they hold a comma, a quote or a line end.
/// A field starting with `=`, `+`, `-` or `@` is prefixed with `'` so that a spreadsheet does
/// not run it as a formula (CSV injection).
public struct CSVWriter: Sendable {
    public let columns: [String]
    private var text: String

    public init(columns: [String]) {
        self.columns = columns
        text = "\u{FEFF}"
        append(row: columns)
    }

    public mutating func append(row fields: [String]) {
        precondition(fields.count == columns.count, "a CSV row has one field per column")
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    public var output: String { text }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A GeoJSON FeatureCollection of points (RFC 7946): WGS 84 longitude then latitude (§3.1.1),
/// at most 6 decimals (§11.2), properties as strings, numbers or null, and no `crs` member.
public struct GeoJSONPoints: Sendable {
    public struct Feature: Sendable {
        public var id: String
        public var longitude: Double
        public var latitude: Double
        public var properties: [(String, GeoJSONValue)]

        public init(id: String, longitude: Double, latitude: Double, properties: [(String, GeoJSONValue)]) {
            self.id = id; self.longitude = longitude; self.latitude = latitude; self.properties = properties
        }
    }

    public var features: [Feature]

    public init(features: [Feature]) { self.features = features }

    /// The document as text (media type `application/geo+json`).
    public var text: String {
        var output = "{\"type\":\"FeatureCollection\",\"features\":["
        for (index, feature) in features.enumerated() {
            if index > 0 { output += "," }
            output += "{\"type\":\"Feature\",\"id\":\(Self.quoted(feature.id)),\"geometry\":{\"type\":\"Point\",\"coordinates\":["
            output += Self.number(feature.longitude) + "," + Self.number(feature.latitude) + "]},\"properties\":{"
            output += feature.properties.map { Self.quoted($0.0) + ":" + $0.1.json }.joined(separator: ",")
            output += "}}"
        }
        return output + "]}"
    }

    public static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 { output += String(format: "\\u%04x", scalar.value) } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output + "\""
    }
}

/// A property value of a GeoJSON feature.
public enum GeoJSONValue: Sendable {
    case text(String)
    case number(Int)
    case null

    var json: String {
        switch self {
        case .text(let text): GeoJSONPoints.quoted(text)
        case .number(let number): String(number)
        case .null: "null"
        }
    }
}
