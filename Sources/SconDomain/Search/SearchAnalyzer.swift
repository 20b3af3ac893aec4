/// The language analysis of marketplace search: what a document is indexed under and what a
/// query looks for. Both go through the same normalisation (NFKC, lower case, full-width forms
/// folded, zero-width characters dropped) and the same per-script rules (docs/search.md):
/// - Latin script (en, vi, id, ms, tl): words without diacritics (`ngap lut` finds `ngập lụt`),
///   pairs of adjacent words, English Porter2 stems, Indonesian/Malay and Tagalog possible roots
///   (`sampah` finds `persampahan`, `banjir` finds `kebanjiran`, `baha` finds `pagbaha`).
/// - Hangul: syllable bigrams (`주차` finds `스마트주차시스템을`), single syllables for one-syllable
///   queries, and each word without its particle.
/// - Thai, Lao, Khmer, Myanmar (no spaces between words): bigrams of syllable-like units.
/// - Han and kana: character bigrams and single characters.
/// - Every language: concepts of the smart-city glossary, shared across languages.
public enum SearchAnalyzer {
    /// The terms of a document's title and body, each with its field and place.
    public static func documentTerms(title: String, body: String, language: ContentLanguage,
                                     settings: AnalysisSettings = .standard) -> [IndexTerm] {
        terms(of: title, field: .title, language: language, settings: settings)
            + terms(of: body, field: .body, language: language, settings: settings)
    }

    /// The terms of one field of a document.
    public static func terms(of text: String, field: IndexTerm.Field, language: ContentLanguage,
                             settings: AnalysisSettings = .standard) -> [IndexTerm] {
        terms(of: text, field: field, language: language, kinds: nil, settings: settings)
    }

    /// The same, of the given kinds only (nil: all): what a highlight looks for, without the
    /// work of the other kinds.
    static func terms(of text: String, field: IndexTerm.Field, language: ContentLanguage, kinds: Set<IndexTerm.Kind>?,
                      settings: AnalysisSettings = .standard) -> [IndexTerm] {
        let extraction = TermExtraction(mode: .document(language), settings: settings, kinds: kinds)
        return extraction.terms(TextPieces.split(text)).map {
            IndexTerm(kind: $0.kind, text: $0.text, field: field, range: $0.range)
        }
    }

    /// The two columns to store in the full-text table for a document: its title's and its
    /// body's tokens, separated by spaces (see `IndexTerm.token`).
    public static func indexedDocument(title: String, body: String, language: ContentLanguage,
                                       settings: AnalysisSettings = .standard) -> IndexedDocument {
        let title = terms(of: title, field: .title, language: language, settings: settings)
        let body = terms(of: body, field: .body, language: language, settings: settings)
        return IndexedDocument(titleTokens: title.map(\.token).joined(separator: " "),
                               bodyTokens: body.map(\.token).joined(separator: " "))
    }

    /// The analysed query. `language` is the query's language when known (it narrows Latin
    /// stemming and glossary lookup to that language and English); usually nil, and then every
    /// language's rules apply. At most `settings.maxQueryCharacters` characters are read and
    /// `settings.maxQueryTerms` distinct terms kept, concepts first.
    public static func queryTerms(_ query: String, language: ContentLanguage? = nil,
                                  settings: AnalysisSettings = .standard) -> AnalyzedQuery {
        let pieces = Array(TextPieces.split(query, limit: settings.maxQueryCharacters).prefix(32))
        let found = TermExtraction(mode: .query(language), settings: settings).terms(pieces)
        var seen: Set<String> = []
        var terms: [AnalyzedQuery.Term] = []
        for item in found.filter({ $0.kind == .concept }) + found.filter({ $0.kind != .concept }) {
            let term = AnalyzedQuery.Term(kind: item.kind, text: item.text)
            if seen.insert(term.token).inserted { terms.append(term) }
            if terms.count == settings.maxQueryTerms { break }
        }
        return AnalyzedQuery(terms: terms, conceptRepeat: settings.conceptRepeat)
    }
}

/// A document's tokens for the two columns of the full-text table.
public struct IndexedDocument: Sendable, Hashable {
    public var titleTokens: String
    public var bodyTokens: String

    public init(titleTokens: String, bodyTokens: String) {
        self.titleTokens = titleTokens
        self.bodyTokens = bodyTokens
    }

    /// One distinct token of a document with its frequency in each field: the rows of a
    /// postings table, for databases without FTS5 (docs/search.md gives PostgreSQL's BM25 query).
    public struct Posting: Sendable, Hashable {
        public var token: String
        public var titleCount: Int
        public var bodyCount: Int
    }

    /// The document's distinct tokens with their frequencies, in first-seen order.
    public var postings: [Posting] {
        var order: [String] = []
        var counts: [String: (Int, Int)] = [:]
        for (token, isTitle) in titleTokens.split(separator: " ").map({ (String($0), true) }) + bodyTokens.split(separator: " ").map({ (String($0), false) }) {
            if counts[token] == nil { order.append(token) }
            var count = counts[token] ?? (0, 0)
            if isTitle { count.0 += 1 } else { count.1 += 1 }
            counts[token] = count
        }
        return order.map { Posting(token: $0, titleCount: counts[$0]!.0, bodyCount: counts[$0]!.1) }
    }

    /// The number of tokens of the document (BM25's document length).
    public var length: Int { titleTokens.split(separator: " ").count + bodyTokens.split(separator: " ").count }
}
