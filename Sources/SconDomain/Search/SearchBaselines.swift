import Foundation

/// The two baselines that `scon bench search` prints next to the analysis, computed the way
/// the issue states them.
public enum SearchBaselines {
    /// Plain BM25 over whitespace tokens: the text split at white space, lower-cased, with
    /// punctuation trimmed from both ends of each token.
    public static func whitespaceTokens(_ text: String) -> [String] {
        let edges = CharacterSet.punctuationCharacters.union(.symbols)
        return text.split(whereSeparator: \.isWhitespace).compactMap { raw in
            let token = raw.lowercased().trimmingCharacters(in: edges)
            return token.isEmpty ? nil : token
        }
    }

    /// The FTS5 `MATCH` expression of the trigram baseline (a table with `tokenize='trigram'`,
    /// ranked by `bm25()`): each whitespace token of at least three characters as a quoted
    /// string, joined by OR. Nil when no token is long enough (the trigram index cannot look
    /// up shorter strings; the baseline then finds nothing).
    public static func trigramExpression(_ query: String) -> String? {
        let tokens = query.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { $0.unicodeScalars.count >= 3 }
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return tokens.isEmpty ? nil : tokens.joined(separator: " OR ")
    }
}
