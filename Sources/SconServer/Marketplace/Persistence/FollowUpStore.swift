import Fluent
import Foundation
import SconDomain

/// A mutual pair followed up in the programme's work (issue 13): a lead on the board of a centre
/// covering the challenge's country (`LeadStore.create`, the board's own rules and the Centres
/// policy), a meeting request at an event where both sides are registered (`EventStore.request`,
/// the event page's rules), a draft proposal in an open call for the challenge's city organisation
/// (`ProposalStore.createDraft`, the open call's rules). The pair records what it became
/// (`marketplace_pairs`, `marketplace_pair_meetings`); each is audited in the challenge's chain.
struct FollowUpStore: Sendable {
    let db: any Database
    let audit: AuditLog

    /// What the pair became, for its page and `GET …/follow-ups`.
    struct Made: Sendable {
        var lead: CentreLead?
        var leadCentre: Centre?
        var proposal: Proposal?
        var meetings: [(MarketplacePairMeeting, CentreEvent?)]
    }

    /// The pair if the principal may read its conversation (404 otherwise).
    func readable(_ challengeID: UUID, _ solutionID: UUID, by principal: Principal) async throws -> ConversationStore.Pair {
        let pair = try await ConversationStore(db: db, audit: audit).pair(challengeID, solutionID, by: principal)
        guard MarketplaceAccess.allows(principal, .readConversation(challengeSide: pair.challengeSide, solutionSide: pair.solutionSide)) else {
            throw DomainError.notFound("conversation")
        }
        return pair
    }

    func made(_ pair: ConversationStore.Pair) async throws -> Made {
        let row = try await record(pair, on: db)
        let lead = try await row?.leadID.asyncFlatMap { try await CentreLead.find($0, on: db) }
        let centre = try await row?.leadCentreID.asyncFlatMap { try await Centre.find($0, on: db) }
        let proposal = try await row?.proposalID.asyncFlatMap { try await Proposal.find($0, on: db) }
        let meetings = try await MarketplacePairMeeting.query(on: db).filter(\.$challengeID == pair.challenge.storedID)
            .filter(\.$solutionID == pair.solution.storedID).sort(\.$createdAt).sort(\.$id).limit(100).all()
        let events = Dictionary(uniqueKeysWithValues: try await CentreEvent.query(on: db).filter(\.$id ~~ Set(meetings.map(\.eventID)).map { $0 }).all()
            .map { ($0.storedID, $0) })
        return Made(lead: lead, leadCentre: centre, proposal: proposal, meetings: meetings.map { ($0, events[$0.eventID]) })
    }

    private func record(_ pair: ConversationStore.Pair, on db: any Database) async throws -> MarketplacePair? {
        try await MarketplacePair.query(on: db).filter(\.$challengeID == pair.challenge.storedID).filter(\.$solutionID == pair.solution.storedID).first()
    }

    /// Both sides interested, or the conversation's refusal (409).
    private func requireMutual(_ pair: ConversationStore.Pair) async throws {
        guard try await ConversationStore(db: db, audit: audit).interest(in: pair).mutual else { throw ConversationRefusal() }
    }

    // MARK: A lead on a centre's board

    /// The centres covering the challenge's country (by `covers`, or hosted there) whose board
    /// the principal keeps (the Centres policy's answer), by English name.
    func leadCentres(for pair: ConversationStore.Pair, by principal: Principal) async throws -> [Centre] {
        guard principal.isSignedIn else { return [] }
        let country = pair.challenge.countryCode
        return try await Centre.query(on: db).sort(\.$nameEn).sort(\.$id).all().filter { centre in
            let covers = (try? centre.coveredCountries.map(\.value)) ?? []
            return (covers.contains(country) || centre.hostCountry == country) && CentreAccess.allows(principal, .keepBoard(centre.storedID))
        }
    }

