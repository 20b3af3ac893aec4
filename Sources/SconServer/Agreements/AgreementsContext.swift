import Fluent
import Foundation
import SconDomain
import Vapor

/// Agreements (MOUs and others), their parties' status timelines, dormancy, and the counted
/// cooperation outcomes.
struct AgreementsContext: SconContext {
    let name = "Agreements"

    var migrations: [any Migration] { [CreateAgreementTables()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: AgreementsPagesController())
        try routes.app.register(collection: AgreementsAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 70, label: "nav.agreements", route: AgreementsURL.agreements),
         NavigationEntry(placement: .main, order: 71, label: "nav.outcomes", route: AgreementsURL.outcomes)]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Agreement.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in try await AgreementsDemoData.seed(db) }
        return true
    }

    /// Dormant agreements, for the officers who follow them up.
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard AgreementAccess.allows(principal, .manage) else { return [] }
        let linked = try await AgreementLink.query(on: db).all(\.$agreementID)
        guard !linked.isEmpty else { return [] }
        let agreements = try await Agreement.query(on: db).filter(\.$id ~~ Array(Set(linked))).sort(\.$code).all()
        return try await AgreementRecord.load(agreements, on: db, today: CalendarDay(now)).filter(\.dormant).map { record in
            DueItem(kind: "due.dormant", title: "\(record.agreement.code) \(record.agreement.titleEn)", due: nil, dueText: nil,
                    path: AgreementsURL.agreement(.value(record.id)).path)
        }
    }
}
