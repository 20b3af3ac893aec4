import Foundation

/// Suggested matches between challenges and solutions, with the reasons shown to people: shared
/// sectors, terms in common (the search analysis's terms, so across languages through the
/// glossary's concepts), experience in the challenge's country, a language both can work in.
/// Deterministic: the same records give the same order.
public enum MarketplaceMatching {
    /// What matching needs to know of a challenge.
    public struct ChallengeFacts: Sendable, Hashable {
        public var id: UUID
        public var country: CountryCode
        public var sectors: Set<Sector>
        public var language: ContentLanguage
        /// The analysed terms of its texts (tokens), concepts included.
        public var terms: Set<String>
        public init(id: UUID, country: CountryCode, sectors: Set<Sector>, language: ContentLanguage, terms: Set<String>) {
            self.id = id; self.country = country; self.sectors = sectors; self.language = language; self.terms = terms
        }
    }

    /// What matching needs to know of a solution.
    public struct SolutionFacts: Sendable, Hashable {
        public var id: UUID
        public var sectors: Set<Sector>
        public var languages: Set<ContentLanguage>
        /// Countries where it is deployed (its reference cities').
        public var referenceCountries: Set<CountryCode>
        public var readiness: SolutionReadiness
        public var terms: Set<String>
        public init(id: UUID, sectors: Set<Sector>, languages: Set<ContentLanguage>, referenceCountries: Set<CountryCode>,
                    readiness: SolutionReadiness, terms: Set<String>) {
            self.id = id; self.sectors = sectors; self.languages = languages; self.referenceCountries = referenceCountries
            self.readiness = readiness; self.terms = terms
        }
    }

    /// Why a pair matches.
    public enum Reason: Sendable, Hashable, Codable {
        case sharedSectors([Sector])
        case commonTerms(Int)
        case countryExperience(CountryCode)
        case language(ContentLanguage)
        case deployed

        /// The string key and its values, for the pages.
        public var key: String {
            switch self {
            case .sharedSectors: "match.sectors"
            case .commonTerms: "match.terms"
            case .countryExperience: "match.country"
            case .language: "match.language"
            case .deployed: "match.deployed"
            }
        }
    }

    public struct Match: Sendable, Hashable {
        public var challenge: UUID
        public var solution: UUID
        /// 0–100.
        public var score: Int
        public var reasons: [Reason]
    }

    /// The score of one pair, or nil when nothing connects them (no sector and no term in common).
    public static func match(_ challenge: ChallengeFacts, _ solution: SolutionFacts) -> Match? {
        let sectors = challenge.sectors.intersection(solution.sectors).sorted { $0.rawValue < $1.rawValue }
        let common = challenge.terms.intersection(solution.terms).count
        guard !sectors.isEmpty || common >= 2 else { return nil }
        var score = 0.0
        var reasons: [Reason] = []
        if !sectors.isEmpty {
            score += 40 * Double(sectors.count) / Double(max(challenge.sectors.count, 1))
            reasons.append(.sharedSectors(sectors))
        }
        if common > 0 {
            // Overlap relative to the smaller text, so a short challenge is not penalised.
            let overlap = Double(common) / Double(max(min(challenge.terms.count, solution.terms.count), 1))
            score += 35 * min(1, overlap * 3)
            reasons.append(.commonTerms(common))
        }
        if solution.referenceCountries.contains(challenge.country) {
            score += 15
            reasons.append(.countryExperience(challenge.country))
        }
        if let shared = [challenge.language, .en, .ko].first(where: { solution.languages.contains($0) }) {
            score += shared == challenge.language ? 7 : 4
            reasons.append(.language(shared))
        }
        if solution.readiness == .deployed {
            score += 3
            reasons.append(.deployed)
        }
        return Match(challenge: challenge.id, solution: solution.id, score: min(100, Int(score.rounded())), reasons: reasons)
    }

    /// The best solutions for a challenge, best first (score, then id).
    public static func solutions(for challenge: ChallengeFacts, among solutions: [SolutionFacts], limit: Int = 10) -> [Match] {
        Array(solutions.compactMap { match(challenge, $0) }.sorted { ($0.score, $1.solution.uuidString) > ($1.score, $0.solution.uuidString) }.prefix(limit))
    }

    /// The best challenges for a solution, best first.
    public static func challenges(for solution: SolutionFacts, among challenges: [ChallengeFacts], limit: Int = 10) -> [Match] {
        Array(challenges.compactMap { match($0, solution) }.sorted { ($0.score, $1.challenge.uuidString) > ($1.score, $0.challenge.uuidString) }.prefix(limit))
    }
}
