import Fluent
import Foundation
import SconDomain

/// The agreements a person sees, filtered and keyset-paginated in SQL by code; the visibility
/// is `AgreementAccess.visibility`, the policy's own predicate (a test keeps the two equal).
struct AgreementQuery: Sendable {
    let db: any Database

    struct Filter: Sendable, Hashable {
        var country: CountryCode?
        var kind: AgreementKind?
        var level: AgreementLevel?
        var sector: Sector?

        static func parse(country: String?, kind: String?, level: String?, sector: String?) throws(DomainError) -> Filter {
            var rules = FieldRules()
            var filter = Filter()
            if let country, !country.isEmpty {
                filter.country = CountryCode(country)
                if filter.country == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
            }
            if let kind, !kind.isEmpty {
                filter.kind = AgreementKind(rawValue: kind)
                if filter.kind == nil { rules.fail("kind", "unknown", "kind is one of \(AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
            }
            if let level, !level.isEmpty {
                filter.level = AgreementLevel(rawValue: level)
                if filter.level == nil { rules.fail("level", "unknown", "level is one of \(AgreementLevel.allCases.map(\.rawValue).joined(separator: ", ")).") }
            }
            if let sector, !sector.isEmpty {
                filter.sector = Sector(rawValue: sector)
                if filter.sector == nil { rules.fail("sector", "unknown", "sector is one of \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).") }
            }
            try rules.checkParameters()
            return filter
        }
    }

    func page(_ filter: Filter, _ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<Agreement> {
        let rows = try await query(filter, for: principal, after: page.cursor).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.code, id: $0.storedID) }
    }

    func all(_ filter: Filter, for principal: Principal) async throws -> [Agreement] {
        try await query(filter, for: principal, after: nil).all()
    }

    func count(_ filter: Filter, for principal: Principal) async throws -> Int {
        try await query(filter, for: principal, after: nil).count()
    }

    /// The agreement, when the person may see it (404 otherwise: a restricted agreement is not theirs to know).
    func find(_ id: UUID, for principal: Principal, today: CalendarDay) async throws -> AgreementRecord {
        guard let agreement = try await Agreement.find(id, on: db),
              let record = try await AgreementRecord.load([agreement], on: db, today: today).first,
              AgreementAccess.allows(principal, .read(record.facts)) else { throw DomainError.notFound("agreement") }
        return record
    }

    private func query(_ filter: Filter, for principal: Principal, after cursor: PageCursor?) async throws -> QueryBuilder<Agreement> {
        let visibility = AgreementAccess.visibility(for: principal)
        let query = Agreement.query(on: db)
        if !visibility.everything {
            var theirs: [UUID] = []
            if !visibility.organisations.isEmpty {
                theirs = try await AgreementParty.query(on: db).filter(\.$organisationID ~~ visibility.organisations.map { Optional($0) }).all(\.$agreementID)
            }
            query.group(.or) { or in
                or.filter(\.$isPublic == true)
                if !theirs.isEmpty { or.filter(\.$id ~~ theirs) }
            }
        }
        if let country = filter.country {
            let organisations = try await Organisation.query(on: db).filter(\.$countryCode == country.value).all(\.$id)
            let parties = try await AgreementParty.query(on: db).group(.or) { or in
                or.filter(\.$countryCode == country.value)
                if !organisations.isEmpty { or.filter(\.$organisationID ~~ organisations.map { Optional($0) }) }
            }.all(\.$agreementID)
            query.filter(\.$id ~~ parties)
        }
        if let kind = filter.kind { query.filter(\.$kind == kind.rawValue) }
        if let level = filter.level { query.filter(\.$level == level.rawValue) }
        if let sector = filter.sector { query.filter(\.$sectors ~~ ",\(sector.rawValue),") }
        if let cursor { query.filter(\.$code > cursor.key) }
        return query.sort(\.$code)
    }
}
