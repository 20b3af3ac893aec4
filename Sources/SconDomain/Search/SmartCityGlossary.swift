/// A glossary of smart-city terms across the ten content languages: a term found in a text adds
/// its concept (`concept:flood`) to the text's index terms, so that a query in one language
/// finds documents in another that name the same thing. The table is in
/// `SmartCityGlossary+Terms.swift`; this type compiles it once and finds its forms in text.
enum SmartCityGlossary {
    /// One form of a concept, normalised like any text: a sequence of pieces (words of Latin
    /// script, runs of unspaced scripts).
    struct Form: Sendable {
        var concept: String
        var language: ContentLanguage
        var pieces: [TextPiece]
    }

    /// A concept found in text: which concept, from which piece and unit to which piece and unit.
    struct Match: Sendable, Hashable {
        var concept: String
        var range: Range<Int>
    }

    /// Every concept name of the tables.
    static var concepts: [String] { (table + places).map(\.concept) }

    /// Forms indexed by their first key: the folded first word, or the first unit of an unspaced run.
    private static let index: [String: [Form]] = {
        var index: [String: [Form]] = [:]
        for (concept, forms) in table + places {
            for (language, list) in forms {
                for text in list.split(separator: "|") {
                    var pieces = TextPieces.split(String(text))
                    for i in pieces.indices where pieces[i].script == .latin {
                        pieces[i].units = [TextPieces.foldLatin(pieces[i].text)]
                    }
                    guard let first = pieces.first, let key = first.units.first else { continue }
                    index[key, default: []].append(Form(concept: concept, language: language, pieces: pieces))
                }
            }
        }
        return index
    }()

    /// The concepts named in `pieces`. `keys(i)` gives the matching keys of word piece `i` (its
    /// folded form and possible roots); forms of `languages` only are looked for.
    static func matches(in pieces: [TextPiece], keys: (Int) -> [String], languages: Set<ContentLanguage>) -> [Match] {
        var found: [Match] = []
        let wordKeys = pieces.indices.map { pieces[$0].script.isWordScript ? Set(keys($0)) : [] }
        for i in pieces.indices {
            let piece = pieces[i]
            if piece.script.isWordScript {
                for key in wordKeys[i] {
                    for form in index[key] ?? [] where languages.contains(form.language) {
                        if let end = matchRest(form, from: i, pieces: pieces, wordKeys: wordKeys) {
                            found.append(Match(concept: form.concept, range: piece.range.lowerBound..<end))
                        }
                    }
                }
            } else {
                for start in piece.units.indices {
                    for form in index[piece.units[start]] ?? [] where languages.contains(form.language) {
                        let units = form.pieces[0].units
                        if form.pieces.count == 1 {
                            guard start + units.count <= piece.units.count,
                                  piece.units[start..<(start + units.count)].elementsEqual(units) else { continue }
                            found.append(Match(concept: form.concept, range: piece.range(start..<(start + units.count))))
                        } else {
                            guard piece.units[start...].elementsEqual(units),
                                  let end = matchRest(form, from: i, pieces: pieces, wordKeys: wordKeys) else { continue }
                            found.append(Match(concept: form.concept, range: piece.ranges[start].lowerBound..<end))
                        }
                    }
                }
            }
        }
        return found
    }

    /// Matches the second and later pieces of `form` on the pieces after `start`; returns the
    /// UTF-16 end of the match.
    private static func matchRest(_ form: Form, from start: Int, pieces: [TextPiece], wordKeys: [Set<String>]) -> Int? {
        var end = pieces[start].range.upperBound
        for (offset, part) in form.pieces.enumerated().dropFirst() {
            let index = start + offset
            guard index < pieces.count, pieces[index].spaceBefore || pieces[index].touchesPrevious else { return nil }
            let piece = pieces[index]
            if part.script.isWordScript {
                guard piece.script.isWordScript, let word = part.units.first, wordKeys[index].contains(word) else { return nil }
                end = piece.range.upperBound
            } else if offset == form.pieces.count - 1 {
                guard piece.script == part.script, piece.units.starts(with: part.units) else { return nil }
                end = piece.range(0..<part.units.count).upperBound
            } else {
                guard piece.units == part.units else { return nil }
                end = piece.range.upperBound
            }
        }
        return end
    }
}
