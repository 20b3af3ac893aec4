import Foundation
import SconDomain

/// The kinds of record the search box finds.
enum SearchKind: String, Sendable, CaseIterable, Codable {
    case challenge, solution, organisation, city, call, project, agreement
}

/// A record as the search index takes it: its texts in the language each is written in, where
/// it is, its sectors. Only what anyone may see is indexed (published challenges and solutions,
/// calls that are not drafts, public projects and agreements), so a search never shows what the caller may not.
struct SearchDocument: Sendable {
    struct Text: Sendable {
        var title: String
        var body: String
        var language: ContentLanguage
    }

    var kind: SearchKind
    var objectID: UUID
    var externalRef: String?
    /// The original text first (its title is what results show), then versions in other languages.
    var texts: [Text]
    var country: String
    var sectors: [Sector]

    /// The analysed tokens of every text, title and body apart, and where the original text's
    /// terms are in the title and the body the entry stores (`bodyCharacters`).
    struct Analysed: Sendable {
        var indexed: IndexedDocument
        var titleSpans: [UInt8]
        var bodySpans: [UInt8]
    }

    /// How much of the original body an entry stores (and a highlight can show).
    static let bodyCharacters = 4_000

    var analysed: Analysed {
        var titles: [String] = [], bodies: [String] = []
        var titleSpans: [UInt8] = [], bodySpans: [UInt8] = []
        for (index, text) in texts.enumerated() {
            let title = SearchAnalyzer.terms(of: text.title, field: .title, language: text.language)
            let body = SearchAnalyzer.terms(of: text.body, field: .body, language: text.language)
            if !title.isEmpty { titles.append(title.map(\.token).joined(separator: " ")) }
            if !body.isEmpty { bodies.append(body.map(\.token).joined(separator: " ")) }
            if index == 0 {
                titleSpans = TermSpans.encode(title)
                let stored = text.body.prefix(Self.bodyCharacters).utf16.count
                bodySpans = TermSpans.encode(body.filter { $0.range.upperBound <= stored })
            }
        }
        return Analysed(indexed: IndexedDocument(titleTokens: titles.joined(separator: " "), bodyTokens: bodies.joined(separator: " ")),
                        titleSpans: titleSpans, bodySpans: bodySpans)
    }
}