    /// Records the pair as a lead of `centre` (through the board's `LeadStore.create`): the
    /// challenge's city, its organisation, title and sectors, a note naming the pair and the
    /// solution's organisation as the partner. Once per pair (409 after).
    func lead(_ challengeID: UUID, _ solutionID: UUID, centre: UUID?, supportType: String?, owner: String?, by principal: Principal) async throws -> Made {
        try principal.require(principal.isSignedIn, "record leads")
        let pair = try await ConversationStore(db: db, audit: audit).pair(challengeID, solutionID, by: principal)
        guard let centre else {
            throw DomainError.invalid([FieldIssue(field: "centre", code: "required", detail: "centre is the id of a centre covering the challenge's country.")])
        }
        guard let centreRow = try await Centre.find(centre, on: db) else {
            throw DomainError.invalid([FieldIssue(field: "centre", code: "unknown", detail: "centre is the id of a centre covering the challenge's country.")])
        }
        try principal.require(CentreAccess.allows(principal, .keepBoard(centre)), "keep this centre's board")
        let covers = try centreRow.coveredCountries.map(\.value)
        guard covers.contains(pair.challenge.countryCode) || centreRow.hostCountry == pair.challenge.countryCode else {
            throw DomainError.invalid([FieldIssue(field: "centre", code: "not-covering", detail: "the centre does not cover \(pair.challenge.countryCode).")])
        }
        try await requireMutual(pair)
        if try await record(pair, on: db)?.leadID != nil { throw MarketplaceFollowUpRefusal.leadExists }
        guard let city = pair.challenge.cityID else { throw MarketplaceFollowUpRefusal.noCity }
        let solutionOrganisation = try await Organisation.find(pair.solutionSide, on: db)
        func note(_ language: Language) -> String {
            Strings.of(language).format("market.lead.note", [
                "challenge": pair.challenge.title, "solution": pair.solution.title,
                "partner": solutionOrganisation?.name.text(in: language) ?? "",
                "path": MarketplaceURL.pair(challenge: .value(challengeID), solution: .value(solutionID)).path,
            ])
        }
        let title = pair.challenge.titleEn.isEmpty ? pair.challenge.title : pair.challenge.titleEn
        let input = PipelineStore.LeadInput(organisation: pair.challengeSide, city: city, title: String(title.prefix(300)), supportType: supportType,
                                            descriptionEn: note(.en), descriptionKo: note(.ko), sectors: try pair.challenge.sectorList.map(\.rawValue))
        let ownerName: String
        if let owner, !owner.trimmingCharacters(in: .whitespaces).isEmpty { ownerName = owner } else {
            ownerName = try await principal.userID.asyncFlatMap { try await User.find($0, on: db) }?.displayName ?? ""
        }
        let board = LeadBoardDraft(owner: ownerName, status: LeadStatus.new.rawValue, nextAction: nil, dueOn: nil)
        let row = try await LeadStore(db: db, audit: audit).create(centre, lead: input, board: board, meeting: nil, by: principal)
        let leadID = row.lead.storedID
        let now = audit.clock.now()
        _ = try await audit.record(.challenge(challengeID)) { tx in
            let pairRow = try await pairRow(challengeID, solutionID, now: now, on: tx)
            if pairRow.leadID != nil { throw MarketplaceFollowUpRefusal.leadExists }
            pairRow.leadID = leadID
            pairRow.leadCentreID = centre
            try await pairRow.save(on: tx)
            return ((), [AuditEvent(actor: principal.userID, action: "marketplace.lead", subject: ChallengeStore.subject(challengeID),
                                    details: ["solution": UUIDText.string(solutionID), "centre": UUIDText.string(centre), "lead": UUIDText.string(leadID),
                                              "project": UUIDText.string(row.project.storedID)])])
        }
        return try await made(pair)
    }

    private func pairRow(_ challengeID: UUID, _ solutionID: UUID, now: Date, on tx: any Database) async throws -> MarketplacePair {
        if let row = try await MarketplacePair.query(on: tx).filter(\.$challengeID == challengeID).filter(\.$solutionID == solutionID).first() { return row }
        let row = MarketplacePair()
        row.id = UUID()
        row.challengeID = challengeID
        row.solutionID = solutionID
        row.createdAt = now
        return row
    }

    // MARK: A meeting request at an event

