import Fluent
import Foundation
import SconDomain
import SQLKit

/// The projects a person sees, filtered and keyset-paginated in SQL by code: the visibility is
/// `ProjectAccess.visibility`, the policy's own predicate (a test keeps the two equal).
struct ProjectQuery: Sendable {
    let db: any Database

    struct Filter: Sendable, Hashable {
        var stage: ProjectStage?
        var country: CountryCode?
        var call: UUID?
        /// Leave the records marked sample out (the open-data exports do).
        var withoutSamples = false

        static func parse(stage: String?, country: String?) throws(DomainError) -> Filter {
            var rules = FieldRules()
            var filter = Filter()
            if let stage, !stage.isEmpty {
                filter.stage = ProjectStage(rawValue: stage)
                if filter.stage == nil { rules.fail("stage", "unknown", "stage is one of \(ProjectStage.allCases.map(\.rawValue).joined(separator: ", ")).") }
            }
            if let country, !country.isEmpty {
                filter.country = CountryCode(country)
                if filter.country == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
            }
            try rules.checkParameters()
            return filter
        }
    }

    func page(_ filter: Filter, _ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<Project> {
        let rows = try await query(filter, for: principal, after: page.cursor).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.code, id: $0.storedID) }
    }

    /// How many projects the person sees under the filter (counted in SQL).
    func count(_ filter: Filter, for principal: Principal) async throws -> Int {
        try await query(filter, for: principal, after: nil).count()
    }

    /// Every project the person sees under the filter, by code (for exports).
    func all(_ filter: Filter, for principal: Principal) async throws -> [Project] {
        try await query(filter, for: principal, after: nil).all()
    }

    private func query(_ filter: Filter, for principal: Principal, after cursor: PageCursor?) async throws -> QueryBuilder<Project> {
        let visibility = ProjectAccess.visibility(for: principal)
        var leads: [UUID] = []
        if !visibility.everything, !visibility.organisations.isEmpty {
            leads = try await ProjectParticipant.query(on: db).filter(\.$organisationID ~~ Array(visibility.organisations))
                .filter(\.$role != ProjectRole.beneficiary.rawValue).all(\.$projectID)
        }
        let centreLeads = visibility.everything ? [] : try await CentreLeadLinks.projects(of: visibility.leadCentres, on: db)
        let query = Project.query(on: db).join(Call.self, on: \Project.$callID == \Call.$id, method: .left)
        if !visibility.everything {
            query.group(.or) { or in
                or.group(.and) { $0.filter(\.$callID != nil).filter(Call.self, \.$state == CallState.published.rawValue) }
                if !visibility.managedCalls.isEmpty { or.filter(\.$callID ~~ Array(visibility.managedCalls)) }
                or.group(.and) { $0.filter(\.$callID == nil).filter(\.$stage != ProjectStage.lead.rawValue) }
                if !centreLeads.isEmpty { or.group(.and) { $0.filter(\.$callID == nil).filter(\.$id ~~ centreLeads) } }
                if !leads.isEmpty { or.group(.and) { $0.filter(\.$callID == nil).filter(\.$id ~~ leads) } }
            }
        }
        if let stage = filter.stage { query.filter(\.$stage == stage.rawValue) }
        if let country = filter.country { query.filter(\.$countryCode == country.value) }
        if let call = filter.call { query.filter(\.$callID == call) }
        if filter.withoutSamples { query.filter(\.$sample == false) }
        if let cursor { query.filter(\.$code > cursor.key) }
        return query.sort(\.$code)
    }
}
