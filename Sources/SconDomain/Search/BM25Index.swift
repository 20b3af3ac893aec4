import Foundation

/// An in-memory BM25 ranker over tokens that scores exactly as SQLite FTS5's `bm25()` does
/// (k1 = 1.2, b = 0.75; a term's frequency is the weighted sum of its frequencies in the columns;
/// the document length is the number of tokens in all columns; idf = ln((N − n + 0.5)/(n + 0.5)),
/// at least 1e-6), so that tests and `scon bench search` measure what the database will return.
/// A query is the set of its tokens joined by OR: documents with none of them are not returned.
public struct BM25Index: Sendable {
    /// One ranked document.
    public struct Hit: Sendable, Hashable {
        public var id: String
        public var score: Double
    }

    private struct Posting: Sendable {
        var document: Int
        var frequencies: [Int]
    }

    private let ids: [String]
    private let lengths: [Int]
    private let averageLength: Double
    private let postings: [String: [Posting]]
    private let columnCount: Int
    public let k1: Double
    public let b: Double

    /// Indexes documents given as their tokens per column (every document has the same number of columns).
    public init(documents: [(id: String, columns: [[String]])], k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        ids = documents.map(\.id)
        columnCount = documents.first?.columns.count ?? 1
        lengths = documents.map { $0.columns.reduce(0) { $0 + $1.count } }
        averageLength = documents.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(documents.count))
        var postings: [String: [Posting]] = [:]
        for (index, document) in documents.enumerated() {
            var frequencies: [String: [Int]] = [:]
            for (column, tokens) in document.columns.enumerated() {
                for token in tokens {
                    frequencies[token, default: Array(repeating: 0, count: document.columns.count)][column] += 1
                }
            }
            for (token, counts) in frequencies { postings[token, default: []].append(Posting(document: index, frequencies: counts)) }
        }
        self.postings = postings
    }

    /// The number of documents.
    public var count: Int { ids.count }

    /// The best `limit` documents for `tokens` (each occurrence in `tokens` counts, as each
    /// phrase of an FTS5 query does), best first; ties keep index order. `weights` are the
    /// column weights (missing ones are 1).
    public func rank(_ tokens: [String], weights: [Double] = [], limit: Int = 10) -> [Hit] {
        let n = Double(ids.count)
        var scores: [Int: Double] = [:]
        for token in tokens {
            guard let list = postings[token] else { continue }
            let hits = Double(list.count)
            var idf = log((n - hits + 0.5) / (hits + 0.5))
            if idf <= 0 { idf = 1e-6 }
            for posting in list {
                var frequency = 0.0
                for (column, count) in posting.frequencies.enumerated() {
                    frequency += (column < weights.count ? weights[column] : 1) * Double(count)
                }
                let length = Double(lengths[posting.document])
                let norm = k1 * (1 - b + b * length / averageLength)
                scores[posting.document, default: 0] += idf * frequency * (k1 + 1) / (frequency + norm)
            }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit)
            .map { Hit(id: ids[$0.key], score: $0.value) }
    }
}
