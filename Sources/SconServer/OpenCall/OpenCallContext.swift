import Fluent
import Foundation
import SconDomain
import Vapor

/// The open call: calls, proposals, endorsements, files, the decision, results and appeals.
struct OpenCallContext: SconContext {
    let name = "OpenCall"

    var migrations: [any Migration] {
        [CreateCall(), CreateProposal(), CreateEndorsement(), CreateAttachment(), CreateCallDecision(), AddCallPublishedAt(), CreateAppeal(), UpdateOpenCallAddIndexes()]
    }

    func register(_ routes: ContextRoutes) throws {
        let maxAttachmentBytes = routes.config.maxAttachmentKilobytes * 1024
        try routes.app.register(collection: CallPagesController())
        try routes.app.register(collection: ProposalPagesController(maxAttachmentBytes: maxAttachmentBytes))
        try routes.app.register(collection: CallAPIController())
        try routes.app.register(collection: ProposalAPIController())
        try routes.app.register(collection: DecisionAPIController())
        try routes.app.register(collection: AppealAPIController())
        try routes.app.register(collection: AttachmentAPIController(maxAttachmentBytes: maxAttachmentBytes))
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 40, label: "nav.calls", route: OpenCallURL.calls),
         NavigationEntry(placement: .account, order: 10, label: "proposals.mine", route: OpenCallURL.proposals,
                         isShown: { !$0.organisationIDs.isEmpty })]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Call.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in try await DemoData.seedCalls(db) }
        return true
    }

    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        try await OpenCallDue.items(for: principal, on: db, now: now)
    }
}
