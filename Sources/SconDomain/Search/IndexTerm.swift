/// One term of a document's or a query's analysis, and its storage form.
///
/// The database index stores terms as `token`s: ASCII words `[a-z0-9]+` (a kind letter and the
/// base-36 FNV-1a 64-bit hash of the term's text) that every full-text tokenizer keeps as one
/// token — SQLite FTS5's `unicode61` and PostgreSQL's `simple` configuration alike — so the
/// database ranks with its own BM25 over the terms this analysis chose, whatever the script.
public struct IndexTerm: Sendable, Hashable {
    /// What a term stands for; the kind letter starts the token.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A word of a space-delimited script, lower-cased and without diacritics (`ngap`).
        case word = "w"
        /// A Latin word with its diacritics (`ngập`), so that exact spelling ranks first.
        case exact = "x"
        /// A stem or possible root (`flood` for `flooding`, `sampah` for `persampahan`).
        case stem = "s"
        /// Two adjacent words (`ngap lut`), for compounds and phrases.
        case pair = "p"
        /// One syllable or character cluster of an unspaced script (for one-character queries).
        case unigram = "u"
        /// Two adjacent syllables or character clusters of an unspaced script (`주차`).
        case bigram = "b"
        /// Three adjacent character clusters of an unspaced script.
        case trigram = "t"
        /// A smart-city concept of the glossary (`flood`), shared by all languages.
        case concept = "c"
    }

    /// The part of a document a term comes from.
    public enum Field: String, Sendable, Codable {
        case title, body
    }

    public var kind: Kind
    /// The normalised text of the term (for display and debugging; the index stores `token`).
    public var text: String
    public var field: Field
    /// Where the term is in the field's original text, in UTF-16 code units.
    public var range: Range<Int>

    public init(kind: Kind, text: String, field: Field, range: Range<Int>) {
        self.kind = kind
        self.text = text
        self.field = field
        self.range = range
    }

    /// The storage form: the kind letter and the base-36 FNV-1a hash of `text`, e.g. `w1x8k3zq0v2ab`.
    public var token: String { Self.token(kind: kind, text: text) }

    /// The storage form of a term of `kind` with `text`.
    public static func token(kind: Kind, text: String) -> String {
        kind.rawValue + String(fnv1a64(text), radix: 36)
    }

    /// The 64-bit FNV-1a hash of a text's UTF-8 bytes: a term's storage form, a token's key in
    /// the postings (`SearchIndex.key`) and, cut to 32 bits, in the term spans (`TermSpans`).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
