import Fluent
import Foundation
import SconDomain
import Vapor

/// The marketplace: cities' urban problems (challenges) and organisations' solutions, the
/// suggested matches between them, interest and conversations.
struct MarketplaceContext: SconContext {
    let name = "Marketplace"

    var migrations: [any Migration] { [CreateMarketplaceTables(), CreateMarketplaceFollowUps(), CreateChallengeAttachments()] }

    func register(_ routes: ContextRoutes) throws {
        let maxAttachmentBytes = routes.config.maxAttachmentKilobytes * 1024
        try routes.app.register(collection: MarketplacePagesController(maxAttachmentBytes: maxAttachmentBytes))
        try routes.app.register(collection: MarketplaceAPIController())
        try routes.app.register(collection: ChallengeAttachmentAPIController(maxAttachmentBytes: maxAttachmentBytes))
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 55, label: "nav.marketplace", route: MarketplaceURL.home)]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Challenge.query(on: db).count() == 0, try await Solution.query(on: db).count() == 0 else { return false }
        try await db.transaction { tx in try await DemoData.seedMarketplace(tx, now: Date()) }
        return true
    }

    var tools: ContextTools {
        ContextTools(imports: ["marketplace": { app, data in
            let summary = try await MarketplaceImport(db: app.db, audit: app.auditLog).run(data)
            return "imported: \(summary.created) created, \(summary.updated) updated"
        }])
    }

    /// The messages a person wrote and the interest they expressed.
    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        struct Message: Encodable, Sendable { var challenge: UUID; var solution: UUID; var text: String; var createdAt: Date }
        struct Interest: Encodable, Sendable { var challenge: UUID; var solution: UUID; var side: String; var createdAt: Date }
        let messages = try await MarketplaceMessage.query(on: db).filter(\.$authorID == user).all()
            .map { Message(challenge: $0.challengeID, solution: $0.solutionID, text: $0.text, createdAt: $0.createdAt) }
        let interests = try await MarketplaceInterest.query(on: db).filter(\.$by == user).all()
            .map { Interest(challenge: $0.challengeID, solution: $0.solutionID, side: $0.side, createdAt: $0.createdAt) }
        return ["marketplaceMessages": PersonalDataSection(messages), "marketplaceInterest": PersonalDataSection(interests)]
    }

    /// The person's messages are removed; the organisations' interest stays, without the person.
    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        try await MarketplaceMessage.query(on: db).filter(\.$authorID == user).delete()
        try await MarketplaceInterest.query(on: db).filter(\.$by == user).set(\.$by, to: SearchService.noID).update()
    }
}
