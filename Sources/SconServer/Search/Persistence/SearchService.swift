import Foundation
import SconDomain
import Vapor

/// A search as the API and the page ask it: the typed query and the facets, checked; the hits
/// best first with their highlights; the cursor of the next page (an offset in the ranking).
struct SearchService: Sendable {
    let rows: RowQuery

    /// The longest query read (longer ones are refused, not cut).
    static let maximumQueryCharacters = 500
    /// The cursor's id part (the ranking's cursor is an offset).
    static let noID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    struct Query: Sendable {
        var text: String
        var kind: SearchKind?
        var country: String?
        var sector: Sector?
        var language: ContentLanguage?
        var limit: Int
        var offset: Int
    }

    struct Hit: Sendable {
        var hit: SearchHit
        var highlight: String
    }

    /// The query of a request; the content-language filter is `languageParameter` (`lang` in the
    /// API; `language` on the page, where `lang` is the page's own language).
    static func parse(_ req: Request, languageParameter: String = "lang") throws -> Query {
        var issues: [FieldIssue] = []
        if req.queryItemIsMalformed("q") { issues.append(FieldIssue(field: "q", code: "invalid-utf8", detail: "q is not UTF-8 text.")) }
        let text = req.queryItem("q") ?? ""
        if text.count > maximumQueryCharacters {
            issues.append(FieldIssue(field: "q", code: "too-long", detail: "q is at most \(maximumQueryCharacters) characters."))
        }
        var query = Query(text: text, kind: nil, country: nil, sector: nil, language: nil, limit: 10, offset: 0)
        if let kind = req.queryItem("kind"), !kind.isEmpty {
            query.kind = SearchKind(rawValue: kind)
            if query.kind == nil { issues.append(FieldIssue(field: "kind", code: "unknown", detail: "kind is one of \(SearchKind.allCases.map(\.rawValue).joined(separator: ", ")).")) }
        }
        if let country = req.queryItem("country"), !country.isEmpty {
            if let code = CountryCode(country) { query.country = code.value } else {
                issues.append(FieldIssue(field: "country", code: "invalid", detail: "country is an ISO 3166-1 alpha-2 code."))
            }
        }
        if let sector = req.queryItem("sector"), !sector.isEmpty {
            query.sector = Sector(rawValue: sector)
            if query.sector == nil { issues.append(FieldIssue(field: "sector", code: "unknown", detail: "sector is one of the directory's sectors.")) }
        }
        if let language = req.queryItem(languageParameter), !language.isEmpty {
            query.language = ContentLanguage(rawValue: language)
            if query.language == nil { issues.append(FieldIssue(field: languageParameter, code: "unknown", detail: "lang is one of ko, en, th, vi, id, ms, km, lo, my, tl.")) }
        }
        if let limit = req.queryItem("limit"), !limit.isEmpty {
            if let value = Int(limit), (1...PageQuery.maximumLimit).contains(value) { query.limit = value } else {
                issues.append(FieldIssue(field: "limit", code: "out-of-range", detail: "limit must be a whole number from 1 to \(PageQuery.maximumLimit)."))
            }
        }
        if let cursor = req.queryItem("cursor"), !cursor.isEmpty {
            if let decoded = try? PageCursor.decode(cursor), let offset = Int(decoded.key), (0...10_000).contains(offset) { query.offset = offset } else {
                issues.append(FieldIssue(field: "cursor", code: "invalid", detail: "cursor is the nextCursor of a previous answer."))
            }
        }
        if !issues.isEmpty { throw DomainError.badParameter(issues) }
        return query
    }

    func run(_ query: Query) async throws -> (hits: [Hit], nextCursor: String?) {
        let analysed = SearchAnalyzer.queryTerms(query.text)
        guard !analysed.isEmpty else { return ([], nil) }
        let request = SearchRequest(query: analysed, kind: query.kind, country: query.country, sector: query.sector, language: query.language,
                                    limit: query.limit + 1, offset: query.offset)
        let found = try await rows.search(request)
        let hits = found.prefix(query.limit).map { hit in
            Hit(hit: hit, highlight: Self.highlight(hit, analysed))
        }
        let next = found.count > query.limit ? PageCursor(key: String(query.offset + query.limit), id: Self.noID).encoded : nil
        return (Array(hits), next)
    }
}

extension SearchService {
    /// A hit's highlight: from the spans its entry keeps, else (an entry indexed before they
    /// were kept) by analysing its texts.
    static func highlight(_ hit: SearchHit, _ query: AnalyzedQuery) -> String {
        if let titleSpans = hit.titleSpans, let bodySpans = hit.bodySpans {
            return SearchHighlighter.highlight(title: hit.title, titleSpans: titleSpans, body: hit.body, bodySpans: bodySpans, query: query)
        }
        return SearchHighlighter.highlight(title: hit.title, body: hit.body, language: hit.language, query: query)
    }
}

/// One hit as the API answers it.
struct SearchHitDTO: JSONWritable {
    var hit: SearchService.Hit

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("kind", hit.hit.kind.rawValue)
            $0.field("id", hit.hit.objectID)
            $0.field("externalRef", hit.hit.externalRef)
            $0.field("title", hit.hit.title)
            $0.field("language", hit.hit.language.rawValue)
            $0.field("score", (hit.hit.score * 1_000).rounded() / 1_000)
            $0.field("highlight", hit.highlight)
        }
    }
}
