/// Turns the pieces of a text into index terms: the per-script rules of the analysis.
/// Documents are analysed knowing their language; queries usually not, so a Latin query word
/// gets the stems and roots of every Latin-script language at once.
struct TermExtraction {
    enum Mode: Sendable {
        case document(ContentLanguage)
        case query(ContentLanguage?)
    }

    /// A term before it is placed in a field.
    struct Found: Sendable, Hashable {
        var kind: IndexTerm.Kind
        var text: String
        var range: Range<Int>
    }

    var mode: Mode
    var settings: AnalysisSettings
    /// The kinds wanted, when not all (a highlight looks only for its query's kinds): the work
    /// of stems, pairs, unigrams and concepts is skipped when they are not wanted.
    var kinds: Set<IndexTerm.Kind>? = nil

    private func wants(_ kind: IndexTerm.Kind) -> Bool { kinds?.contains(kind) ?? true }

    private var isQuery: Bool { if case .query = mode { true } else { false } }

    private var wantsPairs: Bool {
        switch mode {
        case .document(let language): settings.pairLanguages.contains(language)
        case .query: !settings.pairLanguages.isEmpty
        }
    }

    private var language: ContentLanguage? {
        switch mode {
        case .document(let language): language
        case .query(let language): language
        }
    }

    func terms(_ rawPieces: [TextPiece]) -> [Found] {
        let pieces = settings.syllableUnits ? rawPieces.map(SyllableUnits.merge) : rawPieces
        var found: [Found] = []
        var folded: [String] = pieces.map { $0.script.isWordScript ? TextPieces.foldLatin($0.text) : "" }
        for i in pieces.indices where pieces[i].script == .otherWord { folded[i] = pieces[i].text }
        for (i, piece) in pieces.enumerated() {
            switch piece.script {
            case .latin, .digit, .otherWord:
                found += wordTerms(piece, folded: folded[i])
                if wantsPairs, wants(.pair), i > 0, pieces[i - 1].script.isWordScript, piece.spaceBefore, !piece.touchesPrevious {
                    found.append(Found(kind: .pair, text: folded[i - 1] + " " + folded[i], range: pieces[i - 1].range.lowerBound..<piece.range.upperBound))
                }
            case .hangul:
                found += hangulTerms(piece)
                // compounds are written with or without spaces (주차 시스템, 주차시스템): a bigram joins
                // the end of the previous word (without its particle) to the start of this one
                if i > 0, pieces[i - 1].script == .hangul, piece.spaceBefore, !piece.touchesPrevious {
                    let previous = pieces[i - 1]
                    let last = KoreanParticles.stemLength(previous.units) - 1
                    found.append(Found(kind: .bigram, text: previous.units[last] + piece.units[0],
                                       range: previous.ranges[last].lowerBound..<piece.ranges[0].upperBound))
                }
            case .han:
                found += ngramTerms(piece, wholeWord: true)
            case .thai, .lao, .khmer, .myanmar:
                found += ngramTerms(piece, wholeWord: false)
            case .separator:
                break
            }
        }
        if settings.concepts && wants(.concept) {
            let languages: Set<ContentLanguage> = language.map { [$0, .en] } ?? Set(ContentLanguage.allCases)
            let matches = SmartCityGlossary.matches(in: rawPieces, keys: { conceptKeys(rawPieces[$0]) }, languages: languages)
            found += matches.map { Found(kind: .concept, text: $0.concept, range: $0.range) }
        }
        return found
    }

    // MARK: - Latin and other space-delimited words

    private func wordTerms(_ piece: TextPiece, folded: String) -> [Found] {
        var found = [Found(kind: .word, text: folded, range: piece.range)]
        // a document's letters and digits written together are also indexed apart, so that a
        // query written apart finds them (PM 2.5 finds PM2.5); a query written together stays precise
        if !isQuery {
            let parts = Self.letterDigitParts(folded)
            if parts.count > 1 { found += parts.map { Found(kind: .word, text: $0, range: piece.range) } }
        }
        guard piece.script == .latin else { return found }
        let original = piece.text
        if settings.exactAccents && wants(.exact) && original != folded {
            found.append(Found(kind: .exact, text: original, range: piece.range))
        }
        // a document in a language without stemming (Vietnamese) has no stem terms: they would
        // repeat its words and only make it look longer to BM25 than documents in other languages
        if case .document(let language) = mode, !Self.stemmed.contains(language) { return found }
        guard wants(.stem) else { return found }
        for stem in stems(folded) {
            found.append(Found(kind: .stem, text: stem, range: piece.range))
        }
        return found
    }

