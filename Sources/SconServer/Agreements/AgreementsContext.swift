import Fluent
import Foundation
import SconDomain
import Vapor

/// Agreements (MOUs and others), their parties' status timelines, dormancy, and the counted
/// cooperation outcomes.
struct AgreementsContext: SconContext {
    let name = "Agreements"

    var migrations: [any Migration] { [CreateAgreementTables(), CreateAgreementFollowUp()] }

    func register(_ routes: ContextRoutes) throws {
        let maxDocumentBytes = routes.config.maxAttachmentKilobytes * 1024
        try routes.app.register(collection: AgreementsPagesController(maxDocumentBytes: maxDocumentBytes))
        try routes.app.register(collection: AgreementsAPIController(maxDocumentBytes: maxDocumentBytes))
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

    /// Overdue follow-up milestones and dormant agreements, for the officers who follow them up.
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard AgreementAccess.allows(principal, .manage) else { return [] }
        let today = CalendarDay(now)
        let overdue = try await AgreementMilestone.query(on: db).filter(\.$doneOn == nil).filter(\.$dueOn < today.description)
            .sort(\.$dueOn).limit(100).all()
        let codes = overdue.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Agreement.query(on: db)
            .filter(\.$id ~~ Array(Set(overdue.map(\.agreementID)))).all().map { ($0.storedID, $0.code) })
        var items = try overdue.map { milestone in
            DueItem(kind: "due.milestone", title: "\(codes[milestone.agreementID] ?? "") \(milestone.titleEn)", due: try milestone.dueDay.start,
                    dueText: milestone.dueOn, path: AgreementsURL.agreement(.value(milestone.agreementID)).path + "#milestones")
        }
        let linked = try await AgreementLink.query(on: db).all(\.$agreementID) + AgreementMilestone.query(on: db).all(\.$agreementID)
        guard !linked.isEmpty else { return items }
        let agreements = try await Agreement.query(on: db).filter(\.$id ~~ Array(Set(linked))).sort(\.$code).all()
        items += try await AgreementRecord.load(agreements, on: db, today: today).filter(\.dormant).map { record in
            DueItem(kind: "due.dormant", title: "\(record.agreement.code) \(record.agreement.titleEn)", due: nil, dueText: nil,
                    path: AgreementsURL.agreement(.value(record.id)).path)
        }
        return items
    }
}
