/// The analysed form of what a user typed in the search box: the terms to look up, each with
/// its storage token, and the expressions for the database's full-text search.
public struct AnalyzedQuery: Sendable, Hashable {
    /// One term of a query.
    public struct Term: Sendable, Hashable {
        public var kind: IndexTerm.Kind
        public var text: String
        public var token: String

        public init(kind: IndexTerm.Kind, text: String) {
            self.kind = kind
            self.text = text
            self.token = IndexTerm.token(kind: kind, text: text)
        }
    }

    /// Distinct terms, concepts first, then in the order of the query text.
    public var terms: [Term]
    /// How many times each concept is looked up (`AnalysisSettings.conceptRepeat`).
    public var conceptRepeat: Int

    public init(terms: [Term], conceptRepeat: Int = 1) {
        self.terms = terms
        self.conceptRepeat = max(1, conceptRepeat)
    }

    /// Nothing searchable was typed (empty, only punctuation or spaces).
    public var isEmpty: Bool { terms.isEmpty }

    /// The tokens to look up: each term's token, a concept's `conceptRepeat` times.
    public var tokens: [String] {
        terms.flatMap { Array(repeating: $0.token, count: $0.kind == .concept ? conceptRepeat : 1) }
    }

    /// An SQLite FTS5 `MATCH` expression: any of the tokens (`c9xyz OR c9xyz OR w1abc OR ...`; a
    /// repeated token counts once more in `bm25()`); rank with `bm25(table, titleWeight, bodyWeight)`.
    /// Empty when the query is empty (match nothing).
    public var ftsExpression: String { tokens.joined(separator: " OR ") }

    /// A PostgreSQL `to_tsquery('simple', ...)` text matching the same documents (`w1abc | s2def`).
    public var tsQuery: String { terms.map(\.token).joined(separator: " | ") }
}
