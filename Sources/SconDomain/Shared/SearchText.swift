import Foundation

/// How names are made searchable in Korean and English alike: Unicode-normalised (NFKC),
/// case-folded, whitespace collapsed. The same function builds the stored search key and
/// the query, so a LIKE on the key behaves the same on SQLite and PostgreSQL.
public enum SearchText {
    public static func normalise(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The stored key for several names of one record (English, Korean, acronym...).
    public static func key(_ names: String?...) -> String {
        names.compactMap { $0 }.filter { !$0.isEmpty }.map(normalise).joined(separator: " | ")
    }

    /// A LIKE pattern matching `query` anywhere, with LIKE's wildcards escaped by `\`.
    public static func containsPattern(_ query: String) -> String {
        var escaped = ""
        for character in normalise(query) {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
