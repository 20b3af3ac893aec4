import Foundation

/// A short excerpt of a text around what a query matched, in parts so that the server can
/// escape each part and wrap the matched ones in `<mark>`.
public struct SearchSnippet: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var text: String
        public var isMatch: Bool
    }

    public var parts: [Part]
    /// The excerpt starts after the beginning of the text (show an ellipsis before it).
    public var cutBefore: Bool
    /// The excerpt ends before the end of the text (show an ellipsis after it).
    public var cutAfter: Bool

    /// The excerpt in the plain marker convention: matches between `«` and `»`, cuts as `…`.
    /// `«` and `»` of the text itself become `‹` and `›`, so the markers are unambiguous.
    public var marked: String {
        var result = cutBefore ? "…" : ""
        for part in parts {
            var text = part.text
            if text.contains(where: { $0 == "«" || $0 == "»" }) {
                text = String(text.map { $0 == "«" ? "‹" : $0 == "»" ? "›" : $0 })
            }
            result += part.isMatch ? "«" + text + "»" : text
        }
        return result + (cutAfter ? "…" : "")
    }
}

/// Makes the `highlight` of a search result: the part of a title or body where the query's
/// terms are densest, with the matched words marked.
public enum SearchHighlighter {
    /// The marked excerpt (see `SearchSnippet.marked`) of at most about `length` characters.
    public static func highlight(text: String, language: ContentLanguage, query: AnalyzedQuery, length: Int = 160,
                                 settings: AnalysisSettings = .standard) -> String {
        snippet(text: text, language: language, query: query, length: length, settings: settings).marked
    }

    /// The highlight of a search result: the body's excerpt when the query matched the body,
    /// else the title's (so that a result always shows why it was found, when it can).
    public static func highlight(title: String, body: String, language: ContentLanguage, query: AnalyzedQuery, length: Int = 160,
                                 settings: AnalysisSettings = .standard) -> String {
        let fromBody = snippet(text: body, language: language, query: query, length: length, settings: settings)
        if fromBody.parts.contains(where: \.isMatch) || title.isEmpty { return fromBody.marked }
        return snippet(text: title, language: language, query: query, length: length, settings: settings).marked
    }

    /// The highlight of a hit from the spans stored with its title and body (`TermSpans`): the
    /// same excerpt as `highlight(title:body:…)` without analysing the texts again.
    public static func highlight(title: String, titleSpans: [UInt8], body: String, bodySpans: [UInt8], query: AnalyzedQuery,
                                 length: Int = 160) -> String {
        let wanted = TermSpans.wanted(by: query)
        let fromBody = snippet(text: body, matches: TermSpans.ranges(in: bodySpans, matching: wanted), length: length)
        if fromBody.parts.contains(where: \.isMatch) || title.isEmpty { return fromBody.marked }
        return snippet(text: title, matches: TermSpans.ranges(in: titleSpans, matching: wanted), length: length).marked
    }

    /// The excerpt of `text` of at most about `length` characters around the query's matches.
    public static func snippet(text: String, language: ContentLanguage, query: AnalyzedQuery, length: Int = 160,
                               settings: AnalysisSettings = .standard) -> SearchSnippet {
        // Terms are compared by kind and text (a document term's token would be a hash to
        // compute), and only the query's kinds are looked for; pairs are never marked.
        let wanted = Set(query.terms.filter { $0.kind != .pair }.map { "\($0.kind.rawValue)\($0.text)" })
        let kinds = Set(query.terms.map(\.kind)).subtracting([.pair])
        let terms = SearchAnalyzer.terms(of: text, field: .body, language: language, kinds: kinds, settings: settings)
        return snippet(text: text, matches: terms.filter { wanted.contains("\($0.kind.rawValue)\($0.text)") }.map(\.range), length: length)
    }

    /// The excerpt of `text` around `matches` (UTF-16 ranges in `text`).
    static func snippet(text: String, matches: [Range<Int>], length: Int) -> SearchSnippet {
        // Each character's place in the text and in UTF-16 units (one past the end last), and
        // whether it is a space; the parts are then slices of the text.
        var indices: [String.Index] = [], starts: [Int] = [], spaces: [Bool] = []
        indices.reserveCapacity(text.utf8.count + 1)
        starts.reserveCapacity(text.utf8.count + 1)
        spaces.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        var offset = 0
        for character in text {
            indices.append(index)
            starts.append(offset)
            spaces.append(character.isWhitespace)
            offset += character.utf16.count
            index = text.utf8.index(index, offsetBy: character.utf8.count)
        }
        indices.append(text.endIndex)
        starts.append(offset)
        func characterIndex(_ utf16: Int) -> Int {
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < utf16 { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let count = spaces.count
        var spans = matches.filter { $0.upperBound <= offset }
            .map { characterIndex($0.lowerBound)..<characterIndex($0.upperBound) }
            .sorted { $0.lowerBound < $1.lowerBound }
        spans = merge(spans)
        let window = window(of: spaces, spans: spans, length: max(length, 20))
        func part(_ range: Range<Int>, _ isMatch: Bool) -> SearchSnippet.Part {
            .init(text: String(text[indices[range.lowerBound]..<indices[range.upperBound]]), isMatch: isMatch)
        }
        var parts: [SearchSnippet.Part] = []
        var cursor = window.lowerBound
        for span in spans where span.lowerBound < window.upperBound && span.upperBound > window.lowerBound {
            let start = max(span.lowerBound, window.lowerBound), end = min(span.upperBound, window.upperBound)
            if cursor < start { parts.append(part(cursor..<start, false)) }
            parts.append(part(start..<end, true))
            cursor = end
        }
        if cursor < window.upperBound { parts.append(part(cursor..<window.upperBound, false)) }
        return SearchSnippet(parts: parts, cutBefore: window.lowerBound > 0, cutAfter: window.upperBound < count)
    }

    private static func merge(_ spans: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for span in spans where !span.isEmpty {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The window of `length` characters holding the most matches, starting a little before
    /// its first match and at a space when one is near.
    private static func window(of spaces: [Bool], spans: [Range<Int>], length: Int) -> Range<Int> {
        guard spaces.count > length else { return 0..<spaces.count }
        var best = 0..<length
        var bestCount = -1
        for span in spans {
            var start = max(0, span.lowerBound - length / 5)
            if let space = spaces[start..<span.lowerBound].firstIndex(of: true), space < span.lowerBound {
                start = space + 1
            }
            start = min(start, spaces.count - length)
            let end = start + length
            let count = spans.filter { $0.lowerBound >= start && $0.upperBound <= end }.count
            if count > bestCount {
                best = start..<end
                bestCount = count
            }
        }
        var end = best.upperBound
        if end < spaces.count, let space = spaces[(best.lowerBound + length * 3 / 4)..<end].lastIndex(of: true) {
            end = space
        }
        return best.lowerBound..<end
    }
}