    /// An event where the principal (a member of one side) and a member of the other side are
    /// both validated participants while it takes meeting requests, with the two registrations.
    struct MeetingChance: Sendable {
        var event: CentreEvent
        var mine: EventRegistration
        var theirs: EventRegistration
    }

    /// The events where the principal may ask the other side for a meeting about this pair.
    func meetingChances(for pair: ConversationStore.Pair, by principal: Principal) async throws -> [MeetingChance] {
        guard let user = principal.userID else { return [] }
        let sides = [pair.challengeSide, pair.solutionSide]
        guard let own = sides.first(where: { MarketplaceAccess.allows(principal, .followUp(side: $0)) }) else { return [] }
        let other = own == pair.challengeSide ? pair.solutionSide : pair.challengeSide
        let validated = RegistrationStatus.validated.rawValue
        let mine = try await EventRegistration.query(on: db).filter(\.$userID == user).filter(\.$status == validated).all()
        guard !mine.isEmpty else { return [] }
        let events = try await CentreEvent.query(on: db).filter(\.$id ~~ Set(mine.map(\.eventID)).map { $0 })
            .filter(\.$state == EventState.matchmaking.rawValue).sort(\.$firstDay).sort(\.$id).all()
        guard !events.isEmpty else { return [] }
        let others = try await EventRegistration.query(on: db).filter(\.$eventID ~~ events.map(\.storedID)).filter(\.$status == validated)
            .filter(\.$userID != user).sort(\.$createdAt).sort(\.$id).all()
        let users = Set(others.compactMap(\.userID))
        let grants = Dictionary(grouping: users.isEmpty ? [] : try await RoleGrant.query(on: db).filter(\.$userID ~~ Array(users)).all(), by: \.userID)
        func speaksForOther(_ registration: EventRegistration) -> Bool {
            guard let id = registration.userID else { return false }
            let principal = Principal(userID: id, grants: Set((grants[id] ?? []).compactMap { try? $0.grant }))
            return MarketplaceAccess.allows(principal, .followUp(side: other))
        }
        return events.compactMap { event in
            guard CentreAccess.allows(principal, .seeEvent((try? event.facts) ?? EventAccessFacts(centre: event.centreID, state: .draft))),
                  let myRow = mine.first(where: { $0.eventID == event.storedID }),
                  let theirRow = others.first(where: { $0.eventID == event.storedID && speaksForOther($0) }) else { return nil }
            return MeetingChance(event: event, mine: myRow, theirs: theirRow)
        }
    }

    /// Asks the other side for a meeting at `event` (through `EventStore.request`: the event's
    /// quota, duplicates and state rules) and records it for the pair.
    func meeting(_ challengeID: UUID, _ solutionID: UUID, event: UUID?, priority: Int?, message: String?, by principal: Principal) async throws -> Made {
        try principal.require(principal.isSignedIn, "request meetings")
        let pair = try await readable(challengeID, solutionID, by: principal)
        try principal.require(MarketplaceAccess.allows(principal, .followUp(side: pair.challengeSide))
                              || MarketplaceAccess.allows(principal, .followUp(side: pair.solutionSide)), "request meetings for this pair")
        guard let event else {
            throw DomainError.invalid([FieldIssue(field: "event", code: "required", detail: "event is the id of an event where both sides are registered.")])
        }
        try await requireMutual(pair)
        guard let chance = try await meetingChances(for: pair, by: principal).first(where: { $0.event.storedID == event }) else {
            throw DomainError.invalid([FieldIssue(field: "event", code: "unknown",
                                                  detail: "event is an event taking meeting requests where both sides are validated participants.")])
        }
        let note = message.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            ?? Strings.of(.en).format("market.meeting.note", ["challenge": String(pair.challenge.title.prefix(300)), "solution": String(pair.solution.title.prefix(300))])
        let request = try await EventStore(db: db, audit: audit).request(event, from: nil, to: chance.theirs.storedID, priority: priority,
                                                                        message: String(note.prefix(1_000)), by: principal)
        let requestID = request.storedID
        let now = audit.clock.now()
        _ = try await audit.record(.challenge(challengeID)) { tx in
            let row = MarketplacePairMeeting()
            row.id = UUID()
            row.challengeID = challengeID; row.solutionID = solutionID
            row.eventID = event; row.requestID = requestID; row.createdAt = now
            try await row.create(on: tx)
            return ((), [AuditEvent(actor: principal.userID, action: "marketplace.meeting", subject: ChallengeStore.subject(challengeID),
                                    details: ["solution": UUIDText.string(solutionID), "event": UUIDText.string(event), "request": UUIDText.string(requestID)])])
        }
        return try await made(pair)
    }

