import Fluent
import Foundation
import SconDomain
import Vapor

/// Invitation training (measure 4): programmes, cohorts, applications with the nomination and
/// the focal points' ranking, the selection, certificates with public verification.
struct TrainingContext: SconContext {
    let name = "Training"

    var migrations: [any Migration] { [CreateTrainingTables()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: TrainingPagesController())
        try routes.app.register(collection: TrainingAPIController())
        try routes.app.register(collection: TrainingOfficeController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 70, label: "nav.training", route: TrainingURL.training)]
    }

    var strings: StringTable { Self.table }

    /// `scon training sweep`, and the sweep of lapsed offers every minute while `scon serve` runs.
    var tools: ContextTools {
        ContextTools(commands: ["training": TrainingCommand()], whileServing: [TrainingSweep()])
    }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await TrainingProgramme.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in try await TrainingDemoData.seed(db) }
        return true
    }

    /// What the person has to do: nominate their organisation's submitted officials, rank their
    /// country's nominees, answer an offer before its deadline.
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard let user = principal.userID else { return [] }
        var items: [DueItem] = []
        let offers = try await TraineeApplicationRecord.query(on: db).filter(\.$userID == user)
            .filter(\.$state == TraineeApplicationState.selected.rawValue).all()
        for offer in offers {
            guard let deadline = offer.offerDeadline, deadline > now else { continue }
            items.append(DueItem(kind: "due.trainingOffer", title: offer.traineeName, due: deadline, dueText: AuditChain.timestamp(deadline),
                                 path: TrainingURL.application(.value(offer.storedID)).path))
        }
        let organisations = Array(principal.organisations)
        if !organisations.isEmpty {
            let waiting = try await TraineeApplicationRecord.query(on: db).filter(\.$organisationID ~~ organisations)
                .filter(\.$state == TraineeApplicationState.submitted.rawValue).all()
            for application in waiting where TrainingAccess.allows(principal, .nominate(try application.facts)) {
                items.append(DueItem(kind: "due.trainingNominate", title: application.traineeName, due: nil, dueText: nil,
                                     path: TrainingURL.application(.value(application.storedID)).path))
            }
        }
        return items
    }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        let rows = try await TraineeApplicationRecord.query(on: db).filter(\.$userID == user).all()
        guard !rows.isEmpty else { return [:] }
        struct Application: Encodable, Sendable {
            var cohort: String; var name: String; var organisation: String; var country: String; var level: String; var state: String
            var motivation: String; var actionPlanIdea: String; var submittedAt: String?
        }
        return ["trainingApplications": PersonalDataSection(rows.map {
            Application(cohort: UUIDText.string($0.cohortID), name: $0.traineeName, organisation: UUIDText.string($0.organisationID), country: $0.country,
                        level: $0.level, state: $0.state, motivation: $0.motivation, actionPlanIdea: $0.actionPlanIdea,
                        submittedAt: $0.submittedAt.map(AuditChain.timestamp))
        })]
    }

    /// Applications lose their link to the account and their texts; a certificate issued keeps
    /// the name it was issued to (it must still verify), so the application row stays.
    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        let rows = try await TraineeApplicationRecord.query(on: db).filter(\.$userID == user).all()
        for row in rows {
            row.userID = nil
            row.motivation = ""
            row.actionPlanIdea = ""
            if try await CertificateRecord.query(on: db).filter(\.$applicationID == row.storedID).count() == 0 { row.traineeName = "" }
            try await row.update(on: db)
        }
    }
}