    /// The runs of letters and of digits of a word: `pm2` → `pm`, `2`.
    static func letterDigitParts(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var currentIsDigit: Bool?
        for character in word {
            let isDigit = character.isASCII && character.isNumber
            if currentIsDigit != nil && currentIsDigit != isDigit {
                parts.append(current)
                current = ""
            }
            current.append(character)
            currentIsDigit = isDigit
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The stems of a folded Latin word: the document language's, or for a query every language's.
    func stems(_ word: String) -> [String] {
        switch mode {
        case .document(let language):
            return Self.stems(word, language: language)
        case .query(let language):
            let languages: [ContentLanguage] = language.map { [$0] } ?? [.en, .id, .tl]
            var all = [word]
            for language in languages {
                for stem in Self.stems(word, language: language) where !all.contains(stem) { all.append(stem) }
            }
            return all
        }
    }

    /// The Latin-script languages whose words have stems or roots.
    static let stemmed: Set<ContentLanguage> = [.en, .id, .ms, .tl]

    static func stems(_ word: String, language: ContentLanguage) -> [String] {
        switch language {
        case .en: [EnglishStemmer.stem(word)]
        case .id, .ms: MalayStemmer.roots(word)
        case .tl: TagalogStemmer.roots(word)
        case .vi, .ko, .th, .km, .lo, .my: [word]
        }
    }

    /// The forms under which a word may name a glossary concept: its folded form, and for
    /// Malay, Indonesian and Tagalog (or an unknown query language) its possible roots.
    private func conceptKeys(_ piece: TextPiece) -> [String] {
        let word = TextPieces.foldLatin(piece.text)
        guard piece.script == .latin else { return [word] }
        switch language {
        case .id?, .ms?: return MalayStemmer.roots(word)
        case .tl?: return TagalogStemmer.roots(word)
        case nil: return MalayStemmer.roots(word) + TagalogStemmer.roots(word).dropFirst()
        default: return [word]
        }
    }

    // MARK: - Hangul

    /// Syllables, syllable bigrams and the word without its particle (`주차장을` → `주차장`).
    private func hangulTerms(_ piece: TextPiece) -> [Found] {
        let count = piece.units.count
        let stemCount = KoreanParticles.stemLength(piece.units)
        var found: [Found] = []
        if wants(.unigram) && (!isQuery && settings.unspacedUnigrams || isQuery && (count == 1 || stemCount == 1)) {
            for (i, unit) in piece.units.enumerated() where !isQuery || i < stemCount {
                found.append(Found(kind: .unigram, text: unit, range: piece.ranges[i]))
            }
        }
        found += ngrams(piece, size: 2)
        found.append(Found(kind: .word, text: piece.units[0..<stemCount].joined(), range: piece.range(0..<stemCount)))
        return found
    }

    // MARK: - Thai, Lao, Khmer, Myanmar, Han

    private func ngramTerms(_ piece: TextPiece, wholeWord: Bool) -> [Found] {
        var found: [Found] = []
        if wants(.unigram) && (!isQuery && settings.unspacedUnigrams || isQuery && piece.units.count == 1) {
            for (unit, range) in zip(piece.units, piece.ranges) { found.append(Found(kind: .unigram, text: unit, range: range)) }
        }
        found += ngrams(piece, size: 2)
        if settings.unspacedTrigrams && wants(.trigram) { found += ngrams(piece, size: 3) }
        if wholeWord && piece.units.count > 1 { found.append(Found(kind: .word, text: piece.text, range: piece.range)) }
        return found
    }

    private func ngrams(_ piece: TextPiece, size: Int) -> [Found] {
        guard piece.units.count >= size else { return [] }
        let kind: IndexTerm.Kind = size == 2 ? .bigram : .trigram
        return (0...(piece.units.count - size)).map { start in
            Found(kind: kind, text: piece.units[start..<(start + size)].joined(), range: piece.range(start..<(start + size)))
        }
    }
}
