import Testing
@testable import SconDomain

@Suite struct ThresholdTopKTests {
    /// Postings of `terms` tokens over `entries` entries, each list strongest first.
    struct Lists {
        var lists: [[(entry: Int64, contribution: Double)]]

        init(seed: UInt64, terms: Int, entries: Int) {
            var generator = SplitMix64(seed: seed)
            lists = (0..<terms).map { _ in
                (0..<entries).compactMap { entry -> (Int64, Double)? in
                    generator.next() % 3 == 0 ? nil : (Int64(entry), Double(generator.next() % 1_000) / 100)
                }.sorted { $0.1 > $1.1 }
            }
        }

        var exact: [Int64: Double] {
            var scores: [Int64: Double] = [:]
            for list in lists { for posting in list { scores[posting.entry, default: 0] += posting.contribution } }
            return scores
        }

        /// Reads `block` postings of each list at a time until the ranking says the page is
        /// settled, then settles the open entries from the full lists.
        func threshold(page: Int, block: Int) -> (scores: [Int64: Double], read: Int) {
            var ranking = ThresholdTopK(terms: lists.count, page: page)
            var read = 0, position = 0
            while true {
                for (term, list) in lists.enumerated() {
                    let slice = list.dropFirst(position).prefix(block)
                    for posting in slice { ranking.add(term: term, entry: posting.entry, contribution: posting.contribution) }
                    read += slice.count
                    ranking.bound(term: term, position + block >= list.count ? 0 : slice.last?.contribution ?? 0)
                }
                position += block
                if let open = ranking.open() {
                    let exact = self.exact
                    for entry in open { ranking.settle(entry, score: exact[entry] ?? 0) }
                    return (ranking.scores, read)
                }
            }
        }
    }

    @Test func thePageIsTheOneEveryPostingGivesWithFewerRead() {
        for seed in UInt64(1)...40 {
            let lists = Lists(seed: seed, terms: Int(seed % 4) + 1, entries: 500)
            let (scores, read) = lists.threshold(page: 10, block: 16)
            let page = SearchRanking.best(scores, count: 10)
            let expected = SearchRanking.best(lists.exact, count: 10)
            #expect(page.map { ($0.score * 1e6).rounded() } == expected.map { ($0.score * 1e6).rounded() }, "seed \(seed)")
            #expect(read < lists.lists.reduce(0) { $0 + $1.count }, "seed \(seed): stopped before the end")
        }
    }

    @Test func anEntryNeverReadKeepsThePageOpenUntilTheBoundsFall() {
        var ranking = ThresholdTopK(terms: 2, page: 1)
        ranking.add(term: 0, entry: 1, contribution: 5)
        ranking.bound(term: 0, 4)
        ranking.bound(term: 1, 3)
        // An unread entry could score 4 + 3 > 5.
        #expect(ranking.open() == nil)
        ranking.bound(term: 1, 1)
        // Entry 1 may still gain up to 1 from token 1: open, since its order is not known.
        #expect(ranking.open() == [1])
        ranking.settle(1, score: 5.5)
        #expect(ranking.open() == [])
        #expect(ranking.scores[1] == 5.5)
    }

    @Test func theMostPromisingAreTheHighestUpperBoundsNotTheHighestScores() {
        var ranking = ThresholdTopK(terms: 2, page: 1)
        ranking.add(term: 0, entry: 1, contribution: 5)
        ranking.add(term: 0, entry: 2, contribution: 3)
        ranking.add(term: 1, entry: 2, contribution: 1)
        ranking.add(term: 1, entry: 3, contribution: 2)
        ranking.bound(term: 0, 2.5)
        ranking.bound(term: 1, 0.5)
        // Upper bounds: 1 → 5 + 0.5, 2 → read for both tokens (exact, not a candidate), 3 → 2 + 2.5.
        #expect(ranking.mostPromising(2) == [1, 3])
        #expect(ranking.mostPromising(1) == [1])
        ranking.settle(1, score: 5.2)
        #expect(ranking.mostPromising(2) == [3])
    }

    @Test func tokensBeyondSixtyFourOnlyWidenTheBounds() {
        var ranking = ThresholdTopK(terms: 70, page: 1)
        for term in 0..<70 { ranking.bound(term: term, 0) }
        ranking.add(term: 66, entry: 9, contribution: 1)
        ranking.bound(term: 66, 0.5)
        // Token 66's read is not recorded, so entry 9 stays open while token 66 may add more.
        #expect(ranking.open() == [9])
    }
}

@Suite struct ForwardTermsTests {
    @Test func everyTokenIsFoundWithItsCountsAndOthersAreNot() {
        var random = SplitMix64(seed: 17)
        let keys = Set((0..<300).map { _ in Int64(bitPattern: random.next()) } + [Int64.min, Int64.max, 0, -1])
        let counts = keys.map { (key: $0, title: Int($0 & 3), body: Int(($0 >> 8) & 0x3FF)) }
        let bytes = ForwardTerms.encode(counts)
        #expect(bytes.count == keys.count * 12)
        for count in counts {
            let found = ForwardTerms.counts(of: count.key, in: bytes)
            #expect(found?.title == count.title && found?.body == count.body, "\(count.key)")
        }
        for _ in 0..<300 {
            let other = Int64(bitPattern: random.next())
            if !keys.contains(other) { #expect(ForwardTerms.counts(of: other, in: bytes) == nil) }
        }
        #expect(ForwardTerms.counts(of: 5, in: []) == nil)
        // Counts beyond 16 bits are kept at the most they can say.
        #expect(ForwardTerms.counts(of: 7, in: ForwardTerms.encode([(7, 70_000, 1)]))?.title == 65_535)
    }
}
