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

    /// The analysed tokens of every text, title and body apart.
    var indexed: IndexedDocument {
        let documents = texts.map { SearchAnalyzer.indexedDocument(title: $0.title, body: $0.body, language: $0.language) }
        return IndexedDocument(titleTokens: documents.map(\.titleTokens).filter { !$0.isEmpty }.joined(separator: " "),
                               bodyTokens: documents.map(\.bodyTokens).filter { !$0.isEmpty }.joined(separator: " "))
    }
}
