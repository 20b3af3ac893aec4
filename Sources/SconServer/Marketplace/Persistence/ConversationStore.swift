import Fluent
import Foundation
import SconDomain

/// Interest in a challenge–solution pair and, once both sides are interested, their
/// conversation. Who may is `MarketplaceAccess`'s answer; every change is audited in the
/// challenge's chain.
struct ConversationStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Pair: Sendable {
        var challenge: Challenge
        var solution: Solution
        var challengeSide: UUID { challenge.organisationID }
        var solutionSide: UUID { solution.organisationID }
    }

    /// Both records, if the principal may see both (404 otherwise).
    func pair(_ challengeID: UUID, _ solutionID: UUID, by principal: Principal) async throws -> Pair {
        Pair(challenge: try await ChallengeStore.visible(challengeID, by: principal, on: db),
             solution: try await SolutionStore.visible(solutionID, by: principal, on: db))
    }

    func interest(in pair: Pair) async throws -> InterestDTO {
        let sides = Set(try await MarketplaceInterest.query(on: db).filter(\.$challengeID == pair.challenge.storedID)
            .filter(\.$solutionID == pair.solution.storedID).all(\.$side))
        return InterestDTO(challenge: pair.challenge.storedID, solution: pair.solution.storedID,
                           challengeSide: sides.contains("challenge"), solutionSide: sides.contains("solution"))
    }

    /// Records "interested" for each side the principal speaks for (403 when neither).
    func expressInterest(_ challengeID: UUID, _ solutionID: UUID, by principal: Principal) async throws -> InterestDTO {
        let pair = try await pair(challengeID, solutionID, by: principal)
        var sides: [(String, UUID)] = []
        if MarketplaceAccess.allows(principal, .expressInterest(side: pair.challengeSide)) { sides.append(("challenge", pair.challengeSide)) }
        if MarketplaceAccess.allows(principal, .expressInterest(side: pair.solutionSide)) { sides.append(("solution", pair.solutionSide)) }
        try principal.require(!sides.isEmpty, "express interest for either side of this pair")
        guard try pair.challenge.challengeStatus.isPublished, try pair.solution.solutionStatus.isPublished else {
            throw DomainError.conflict("both the challenge and the solution must be published.")
        }
        let now = audit.clock.now()
        let chosen = sides
        _ = try await audit.record(.challenge(challengeID)) { tx in
            var events: [AuditEvent] = []
            for (side, organisation) in chosen {
                let exists = try await MarketplaceInterest.query(on: tx).filter(\.$challengeID == challengeID).filter(\.$solutionID == solutionID)
                    .filter(\.$side == side).count() > 0
                guard !exists else { continue }
                let row = MarketplaceInterest()
                row.id = UUID()
                row.challengeID = challengeID; row.solutionID = solutionID
                row.side = side; row.organisationID = organisation
                row.by = principal.userID ?? UUID(); row.createdAt = now
                try await row.create(on: tx)
                events.append(AuditEvent(actor: principal.userID, action: "marketplace.interest", subject: ChallengeStore.subject(challengeID),
                                         details: ["solution": UUIDText.string(solutionID), "side": side]))
            }
            return ((), events)
        }
        return try await interest(in: pair)
    }

    /// The messages of a pair, oldest first, for those who may read them.
    func messages(_ challengeID: UUID, _ solutionID: UUID, by principal: Principal) async throws -> (Pair, [MarketplaceMessage]) {
        let pair = try await pair(challengeID, solutionID, by: principal)
        guard MarketplaceAccess.allows(principal, .readConversation(challengeSide: pair.challengeSide, solutionSide: pair.solutionSide)) else {
            throw DomainError.notFound("conversation")
        }
        return (pair, try await messages(of: pair))
    }

    /// The messages of a pair already checked as readable, oldest first (at most 500).
    func messages(of pair: Pair) async throws -> [MarketplaceMessage] {
        try await MarketplaceMessage.query(on: db).filter(\.$challengeID == pair.challenge.storedID).filter(\.$solutionID == pair.solution.storedID)
            .sort(\.$createdAt).sort(\.$id).limit(500).all()
    }

    /// Adds a message: only once both sides are interested, by a member of one of them.
    func post(_ text: String?, _ challengeID: UUID, _ solutionID: UUID, by principal: Principal) async throws -> MarketplaceMessage {
        let (pair, _) = try await messages(challengeID, solutionID, by: principal)
        try principal.require(MarketplaceAccess.allows(principal, .writeConversation(challengeSide: pair.challengeSide, solutionSide: pair.solutionSide)),
                              "write in this conversation")
        var rules = FieldRules()
        let body = rules.text(text, field: "text", min: 1, max: 4_000)
        try rules.check()
        guard try await interest(in: pair).mutual else { throw ConversationRefusal() }
        let organisation = MarketplaceAccess.allows(principal, .expressInterest(side: pair.challengeSide)) ? pair.challengeSide : pair.solutionSide
        let now = audit.clock.now()
        return try await audit.record(.challenge(challengeID)) { tx in
            let row = MarketplaceMessage()
            row.id = UUID()
            row.challengeID = challengeID; row.solutionID = solutionID
            row.authorID = principal.userID ?? UUID(); row.organisationID = organisation
            row.text = body; row.createdAt = now
            try await row.create(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "marketplace.message", subject: ChallengeStore.subject(challengeID),
                                     details: ["solution": UUIDText.string(solutionID), "characters": String(body.count)])])
        }
    }
}

extension InterestDTO {
    var mutual: Bool { challengeSide && solutionSide }
}

/// A message before both sides said they are interested (409).
struct ConversationRefusal: Refusal {
    var key: String { "marketplace.not-mutual" }
    var values: [String: RefusalValue] { [:] }
    var description: String { "the conversation opens when both sides have said they are interested." }
}