    // MARK: A draft proposal in an open call

    /// Whether the principal speaks for the challenge's city organisation (who writes its proposals).
    func mayPropose(_ pair: ConversationStore.Pair, by principal: Principal) -> Bool {
        MarketplaceAccess.allows(principal, .followUp(side: pair.challengeSide)) && pair.challenge.cityID != nil
    }

    /// The calls open for drafting now to which the challenge's organisation may apply (its country eligible).
    func openCalls(for pair: ConversationStore.Pair, by principal: Principal) async throws -> [Call] {
        guard let organisation = try await Organisation.find(pair.challengeSide, on: db), let country = CountryCode(organisation.countryCode) else { return [] }
        let now = audit.clock.now()
        return try await Call.query(on: db).filter(\.$state == CallState.open.rawValue).filter(\.$closesAt > now).sort(\.$closesAt).sort(\.$id).all()
            .filter { call in
                guard let terms = try? call.terms() else { return false }
                return terms.eligibleCountries.contains(country) && ProposalRules.draftingRefusal(callState: .open, schedule: terms.schedule, now: now) == nil
            }
    }

    /// Creates a draft proposal in `call` for the challenge's organisation, starting from the
    /// challenge's title and description (`ProposalStore.createDraft`: the call open, the
    /// organisation's country eligible), and records it on the pair in the same transaction.
    func proposal(_ challengeID: UUID, _ solutionID: UUID, call: UUID?, supportType: String?, budget: Int?, by principal: Principal) async throws -> ProposalDTO {
        try principal.require(principal.isSignedIn, "write proposals")
        let pair = try await readable(challengeID, solutionID, by: principal)
        try principal.require(MarketplaceAccess.allows(principal, .followUp(side: pair.challengeSide)), "write proposals for the challenge's organisation")
        guard let call else {
            throw DomainError.invalid([FieldIssue(field: "call", code: "required", detail: "call is the id of a call open for proposals.")])
        }
        try await requireMutual(pair)
        if try await record(pair, on: db)?.proposalID != nil { throw MarketplaceFollowUpRefusal.proposalExists }
        guard let city = pair.challenge.cityID else { throw MarketplaceFollowUpRefusal.noCity }
        let c = pair.challenge
        let text = MarketplaceFollowUp.proposalText(language: try c.contentLanguage, title: c.title, body: c.body, titleKo: c.titleKo, bodyKo: c.bodyKo,
                                                    titleEn: c.titleEn, bodyEn: c.bodyEn)
        let draft = ProposalDraft(cityID: city, title: text.title, problem: text.problem, objectives: "", supportType: supportType, budget: budget,
                                  counterpart: "", language: text.language.rawValue)
        let actor = principal.userID
        let clock = audit.clock
        return try await ProposalStore(db: db, audit: audit).createDraft(in: call, for: pair.challengeSide, draft, by: principal) { dto, tx in
            // Under the challenge's lock: the pair becomes one proposal only, even when two ask at once.
            try await AuditLog.lock(.challenge(challengeID), on: tx)
            let row = try await pairRow(challengeID, solutionID, now: clock.now(), on: tx)
            if row.proposalID != nil { throw MarketplaceFollowUpRefusal.proposalExists }
            row.proposalID = dto.id
            try await row.save(on: tx)
            try await AuditLog.append([AuditEvent(actor: actor, action: "marketplace.proposal", subject: ChallengeStore.subject(challengeID),
                                                  details: ["solution": UUIDText.string(solutionID), "proposal": UUIDText.string(dto.id),
                                                            "call": UUIDText.string(dto.callID)])],
                                      to: .challenge(challengeID), on: tx, now: clock.now())
        }
    }
}
