import Fluent
import SconDomain
import Vapor

/// `/api/v1` for the marketplace: `MarketplaceAPI`.
struct MarketplaceAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(MarketplaceAPI.challenges, use: challenges)
        routes.get(MarketplaceAPI.challengesCSV, use: challengesCSV)
        signedIn.post(MarketplaceAPI.challenges, use: createChallenge)
        routes.get(MarketplaceAPI.challenge(.key), use: challenge)
        signedIn.patch(MarketplaceAPI.challenge(.key), use: updateChallenge)
        signedIn.post(MarketplaceAPI.challengeStatus(.key), use: moveChallenge)
        routes.get(MarketplaceAPI.challengeMatches(.key), use: challengeMatches)
        routes.get(MarketplaceAPI.solutions, use: solutions)
        routes.get(MarketplaceAPI.solutionsCSV, use: solutionsCSV)
        signedIn.post(MarketplaceAPI.solutions, use: createSolution)
        routes.get(MarketplaceAPI.solution(.key), use: solution)
        signedIn.patch(MarketplaceAPI.solution(.key), use: updateSolution)
        signedIn.post(MarketplaceAPI.solutionStatus(.key), use: moveSolution)
        routes.get(MarketplaceAPI.solutionMatches(.key), use: solutionMatches)
        signedIn.get(MarketplaceAPI.interest(challenge: .key, solution: .key), use: interest)
        signedIn.post(MarketplaceAPI.interest(challenge: .key, solution: .key), use: expressInterest)
        signedIn.get(MarketplaceAPI.messages(challenge: .key, solution: .key), use: messages)
        signedIn.post(MarketplaceAPI.messages(challenge: .key, solution: .key), use: postMessage)
        signedIn.get(MarketplaceAPI.followUps(challenge: .key, solution: .key), use: followUps)
        signedIn.post(MarketplaceAPI.lead(challenge: .key, solution: .key), use: makeLead)
        signedIn.post(MarketplaceAPI.meetings(challenge: .key, solution: .key), use: requestMeeting)
        signedIn.post(MarketplaceAPI.proposal(challenge: .key, solution: .key), use: makeProposal)
    }

    // MARK: Challenges

    @Sendable func challenges(_ req: Request) async throws -> ListResponse<ChallengeDTO> {
        let page = try await req.marketplaceQuery.challenges(try req.challengeFilter(), try req.pageQuery(), for: req.principal)
        let rates = try await MarketplaceRates.latest(on: req.db)
        return ListResponse(items: try page.items.map { try ChallengeDTO($0, rates: rates) }, nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func challengesCSV(_ req: Request) async throws -> Response {
        let rows = try await req.marketplaceQuery.allChallenges(try req.challengeFilter(), for: req.principal)
        return MarketplaceCSV.response(MarketplaceCSV.challenges(rows, rates: try await MarketplaceRates.latest(on: req.db)), filename: "kscon-challenges.csv")
    }

    @Sendable func createChallenge(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(ChallengeInput.self)
        let model = try await req.challengeStore.create(input.applied(to: ChallengeDraft()), publish: input.publish ?? false, by: req.principal)
        return req.created(try ChallengeDTO(model, rates: try await MarketplaceRates.latest(on: req.db)), at: MarketplaceAPI.challenge(.value(model.storedID)))
    }

    @Sendable func challenge(_ req: Request) async throws -> ChallengeDTO {
        try ChallengeDTO(try await req.challengeStore.find(try req.uuid(), by: req.principal), rates: try await MarketplaceRates.latest(on: req.db))
    }

    @Sendable func updateChallenge(_ req: Request) async throws -> ChallengeDTO {
        let input = try req.decodeJSON(ChallengeInput.self)
        let model = try await req.challengeStore.update(try req.uuid(), by: req.principal) { input.applied(to: $0) }
        return try ChallengeDTO(model, rates: try await MarketplaceRates.latest(on: req.db))
    }

    @Sendable func moveChallenge(_ req: Request) async throws -> ChallengeDTO {
        let input = try req.decodeJSON(StatusInput.self)
        let model = try await req.challengeStore.move(try req.uuid(), to: input.status, by: req.principal)
        return try ChallengeDTO(model, rates: try await MarketplaceRates.latest(on: req.db))
    }

    @Sendable func challengeMatches(_ req: Request) async throws -> ListResponse<MatchDTO> {
        let challenge = try await req.challengeStore.find(try req.uuid(), by: req.principal)
        let found = try await MatchFinder(db: req.db).solutions(for: challenge)
        return ListResponse(items: found.map { MatchDTO(match: $0.0, title: $0.1.title, otherID: $0.1.storedID, kind: "solution") }, nextCursor: nil)
    }

    // MARK: Solutions

    @Sendable func solutions(_ req: Request) async throws -> ListResponse<SolutionDTO> {
        let page = try await req.marketplaceQuery.solutions(try req.solutionFilter(), try req.pageQuery(), for: req.principal)
        return ListResponse(items: try page.items.map(SolutionDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func solutionsCSV(_ req: Request) async throws -> Response {
        let rows = try await req.marketplaceQuery.allSolutions(try req.solutionFilter(), for: req.principal)
        return MarketplaceCSV.response(try MarketplaceCSV.solutions(rows), filename: "kscon-solutions.csv")
    }

    @Sendable func createSolution(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(SolutionInput.self)
        let model = try await req.solutionStore.create(input.applied(to: SolutionDraft()), publish: input.publish ?? false, by: req.principal)
        return req.created(try SolutionDTO(model), at: MarketplaceAPI.solution(.value(model.storedID)))
    }

    @Sendable func solution(_ req: Request) async throws -> SolutionDTO {
        try SolutionDTO(try await req.solutionStore.find(try req.uuid(), by: req.principal))
    }

    @Sendable func updateSolution(_ req: Request) async throws -> SolutionDTO {
        let input = try req.decodeJSON(SolutionInput.self)
        return try SolutionDTO(try await req.solutionStore.update(try req.uuid(), by: req.principal) { input.applied(to: $0) })
    }

    @Sendable func moveSolution(_ req: Request) async throws -> SolutionDTO {
        let input = try req.decodeJSON(StatusInput.self)
        return try SolutionDTO(try await req.solutionStore.move(try req.uuid(), to: input.status, by: req.principal))
    }

    @Sendable func solutionMatches(_ req: Request) async throws -> ListResponse<MatchDTO> {
        let solution = try await req.solutionStore.find(try req.uuid(), by: req.principal)
        let found = try await MatchFinder(db: req.db).challenges(for: solution)
        return ListResponse(items: found.map { MatchDTO(match: $0.0, title: $0.1.title, otherID: $0.1.storedID, kind: "challenge") }, nextCursor: nil)
    }

    // MARK: Interest and conversations

    @Sendable func interest(_ req: Request) async throws -> InterestDTO {
        let store = req.conversationStore
        return try await store.interest(in: try await store.pair(try req.uuid(.challenge), try req.uuid(.solution), by: req.principal))
    }

    @Sendable func expressInterest(_ req: Request) async throws -> InterestDTO {
        try await req.conversationStore.expressInterest(try req.uuid(.challenge), try req.uuid(.solution), by: req.principal)
    }

    @Sendable func messages(_ req: Request) async throws -> ListResponse<MessageDTO> {
        let (_, rows) = try await req.conversationStore.messages(try req.uuid(.challenge), try req.uuid(.solution), by: req.principal)
        return ListResponse(items: rows.map(MessageDTO.init), nextCursor: nil)
    }

    @Sendable func postMessage(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(MessageInput.self)
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        let row = try await req.conversationStore.post(input.text, challenge, solution, by: req.principal)
        return req.created(MessageDTO(model: row), at: MarketplaceAPI.messages(challenge: .value(challenge), solution: .value(solution)))
    }
}

extension MarketplaceAPIController {
    // MARK: Follow-ups of a mutual pair

    @Sendable func followUps(_ req: Request) async throws -> FollowUpsDTO {
        let store = req.followUpStore
        let pair = try await store.readable(try req.uuid(.challenge), try req.uuid(.solution), by: req.principal)
        return FollowUpsDTO(challenge: pair.challenge.storedID, solution: pair.solution.storedID, made: try await store.made(pair))
    }

    private func created(_ req: Request, _ made: FollowUpStore.Made, _ challenge: UUID, _ solution: UUID) -> Response {
        req.created(FollowUpsDTO(challenge: challenge, solution: solution, made: made),
                    at: MarketplaceAPI.followUps(challenge: .value(challenge), solution: .value(solution)))
    }

    @Sendable func makeLead(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(PairLeadInput.self)
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        let made = try await req.followUpStore.lead(challenge, solution, centre: input.centre, supportType: input.supportType, owner: input.owner, by: req.principal)
        return created(req, made, challenge, solution)
    }

    @Sendable func requestMeeting(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(PairMeetingInput.self)
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        let made = try await req.followUpStore.meeting(challenge, solution, event: input.event, priority: input.priority, message: input.message, by: req.principal)
        return created(req, made, challenge, solution)
    }

    @Sendable func makeProposal(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(PairProposalInput.self)
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        let store = req.followUpStore
        _ = try await store.proposal(challenge, solution, call: input.call, supportType: input.supportType, budget: input.budget, by: req.principal)
        let pair = try await store.readable(challenge, solution, by: req.principal)
        return created(req, try await store.made(pair), challenge, solution)
    }
}

extension Request {
    var followUpStore: FollowUpStore { FollowUpStore(db: db, audit: auditLog) }
    var challengeStore: ChallengeStore { ChallengeStore(db: db, audit: auditLog) }
    var solutionStore: SolutionStore { SolutionStore(db: db, audit: auditLog) }
    var conversationStore: ConversationStore { ConversationStore(db: db, audit: auditLog) }
    var marketplaceQuery: MarketplaceQuery { MarketplaceQuery(db: db) }

    /// The list's filter. The content language is `lang` in the API and `language` on the pages
    /// (where `lang` chooses the page's own language).
    func challengeFilter(language: String = "lang") throws -> MarketplaceQuery.Filter {
        try MarketplaceQuery.Filter.parse(country: queryItem("country"), city: queryItem("city"), sector: queryItem("sector"),
                                          status: queryItem("status"), language: queryItem(language), mine: queryItem("mine"),
                                          statuses: ChallengeStatus.allCases.map(\.rawValue))
    }

    func solutionFilter(language: String = "lang") throws -> MarketplaceQuery.Filter {
        try MarketplaceQuery.Filter.parse(country: queryItem("country"), city: nil, sector: queryItem("sector"),
                                          status: queryItem("status"), language: queryItem(language), mine: queryItem("mine"),
                                          statuses: SolutionStatus.allCases.map(\.rawValue))
    }
}
