import Fluent
import Foundation
import SconDomain

/// Suggested matches (`MarketplaceMatching`) for one challenge or one solution. Candidates come
/// from the search index (the record's titles as a query, so across languages through the
/// glossary's concepts) and from the records sharing a sector; the domain rule scores and explains
/// them. Only published records are suggested.
struct MatchFinder: Sendable {
    let db: any Database
    static let candidates = 60

    func solutions(for challenge: Challenge, limit: Int = 10) async throws -> [(MarketplaceMatching.Match, Solution)] {
        let facts = try Self.facts(of: challenge)
        var ids = Set(try await searchHits(for: challenge.searchDocument, kind: .solution))
        for sector in facts.sectors {
            ids.formUnion(try await Solution.query(on: db).filter(\.$status == SolutionStatus.published.rawValue)
                .filter(\.$sectors, .contains(inverse: false, .anywhere), ",\(sector.rawValue),")
                .sort(\.$createdAt, .descending).limit(Self.candidates).all(\.$id))
        }
        let solutions = try await Solution.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$status == SolutionStatus.published.rawValue).all()
        let countries = try await referenceCountries(of: solutions)
        let byID = Dictionary(uniqueKeysWithValues: solutions.map { ($0.storedID, $0) })
        let matches = MarketplaceMatching.solutions(for: facts, among: try solutions.map { try Self.facts(of: $0, countries: countries) }, limit: limit)
        return matches.compactMap { match in byID[match.solution].map { (match, $0) } }
    }

    func challenges(for solution: Solution, limit: Int = 10) async throws -> [(MarketplaceMatching.Match, Challenge)] {
        let countries = try await referenceCountries(of: [solution])
        let facts = try Self.facts(of: solution, countries: countries)
        var ids = Set(try await searchHits(for: solution.searchDocument, kind: .challenge))
        for sector in facts.sectors {
            ids.formUnion(try await Challenge.query(on: db).filter(\.$status ~~ Self.listedChallengeStatuses)
                .filter(\.$sectors, .contains(inverse: false, .anywhere), ",\(sector.rawValue),")
                .sort(\.$createdAt, .descending).limit(Self.candidates).all(\.$id))
        }
        let challenges = try await Challenge.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$status ~~ Self.listedChallengeStatuses).all()
        let byID = Dictionary(uniqueKeysWithValues: challenges.map { ($0.storedID, $0) })
        let matches = MarketplaceMatching.challenges(for: facts, among: try challenges.map { try Self.facts(of: $0) }, limit: limit)
        return matches.compactMap { match in byID[match.challenge].map { (match, $0) } }
    }

    /// Challenges still looking for solutions.
    static let listedChallengeStatuses = [ChallengeStatus.open, .inDiscussion].map(\.rawValue)

    private func searchHits(for document: SearchDocument, kind: SearchKind) async throws -> [UUID] {
        let text = document.texts.map(\.title).joined(separator: " ")
        let query = SearchAnalyzer.queryTerms(text, language: document.texts.first?.language)
        let request = SearchRequest(query: query, kind: kind, country: nil, sector: nil, language: nil, limit: Self.candidates, offset: 0)
        return try await RowQuery(db: db).search(request).map(\.objectID)
    }

    /// The countries of the solutions' reference cities, by city.
    func referenceCountries(of solutions: [Solution]) async throws -> [UUID: CountryCode] {
        let cities = Set(try solutions.flatMap { try $0.referenceList })
        guard !cities.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await City.query(on: db).filter(\.$id ~~ Array(cities)).all()
            .compactMap { city in CountryCode(city.countryCode).map { (city.storedID, $0) } })
    }

    static func terms(of document: SearchDocument) -> Set<String> {
        Set(document.texts.flatMap { SearchAnalyzer.indexedDocument(title: $0.title, body: $0.body, language: $0.language).postings.map(\.token) })
    }

    static func facts(of challenge: Challenge) throws -> MarketplaceMatching.ChallengeFacts {
        MarketplaceMatching.ChallengeFacts(id: challenge.storedID, country: CountryCode(challenge.countryCode) ?? CountryCode("KR")!,
                                           sectors: Set(try challenge.sectorList), language: try challenge.contentLanguage,
                                           terms: terms(of: try challenge.searchDocument))
    }

    static func facts(of solution: Solution, countries: [UUID: CountryCode]) throws -> MarketplaceMatching.SolutionFacts {
        MarketplaceMatching.SolutionFacts(id: solution.storedID, sectors: Set(try solution.sectorList), languages: Set(try solution.languageList),
                                          referenceCountries: Set(try solution.referenceList.compactMap { countries[$0] }),
                                          readiness: try solution.readinessLevel, terms: terms(of: try solution.searchDocument))
    }
}
