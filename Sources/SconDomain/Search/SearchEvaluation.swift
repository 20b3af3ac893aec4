import Foundation

/// A query with graded relevance judgments (a line of `bench/search/queries.jsonl`).
public struct JudgedQuery: Sendable, Hashable, Codable {
    public var id: String
    /// The language the query is written in.
    public var lang: ContentLanguage
    /// The kind of query: word, multi, root, nodiac, compound, short, cross.
    public var kind: String
    public var q: String
    /// `tune` (used while choosing the analysis) or `heldout` (only measured).
    public var split: String
    /// Document ref → grade 1 (marginally) ... 3 (highly relevant); unlisted documents are not relevant.
    public var relevant: [String: Int]

    /// Decodes JSON Lines of judged queries (blank lines skipped).
    public static func decodeLines(_ text: String) throws -> [JudgedQuery] {
        try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            .map { try JSONDecoder().decode(JudgedQuery.self, from: Data($0.utf8)) }
    }

    public init(id: String, lang: ContentLanguage, kind: String, q: String, split: String = "tune", relevant: [String: Int]) {
        self.id = id
        self.lang = lang
        self.kind = kind
        self.q = q
        self.split = split
        self.relevant = relevant
    }
}

/// nDCG@k with graded gains (2^grade − 1, log2 discount; Järvelin & Kekäläinen 2002), averaged
/// per language, per kind of query and overall, for a ranking of each query.
public enum SearchEvaluation {
    /// nDCG of one ranking at `depth`: 1 when the most relevant documents come first, 0 when none is in the top `depth`.
    public static func ndcg(ranking: [String], relevant: [String: Int], depth: Int = 10) -> Double {
        func gain(_ grade: Int) -> Double { pow(2, Double(grade)) - 1 }
        var dcg = 0.0
        for (index, ref) in ranking.prefix(depth).enumerated() {
            dcg += gain(relevant[ref] ?? 0) / log2(Double(index) + 2)
        }
        let ideal = relevant.values.sorted(by: >).prefix(depth).enumerated()
            .reduce(0.0) { $0 + gain($1.element) / log2(Double($1.offset) + 2) }
        return ideal > 0 ? dcg / ideal : 0
    }

    /// The mean nDCG@`depth` of `rankings` (query id → document refs, best first) over `queries`,
    /// overall, per language and per kind.
    public static func report(_ queries: [JudgedQuery], rankings: [String: [String]], depth: Int = 10) -> SearchEvaluationReport {
        var perQuery: [String: Double] = [:]
        for query in queries { perQuery[query.id] = ndcg(ranking: rankings[query.id] ?? [], relevant: query.relevant, depth: depth) }
        func mean(_ subset: [JudgedQuery]) -> Double {
            subset.isEmpty ? 0 : subset.reduce(0) { $0 + (perQuery[$1.id] ?? 0) } / Double(subset.count)
        }
        return SearchEvaluationReport(
            overall: mean(queries),
            byLanguage: Dictionary(grouping: queries, by: \.lang.rawValue).mapValues(mean),
            byKind: Dictionary(grouping: queries, by: \.kind).mapValues(mean),
            perQuery: perQuery,
            queryCount: queries.count)
    }

    /// The share of `queries` for which at least one relevant document written in another
    /// language than the query (in `targets`, when given) is among the first `depth` results.
    public static func crossLanguageHitRate(_ queries: [JudgedQuery], rankings: [String: [String]], languages: [String: ContentLanguage],
                                            targets: Set<ContentLanguage>? = nil, depth: Int = 10) -> Double {
        guard !queries.isEmpty else { return 0 }
        let hits = queries.filter { query in
            (rankings[query.id] ?? []).prefix(depth).contains { ref in
                guard let language = languages[ref], language != query.lang, (query.relevant[ref] ?? 0) > 0 else { return false }
                return targets?.contains(language) ?? true
            }
        }
        return Double(hits.count) / Double(queries.count)
    }
}

/// Mean nDCG figures of one system on a set of judged queries.
public struct SearchEvaluationReport: Sendable, Hashable {
    public var overall: Double
    public var byLanguage: [String: Double]
    public var byKind: [String: Double]
    public var perQuery: [String: Double]
    public var queryCount: Int
}
