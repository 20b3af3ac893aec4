/// The best `page` entries of a query whose tokens' postings are read strongest first, block by
/// block, and when the reading may stop (the threshold algorithm of Fagin, Lotem and Naor, with
/// the candidates' missing parts read at the end rather than after each block).
///
/// Each posting read adds its exact contribution to its entry's score, which is then a lower
/// bound. For each token, `bound(term:_:)` says the most any of its unread postings can add. An
/// entry's upper bound is its score plus the bounds of the tokens not yet read for it. Once the
/// bounds of all tokens together cannot lift an entry never read above the page's weakest score,
/// only the entries whose upper bound is above that score are open: reading their missing
/// postings (`settle`) makes the page exactly the one reading every posting gives, ties aside.
public struct ThresholdTopK: Sendable {
    public let page: Int
    /// Each entry's score so far: the sum of the contributions read (exact once settled).
    public private(set) var scores: [Int64: Double] = [:]
    /// Which of the first 64 tokens' contributions each score holds; a token beyond them is
    /// never counted as read, which can only widen an upper bound.
    private var read: [Int64: UInt64] = [:]
    private var settled: Set<Int64> = []
    private var bounds: [Double]

    public init(terms: Int, page: Int) {
        self.page = page
        bounds = Array(repeating: .infinity, count: terms)
    }

    /// Adds what `term`'s posting in `entry` contributes.
    public mutating func add(term: Int, entry: Int64, contribution: Double) {
        scores[entry, default: 0] += contribution
        if term < 64 { read[entry, default: 0] |= 1 << UInt64(term) }
    }

    /// The most any posting of `term` not read yet can contribute (0 once all are read).
    public mutating func bound(term: Int, _ value: Double) {
        bounds[term] = value
    }

    /// What an entry never read can score at most.
    public var unreadBound: Double { bounds.reduce(0, +) }

    /// Replaces `entry`'s score by its exact one (every token's posting read).
    public mutating func settle(_ entry: Int64, score: Double) {
        scores[entry] = score
        settled.insert(entry)
    }

    /// The entries that could still enter the page or change its order with what they have not
    /// been read for, weakest bound last; nil while an entry never read could still enter it.
    public func open() -> [Int64]? {
        let best = SearchRanking.best(scores, count: page)
        let floor = best.count < page ? 0 : best[best.count - 1].score
        guard unreadBound <= floor else { return nil }
        let open = upperBounds().filter { $0.value > floor }
        return open.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The `count` entries not settled that could gain the most from what they have not been read
    /// for, highest upper bound first: the ones worth settling when the page cannot be closed.
    public func mostPromising(_ count: Int) -> [Int64] {
        SearchRanking.best(upperBounds(), count: count).map(\.entry)
    }

    /// The upper bounds of the entries not settled that something unread could still raise.
    private func upperBounds() -> [Int64: Double] {
        var uppers: [Int64: Double] = [:]
        for (entry, score) in scores where !settled.contains(entry) {
            let missing = upperBound(missing: ~(read[entry] ?? 0))
            if missing > 0 { uppers[entry] = score + missing }
        }
        return uppers
    }

    private func upperBound(missing mask: UInt64) -> Double {
        var total = 0.0
        for term in bounds.indices where term >= 64 || mask & (1 << UInt64(term)) != 0 { total += bounds[term] }
        return total
    }
}

/// The best entries of a search's scores: highest score first, the older entry (lower number)
/// first on a tie, so that a page's order is stable.
public enum SearchRanking {
    public static func best(_ scores: [Int64: Double], count: Int) -> [(entry: Int64, score: Double)] {
        guard count > 0 else { return [] }
        func before(_ a: (entry: Int64, score: Double), _ b: (entry: Int64, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.entry < b.entry
        }
        // A bounded selection: keep the `count` best seen so far, sorted, while most candidates
        // fall below the weakest kept one.
        var kept: [(entry: Int64, score: Double)] = []
        kept.reserveCapacity(min(count, scores.count) + 1)
        for (entry, score) in scores {
            let candidate = (entry: entry, score: score)
            if kept.count == count, let weakest = kept.last, !before(candidate, weakest) { continue }
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if before(kept[middle], candidate) { low = middle + 1 } else { high = middle }
            }
            kept.insert(candidate, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
