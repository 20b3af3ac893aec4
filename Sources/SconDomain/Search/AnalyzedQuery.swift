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

    public init(terms: [Term]) { self.terms = terms }

    /// Nothing searchable was typed (empty, only punctuation or spaces).
    public var isEmpty: Bool { terms.isEmpty }

    /// The distinct tokens of the terms.
    public var tokens: [String] { terms.map(\.token) }

    /// An SQLite FTS5 `MATCH` expression: any of the tokens (`w1abc OR s2def OR ...`); rank with
    /// `bm25(table, titleWeight, bodyWeight)`. Empty when the query is empty (match nothing).
    public var ftsExpression: String { tokens.joined(separator: " OR ") }

    /// A PostgreSQL `to_tsquery('simple', ...)` text with the same meaning (`w1abc | s2def`).
    public var tsQuery: String { tokens.joined(separator: " | ") }
}
