import Foundation

/// The in-memory measurement behind `scon bench search`: the analysis ranked by an
/// FTS5-equivalent BM25 (`BM25Index`), and the whitespace BM25 baseline, over the same
/// entries. The trigram baseline needs SQLite's trigram tokenizer and is computed by the
/// caller (`SearchBaselines.trigramExpression`, or `bench/search/trigram_baseline.py`).
public struct SearchBenchmark: Sendable {
    public let settings: AnalysisSettings
    private let index: BM25Index
    private let whitespaceIndex: BM25Index

    public init(entries: [MarketplaceEntry.Fields], settings: AnalysisSettings = .standard) {
        self.settings = settings
        index = BM25Index(documents: entries.map { entry in
            let title = SearchAnalyzer.terms(of: entry.title, field: .title, language: entry.language, settings: settings)
            let body = SearchAnalyzer.terms(of: entry.body, field: .body, language: entry.language, settings: settings)
            return (entry.ref, [title.map(\.token), body.map(\.token)])
        })
        whitespaceIndex = BM25Index(documents: entries.map {
            ($0.ref, [SearchBaselines.whitespaceTokens($0.title + " " + $0.body)])
        })
    }

    /// The refs of the best `limit` entries for `query` under the analysis, best first.
    public func rank(_ query: String, language: ContentLanguage? = nil, limit: Int = 10) -> [String] {
        let tokens = SearchAnalyzer.queryTerms(query, language: language, settings: settings).tokens
        return index.rank(tokens, weights: [settings.titleWeight, settings.bodyWeight], limit: limit).map(\.id)
    }

    /// The refs of the best `limit` entries for `query` under plain BM25 over whitespace tokens.
    public func rankWhitespace(_ query: String, limit: Int = 10) -> [String] {
        whitespaceIndex.rank(Array(Set(SearchBaselines.whitespaceTokens(query))).sorted(), limit: limit).map(\.id)
    }

    /// A text table of nDCG@10 per language, per kind and overall, one column per system.
    public static func table(_ systems: [(name: String, report: SearchEvaluationReport)], queries: [JudgedQuery]) -> String {
        let languages = ContentLanguage.allCases.map(\.rawValue).filter { language in queries.contains { $0.lang.rawValue == language } }
        let kinds = Array(Set(queries.map(\.kind))).sorted()
        func count(_ filter: (JudgedQuery) -> Bool) -> Int { queries.filter(filter).count }
        func cell(_ value: Double?) -> String { String(format: "%8.3f", value ?? 0) }
        var lines = ["nDCG@10" + String(repeating: " ", count: 13) + systems.map { $0.name.padding(toLength: 8, withPad: " ", startingAt: 0).leftPadded(9) }.joined()]
        for language in languages {
            let label = "lang \(language) (\(count { $0.lang.rawValue == language }))"
            lines.append(label.padding(toLength: 20, withPad: " ", startingAt: 0) + systems.map { " " + cell($0.report.byLanguage[language]) }.joined())
        }
        for kind in kinds {
            let label = "kind \(kind) (\(count { $0.kind == kind }))"
            lines.append(label.padding(toLength: 20, withPad: " ", startingAt: 0) + systems.map { " " + cell($0.report.byKind[kind]) }.joined())
        }
        lines.append("overall (\(queries.count))".padding(toLength: 20, withPad: " ", startingAt: 0) + systems.map { " " + cell($0.report.overall) }.joined())
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
