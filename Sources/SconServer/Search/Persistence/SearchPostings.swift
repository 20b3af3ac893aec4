import Foundation
import SconDomain
import SQLKit

/// A query's tokens as the postings score them: each token's BM25 weight (FTS5's IDF times how
/// often the query repeats it), the index's average length, and how much more a posting can weigh
/// today than its stored impact says (impacts written when the average length was smaller).
struct QueryWeights {
    var terms: [(key: Int64, weight: Double)]
    var averageLength: Double
    var drift: Double

    /// The most a posting of `term` with a stored impact of at most `impact` contributes.
    func bound(term: Int, impact: Int64) -> Double {
        terms[term].weight * min((Double(impact) + 1) / SearchIndex.impactScale * drift, SearchIndex.k1 + 1)
    }

    func contribution(term: Int, title: Int64, body: Int64, length: Int64) -> Double {
        terms[term].weight * SearchIndex.termWeight(title: Int(title), body: Int(body), length: Int(length), averageLength: averageLength)
    }
}

extension RowQuery {
    /// The scores of the entries that can be on a page of `page` hits, read strongest posting
    /// first: a block of each token's postings (then, up to `blocks`, twice as many each time)
    /// until no unread posting can change the page, and the open candidates' missing postings
    /// (`ThresholdTopK`). When the page is still open after the last block, the candidates that
    /// could gain the most are scored in full (docs/search.md).
    func strongestPostings(_ weights: QueryWeights, join: SQLQueryString, filter: SQLQueryString,
                           page: Int, blocks: Int) async throws -> [Int64: Double] {
        var ranking = ThresholdTopK(terms: weights.terms.count, page: page)
        var after: [(impact: Int64, entry: Int64)?] = Array(repeating: nil, count: weights.terms.count)
        var finished = Array(repeating: false, count: weights.terms.count)
        var size = SearchIndex.firstBlock
        for _ in 0..<max(blocks, 1) {
            for (term, key) in weights.terms.map(\.key).enumerated() where !finished[term] {
                let cells = try await postings(of: key, after: after[term], count: size, join: join, filter: filter)
                for row in stride(from: 0, to: cells.count, by: 5) {
                    ranking.add(term: term, entry: cells[row + 1],
                                contribution: weights.contribution(term: term, title: cells[row + 2], body: cells[row + 3], length: cells[row + 4]))
                }
                if cells.count / 5 < size {
                    finished[term] = true
                    ranking.bound(term: term, 0)
                } else {
                    after[term] = (cells[cells.count - 5], cells[cells.count - 4])
                    ranking.bound(term: term, weights.bound(term: term, impact: cells[cells.count - 5]))
                }
            }
            if let open = ranking.open(), open.count <= SearchIndex.rescored {
                try await rescore(open, weights, into: &ranking)
                return ranking.scores
            }
            if !finished.contains(false) { break }
            size *= 2
        }
        try await rescore(ranking.mostPromising(SearchIndex.rescored), weights, into: &ranking)
        return ranking.scores
    }

    /// Every posting of every token summed: exactly BM25 (the benchmark's reference).
    func allPostings(_ weights: QueryWeights, join: SQLQueryString, filter: SQLQueryString) async throws -> [Int64: Double] {
        var scores: [Int64: Double] = [:]
        for (term, key) in weights.terms.map(\.key).enumerated() {
            let cells = try await postings(of: key, after: nil, count: Int(Int32.max), join: join, filter: filter)
            for row in stride(from: 0, to: cells.count, by: 5) {
                scores[cells[row + 1], default: 0] += weights.contribution(term: term, title: cells[row + 2], body: cells[row + 3], length: cells[row + 4])
            }
        }
        return scores
    }

