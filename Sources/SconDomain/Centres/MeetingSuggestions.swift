import Foundation

/// What a participant of a networking day offers and seeks, for meeting suggestions.
public struct MatchProfile: Sendable, Hashable, Codable {
    /// Sectors, countries (where one has experience, or where one looks for partners) and
    /// free-text terms ("smart water meters", "BIM", "스마트 교통").
    public struct Interests: Sendable, Hashable, Codable {
        public var sectors: [Sector]
        public var countries: [CountryCode]
        public var terms: [String]

        public init(sectors: [Sector] = [], countries: [CountryCode] = [], terms: [String] = []) {
            self.sectors = sectors
            self.countries = countries
            self.terms = terms
        }
    }

    public var id: String
    /// Where the participant is based.
    public var country: CountryCode?
    public var offers: Interests
    public var seeks: Interests

    public init(id: String, country: CountryCode? = nil, offers: Interests = .init(), seeks: Interests = .init()) {
        self.id = id
        self.country = country
        self.offers = offers
        self.seeks = seeks
    }
}

/// One suggested partner, with the score and every reason that makes it up.
public struct MeetingSuggestion: Sendable, Hashable, Codable {
    public struct Reason: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A sector on one side's offers and the other's seeks.
            case sector
            /// Experience in a country the other side looks for.
            case country
            /// Based in a country the other side looks for.
            case basedIn
            /// A word of one side's offered terms among the other's sought terms.
            case term
        }

        /// Whose offer meets whose need.
        public enum Direction: String, Sendable, Hashable, Codable {
            /// They offer what you seek.
            case theyOffer
            /// They seek what you offer.
            case theySeek
        }

        public var kind: Kind
        public var direction: Direction
        /// The sector's raw value, the country code or the word.
        public var value: String
        public var points: Int

        /// One line of English, for example `they offer water, which you seek (+3)`.
        public var description: String {
            let (subject, object) = direction == .theyOffer ? ("they offer", "you seek") : ("they seek", "you offer")
            switch kind {
            case .sector: return "\(subject) \(value), which \(object) (+\(points))"
            case .country:
                return direction == .theyOffer ? "they have experience in \(value), where you seek partners (+\(points))"
                    : "they seek partners in \(value), where you have experience (+\(points))"
            case .basedIn:
                return direction == .theyOffer ? "they are based in \(value), where you seek partners (+\(points))"
                    : "you are based in \(value), where they seek partners (+\(points))"
            case .term: return "\(subject) “\(value)”, which \(object) (+\(points))"
            }
        }
    }

    public var participant: String
    public var score: Int
    /// Reasons by points, then kind, value and direction; the score is their sum.
    public var reasons: [Reason]
}

/// Suggested partners for a participant, ranked by how well offers and seeks match, in both
/// directions (their offers against your seeks, your offers against theirs). Every point of
/// the score is a listed reason; nothing is learned or hidden:
/// - a shared sector: 3 points;
/// - a country: 2 points when they have experience in a country you seek partners in (or the
///   reverse), 2 when one side is based in a country the other seeks;
/// - a shared word of the free-text terms (case, width and accents folded; words of fewer than
///   three letters, common English words and the words every profile of the programme uses —
///   smart, city, solution — left out): 1 point, at most 3 per direction.
/// Ties go to the smaller id, so the ranking is deterministic.
public enum MeetingSuggestions {
    public static let sectorPoints = 3
    public static let countryPoints = 2
    public static let termPoints = 1
    public static let termCap = 3

    /// The best partners for `me` among `others` (never `me` itself nor anyone in
    /// `excluding`, such as those already asked), at most `limit`, each with a score above 0.
    public static func rank(for me: MatchProfile, among others: [MatchProfile], excluding: Set<String> = [], limit: Int = 10) -> [MeetingSuggestion] {
        let mine = (offered: words(me.offers.terms), sought: words(me.seeks.terms))
        var suggestions: [MeetingSuggestion] = []
        for other in others where other.id != me.id && !excluding.contains(other.id) {
            var reasons = matches(offer: other, seeker: me, direction: .theyOffer, offered: words(other.offers.terms), sought: mine.sought)
            reasons += matches(offer: me, seeker: other, direction: .theySeek, offered: mine.offered, sought: words(other.seeks.terms))
            let score = reasons.reduce(0) { $0 + $1.points }
            guard score > 0 else { continue }
            reasons.sort { ($1.points, $0.kind.rawValue, $0.value, $0.direction.rawValue) < ($0.points, $1.kind.rawValue, $1.value, $1.direction.rawValue) }
            suggestions.append(MeetingSuggestion(participant: other.id, score: score, reasons: reasons))
        }
        suggestions.sort { $0.score != $1.score ? $0.score > $1.score : $0.participant < $1.participant }
        return Array(suggestions.prefix(max(0, limit)))
    }

    /// What `offer` brings to `seeker`, as reasons in the given direction.
    private static func matches(offer: MatchProfile, seeker: MatchProfile, direction: MeetingSuggestion.Reason.Direction,
                                offered: [String], sought: [String]) -> [MeetingSuggestion.Reason] {
        var reasons: [MeetingSuggestion.Reason] = []
        for sector in Set(offer.offers.sectors).intersection(seeker.seeks.sectors).sorted(by: { $0.rawValue < $1.rawValue }) {
            reasons.append(.init(kind: .sector, direction: direction, value: sector.rawValue, points: sectorPoints))
        }
        for country in Set(offer.offers.countries).intersection(seeker.seeks.countries).sorted() {
            reasons.append(.init(kind: .country, direction: direction, value: country.value, points: countryPoints))
        }
        if let home = offer.country, seeker.seeks.countries.contains(home) {
            reasons.append(.init(kind: .basedIn, direction: direction, value: home.value, points: countryPoints))
        }
        let soughtSet = Set(sought)
        for word in offered where soughtSet.contains(word) {
            if reasons.count(where: { $0.kind == .term }) >= termCap { break }
            reasons.append(.init(kind: .term, direction: direction, value: word, points: termPoints))
        }
        return reasons
    }

    /// The distinct words of some terms, folded, in order of first appearance.
    static func words(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for term in terms {
            let folded = SearchText.normalise(term).folding(options: [.diacriticInsensitive], locale: nil)
            for piece in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                let word = String(piece)
                let ascii = word.unicodeScalars.allSatisfy(\.isASCII)
                guard word.count >= (ascii ? 3 : 2), !stopWords.contains(word), seen.insert(word).inserted else { continue }
                result.append(word)
            }
        }
        return result
    }

    static let stopWords: Set<String> = ["and", "for", "the", "with", "from", "into", "our", "their", "your", "are", "was",
                                         "this", "that", "these", "those", "city", "cities", "smart", "solution", "solutions",
                                         "system", "systems", "service", "services", "project", "projects"]
}
