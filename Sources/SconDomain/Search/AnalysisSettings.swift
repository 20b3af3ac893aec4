/// The choices of the analysis that the quality measurement decided (docs/search.md gives the
/// figures). `standard` is what the server uses; the other values exist for `scon bench search`
/// to compare variants on the same judged set. Documents and queries must be analysed with
/// the same settings.
public struct AnalysisSettings: Sendable, Hashable {
    /// The languages whose documents index pairs of adjacent words (compounds such as
    /// `ngập lụt`, phrases such as `street lights`); queries look pairs up whenever this is not empty.
    public var pairLanguages: Set<ContentLanguage> = [.vi]
    /// Index Latin words with their diacritics as well, so that exact spelling ranks first.
    /// Off: it nearly doubles a Vietnamese document's terms, and BM25's length normalisation
    /// then ranks Vietnamese documents below others (measured: nDCG 0.899 without, 0.898 with).
    public var exactAccents = false
    /// Index single syllables / clusters of unspaced scripts, so that one-character queries match.
    public var unspacedUnigrams = true
    /// Index trigrams of unspaced scripts besides bigrams.
    public var unspacedTrigrams = false
    /// Group Thai, Lao, Khmer and Myanmar character clusters into syllable-like units before
    /// taking n-grams (leading vowels with their consonant, Khmer subscripts, Myanmar finals).
    public var syllableUnits = true
    /// Add glossary concepts (cross-language expansion).
    public var concepts = true
    /// How many times a query looks up each concept: BM25 adds one score per occurrence of a
    /// query term (as FTS5 does per phrase), so this weighs a concept against the words.
    /// Two: a concept weighs about as much as a distinctive word (measured: 1 → 0.888, 2 → 0.899, 3 → 0.903
    /// on the tuning queries; 3 starts to lower compound and diacritic-free queries).
    public var conceptRepeat = 2
    /// Column weights for ranking: pass them to FTS5 as `bm25(table, titleWeight, bodyWeight)`.
    public var titleWeight = 2.0
    public var bodyWeight = 1.0
    /// A query is read up to this many characters.
    public var maxQueryCharacters = 256
    /// A query keeps at most this many distinct terms.
    public var maxQueryTerms = 64

    public init() {}

    /// The settings the server uses.
    public static let standard = AnalysisSettings()
}
