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
            let text = part.text.replacingOccurrences(of: "«", with: "‹").replacingOccurrences(of: "»", with: "›")
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

    /// The excerpt of `text` of at most about `length` characters around the query's matches.
    public static func snippet(text: String, language: ContentLanguage, query: AnalyzedQuery, length: Int = 160,
                               settings: AnalysisSettings = .standard) -> SearchSnippet {
        let wanted = Set(query.tokens)
        let characters = Array(text)
        // UTF-16 offset of each character's start, and one past the end
        var starts: [Int] = []
        starts.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            starts.append(offset)
            offset += character.utf16.count
        }
        starts.append(offset)
        func characterIndex(_ utf16: Int) -> Int {
            var low = 0, high = starts.count - 1
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < utf16 { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let terms = SearchAnalyzer.terms(of: text, field: .body, language: language, settings: settings)
        var spans = terms.filter { wanted.contains($0.token) && $0.kind != .pair }
            .map { characterIndex($0.range.lowerBound)..<characterIndex($0.range.upperBound) }
            .sorted { $0.lowerBound < $1.lowerBound }
        spans = merge(spans)
        let window = window(of: characters, spans: spans, length: max(length, 20))
        var parts: [SearchSnippet.Part] = []
        var cursor = window.lowerBound
        for span in spans where span.lowerBound < window.upperBound && span.upperBound > window.lowerBound {
            let start = max(span.lowerBound, window.lowerBound), end = min(span.upperBound, window.upperBound)
            if cursor < start { parts.append(.init(text: String(characters[cursor..<start]), isMatch: false)) }
            parts.append(.init(text: String(characters[start..<end]), isMatch: true))
            cursor = end
        }
        if cursor < window.upperBound { parts.append(.init(text: String(characters[cursor..<window.upperBound]), isMatch: false)) }
        return SearchSnippet(parts: parts, cutBefore: window.lowerBound > 0, cutAfter: window.upperBound < characters.count)
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
    private static func window(of characters: [Character], spans: [Range<Int>], length: Int) -> Range<Int> {
        guard characters.count > length else { return 0..<characters.count }
        var best = 0..<length
        var bestCount = -1
        for span in spans {
            var start = max(0, span.lowerBound - length / 5)
            if let space = characters[start..<span.lowerBound].firstIndex(where: \.isWhitespace), space < span.lowerBound {
                start = space + 1
            }
            start = min(start, characters.count - length)
            let end = start + length
            let count = spans.filter { $0.lowerBound >= start && $0.upperBound <= end }.count
            if count > bestCount {
                best = start..<end
                bestCount = count
            }
        }
        var end = best.upperBound
        if end < characters.count, let space = characters[(best.lowerBound + length * 3 / 4)..<end].lastIndex(where: \.isWhitespace) {
            end = space
        }
        return best.lowerBound..<end
    }
}
