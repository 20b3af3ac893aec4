import Testing
@testable import SconDomain

@Suite struct MeetingSuggestionsTests {
    static let th = CountryCode("TH")!, vn = CountryCode("VN")!, kr = CountryCode("KR")!

    static let me = MatchProfile(
        id: "kwater", country: kr,
        offers: .init(sectors: [.water], countries: [vn], terms: ["Smart water meters", "leak detection"]),
        seeks: .init(sectors: [.transport], countries: [th], terms: ["Bus rapid transit", "traffic signals"]))

    static let others = [
        MatchProfile(id: "bangkok", country: th,
                     offers: .init(sectors: [.transport], terms: ["traffic SIGNALS upgrade"]),
                     seeks: .init(sectors: [.water], countries: [kr], terms: ["leak détection"])),
        MatchProfile(id: "hanoi", country: vn, offers: .init(sectors: [.energy]), seeks: .init(sectors: [.water])),
        MatchProfile(id: "nobody", country: CountryCode("ID")!, offers: .init(sectors: [.health]), seeks: .init(sectors: [.housing])),
        MatchProfile(id: "asked", country: th, offers: .init(sectors: [.transport])),
        MatchProfile(id: "ayutthaya", country: th, offers: .init(sectors: [.energy]), seeks: .init(sectors: [.water])),
    ]

    @Test func ranksByExplainedScore() {
        let ranked = MeetingSuggestions.rank(for: Self.me, among: Self.others + [Self.me], excluding: ["asked"])
        #expect(ranked.map(\.participant) == ["bangkok", "ayutthaya", "hanoi"])
        for suggestion in ranked { #expect(suggestion.score == suggestion.reasons.reduce(0) { $0 + $1.points }) }

        let bangkok = ranked[0]
        // transport offered to me (3), water sought from me (3), based in TH which I seek (2), seeking
        // partners in KR where I am based (2), "traffic" and "signals" offered to me and "leak" and
        // "detection" sought from me (1 each).
        #expect(bangkok.score == 14)
        #expect(bangkok.reasons.map(\.description) == [
            "they offer transport, which you seek (+3)",
            "they seek water, which you offer (+3)",
            "you are based in KR, where they seek partners (+2)",
            "they are based in TH, where you seek partners (+2)",
            "they seek “detection”, which you offer (+1)",
            "they seek “leak”, which you offer (+1)",
            "they offer “signals”, which you seek (+1)",
            "they offer “traffic”, which you seek (+1)",
        ])
        // Hanoi: water sought (3); I have experience in VN but Hanoi does not seek VN partners.
        #expect(ranked[2].score == 3)
        #expect(ranked[1].reasons.map(\.kind) == [.sector, .basedIn])
    }

    @Test func isDeterministicAndRespectsTheLimit() {
        let once = MeetingSuggestions.rank(for: Self.me, among: Self.others)
        #expect(MeetingSuggestions.rank(for: Self.me, among: Self.others.reversed()) == once)
        #expect(MeetingSuggestions.rank(for: Self.me, among: Self.others, limit: 2) == Array(once.prefix(2)))
        #expect(MeetingSuggestions.rank(for: Self.me, among: Self.others, limit: 0).isEmpty)
        #expect(!once.contains { $0.participant == "nobody" })
    }

    @Test func termsAreFoldedAndCapped() {
        #expect(MeetingSuggestions.words(["Smart City BIM for the Mekong", "스마트 교통", "e-Bus ＢＵＳ"]) == ["bim", "mekong", "스마트", "교통", "bus"])
        let many = MatchProfile(id: "x", offers: .init(terms: ["alpha beta gamma delta epsilon"]))
        let seeker = MatchProfile(id: "y", seeks: .init(terms: ["epsilon delta gamma beta alpha"]))
        let ranked = MeetingSuggestions.rank(for: seeker, among: [many])
        #expect(ranked.first?.score == MeetingSuggestions.termCap)
    }
}
