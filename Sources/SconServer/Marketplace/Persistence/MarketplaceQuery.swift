import Fluent
import Foundation
import SconDomain

/// The public lists of challenges and solutions, filtered and keyset-paginated in SQL (newest
/// first). Drafts are listed only to their own organisation (`mine`); archived ones only when
/// asked for by status.
struct MarketplaceQuery: Sendable {
    let db: any Database

    struct Filter: Sendable, Hashable {
        var country: CountryCode?
        var city: UUID?
        var sector: Sector?
        var status: String?
        var language: ContentLanguage?
        /// The caller's own organisations' records, drafts included.
        var mine = false

        static func parse(country: String?, city: String?, sector: String?, status: String?, language: String?, mine: String?,
                          statuses: [String]) throws(DomainError) -> Filter {
            var rules = FieldRules()
            var filter = Filter()
            if let country, !country.isEmpty {
                filter.country = CountryCode(country)
                if filter.country == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
            }
            if let city, !city.isEmpty {
                filter.city = UUID(uuidString: city)
                if filter.city == nil { rules.fail("city", "invalid", "city is a city's UUID.") }
            }
            if let sector, !sector.isEmpty {
                filter.sector = Sector(rawValue: sector)
                if filter.sector == nil { rules.fail("sector", "unknown", "sector is one of \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).") }
            }
            if let status, !status.isEmpty {
                if statuses.contains(status) { filter.status = status } else { rules.fail("status", "unknown", "status is one of \(statuses.joined(separator: ", ")).") }
            }
            if let language, !language.isEmpty {
                filter.language = ContentLanguage(rawValue: language)
                if filter.language == nil { rules.fail("lang", "unknown", "lang is one of ko, en, th, vi, id, ms, km, lo, my, tl.") }
            }
            filter.mine = ["1", "true", "yes"].contains(mine ?? "")
            try rules.checkParameters()
            return filter
        }
    }

    /// The most rows a CSV download holds.
    static let exportLimit = 10_000

    func challenges(_ filter: Filter, _ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<Challenge> {
        try await Self.page(challengeQuery(filter, for: principal), page, \Challenge.$createdAt, \Challenge.$id) { ($0.createdAt, $0.storedID) }
    }

    /// The whole filtered list, newest first (for the CSV download).
    func allChallenges(_ filter: Filter, for principal: Principal) async throws -> [Challenge] {
        try await challengeQuery(filter, for: principal).sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(Self.exportLimit).all()
    }

    func allSolutions(_ filter: Filter, for principal: Principal) async throws -> [Solution] {
        try await solutionQuery(filter, for: principal).sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(Self.exportLimit).all()
    }

    private func challengeQuery(_ filter: Filter, for principal: Principal) -> QueryBuilder<Challenge> {
        let query = Challenge.query(on: db)
        if filter.mine {
            query.filter(\.$organisationID ~~ Array(principal.organisations))
            if let status = filter.status { query.filter(\.$status == status) }
        } else if let status = filter.status, status != ChallengeStatus.draft.rawValue {
            query.filter(\.$status == status)
        } else {
            query.filter(\.$status !~ [ChallengeStatus.draft.rawValue, ChallengeStatus.archived.rawValue])
        }
        if let country = filter.country { query.filter(\.$countryCode == country.value) }
        if let city = filter.city { query.filter(\.$cityID == city) }
        if let sector = filter.sector { query.filter(\.$sectors, .contains(inverse: false, .anywhere), ",\(sector.rawValue),") }
        if let language = filter.language { query.filter(\.$language == language.rawValue) }
        return query
    }

    func solutions(_ filter: Filter, _ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<Solution> {
        try await Self.page(solutionQuery(filter, for: principal), page, \Solution.$createdAt, \Solution.$id) { ($0.createdAt, $0.storedID) }
    }

    private func solutionQuery(_ filter: Filter, for principal: Principal) -> QueryBuilder<Solution> {
        let query = Solution.query(on: db)
        if filter.mine {
            query.filter(\.$organisationID ~~ Array(principal.organisations))
            if let status = filter.status { query.filter(\.$status == status) }
        } else if let status = filter.status, status != SolutionStatus.draft.rawValue {
            query.filter(\.$status == status)
        } else {
            query.filter(\.$status == SolutionStatus.published.rawValue)
        }
        if let country = filter.country { query.filter(\.$countryCode == country.value) }
        if let sector = filter.sector { query.filter(\.$sectors, .contains(inverse: false, .anywhere), ",\(sector.rawValue),") }
        if let language = filter.language { query.filter(\.$language == language.rawValue) }
        return query
    }

    /// Newest first by (created_at, id); the cursor holds the last row's instant (milliseconds) and id.
    private static func page<M: Model>(_ query: QueryBuilder<M>, _ page: PageQuery, _ created: KeyPath<M, TimestampProperty<M, DefaultTimestampFormat>>,
                                       _ id: KeyPath<M, IDProperty<M, UUID>>, _ key: @escaping (M) -> (Date?, UUID)) async throws -> SconDomain.Page<M> {
        if let cursor = page.cursor, let millis = Double(cursor.key) {
            let instant = Date(timeIntervalSince1970: millis / 1_000)
            query.group(.or) { or in
                or.filter(created < instant)
                or.group(.and) { $0.filter(created == instant).filter(id < cursor.id) }
            }
        }
        let rows = try await query.sort(created, .descending).sort(id, .descending).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { row in
            let (date, id) = key(row)
            return PageCursor(key: String(Int(((date ?? .distantPast).timeIntervalSince1970 * 1_000).rounded())), id: id)
        }
    }
}