    /// Up to `count` postings of a token (within the facets) after `after`, strongest first, as
    /// cells (impact, entry, tf_title, tf_body, length). Two statement texts in all (the token,
    /// the position and the count are binds), which a reader keeps prepared.
    private func postings(of key: Int64, after: (impact: Int64, entry: Int64)?, count: Int,
                          join: SQLQueryString, filter: SQLQueryString) async throws -> [Int64] {
        let position: SQLQueryString = after.map { "AND (p.impact < \(bind: $0.impact) OR (p.impact = \(bind: $0.impact) AND p.entry < \(bind: $0.entry)))" } ?? ""
        return try await integers(sql: SQLQueryString("""
            SELECT p.impact, p.entry, p.tf_title, p.tf_body, p.length FROM search_postings p\(join)
            WHERE p.token = \(bind: key) \(position)\(filter) ORDER BY p.impact DESC, p.entry DESC LIMIT \(bind: count)
            """), columns: ["impact", "entry", "tf_title", "tf_body", "length"])
    }

    /// Settles `entries` with their full BM25 over every query token, from their forward terms
    /// (one row each, `ForwardTerms`). The list is padded to 16 or 64 numbers (a repeated value
    /// matches nothing more), so that a reader keeps two statements prepared.
    private func rescore(_ entries: [Int64], _ weights: QueryWeights, into ranking: inout ThresholdTopK) async throws {
        for start in stride(from: 0, to: entries.count, by: SearchIndex.rescored) {
            let chunk = Array(entries[start..<min(start + SearchIndex.rescored, entries.count)])
            let size = chunk.count <= 16 ? 16 : SearchIndex.rescored
            let numbers = (chunk + Array(repeating: chunk[chunk.count - 1], count: size - chunk.count))
                .map { SQLQueryString("\(bind: $0)") }.joined(separator: ", ")
            let rows = try await all(sql: SQLQueryString("SELECT entry, length, terms FROM search_forward WHERE entry IN (\(numbers))")) { row in
                (entry: Int64(try row.int("entry")), length: Int64(try row.int("length")), terms: try row.optionalBytes("terms") ?? [])
            }
            for row in rows {
                var score = 0.0
                for (term, weight) in weights.terms.enumerated() {
                    guard let counts = ForwardTerms.counts(of: weight.key, in: row.terms) else { continue }
                    score += weights.contribution(term: term, title: Int64(counts.title), body: Int64(counts.body), length: row.length)
                }
                ranking.settle(row.entry, score: score)
            }
        }
    }

    /// The query's distinct tokens that are in the index with their BM25 weights (FTS5's IDF,
    /// `max(ln((N − df + 0.5)/(df + 0.5)), 1e-6)`, times how often the query repeats the token),
    /// the index's average length and the impacts' drift; nil when no token is in the index.
    func queryWeights(_ query: AnalyzedQuery) async throws -> QueryWeights? {
        var repeats: [Int64: Int] = [:]
        for token in query.tokens { repeats[SearchIndex.key(token), default: 0] += 1 }
        let keys = repeats.keys.sorted().map { SQLQueryString("\(bind: $0)") }.joined(separator: ", ")
        let terms = try await all(sql: SQLQueryString("SELECT token, df FROM search_terms WHERE token IN (\(keys)) AND df > 0")) { row in
            (key: Int64(try row.int("token")), df: try row.int("df"))
        }
        guard !terms.isEmpty, let size = try await all(sql: SQLQueryString("""
            SELECT documents, total_length, COALESCE(impact_average_length, 0) AS impact_length FROM search_stats WHERE id = 1
            """), { row in
            (documents: try row.int("documents"), totalLength: try row.int("total_length"), impactLength: try row.double("impact_length"))
        }).first, size.documents > 0 else { return nil }
        let documents = Double(size.documents)
        let weights = terms.sorted { $0.key < $1.key }.map { term in
            (key: term.key, weight: Double(repeats[term.key] ?? 1) * max(log((documents - Double(term.df) + 0.5) / (Double(term.df) + 0.5)), 1e-6))
        }
        let averageLength = Double(size.totalLength) / documents
        // An impact written with a smaller average length understates today's weight by at most
        // their ratio (BM25's length norm); unknown (0) means no bound better than k1 + 1.
        let drift = size.impactLength > 0 ? max(1, max(averageLength, 1) / max(size.impactLength, 1)) : .infinity
        return QueryWeights(terms: weights, averageLength: averageLength, drift: drift)
    }
}
