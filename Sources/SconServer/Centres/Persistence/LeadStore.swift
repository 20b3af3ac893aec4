import Fluent
import Foundation
import SconDomain
import Vapor

/// The link between pipeline projects and centres' lead boards, for the pipeline's access
/// checks (a lead is seen by its own centre's staff only).
enum CentreLeadLinks {
    static func centre(of project: UUID, on db: any Database) async throws -> UUID? {
        try await CentreLead.query(on: db).filter(\.$projectID == project).first()?.centreID
    }

    static func projects(of centres: Set<UUID>, on db: any Database) async throws -> [UUID] {
        guard !centres.isEmpty else { return [] }
        return try await CentreLead.query(on: db).filter(\.$centreID ~~ Array(centres)).all(\.$projectID)
    }
}

/// A centre's lead board: leads recorded through the pipeline's lead flow (a project at stage
/// lead) and kept on the board with an owner, a column, a next action and its due day.
struct LeadStore: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Row: Sendable {
        var lead: CentreLead
        var project: Project
        /// The draft proposal the lead became, if it did.
        var proposal: Proposal? = nil
    }

    func board(_ centre: UUID, by principal: Principal) async throws -> [Row] {
        _ = try await CentreStore(db: db, audit: audit).find(centre)
        try principal.require(CentreAccess.allows(principal, .keepBoard(centre)), "see this centre's board")
        let leads = try await CentreLead.query(on: db).filter(\.$centreID == centre).all()
        let projects = Dictionary(uniqueKeysWithValues: try await Project.query(on: db).filter(\.$id ~~ leads.map(\.projectID)).all().map { ($0.storedID, $0) })
        let proposalIDs = leads.compactMap(\.proposalID)
        let proposals = proposalIDs.isEmpty ? [:]
            : Dictionary(uniqueKeysWithValues: try await Proposal.query(on: db).filter(\.$id ~~ proposalIDs).all().map { ($0.storedID, $0) })
        return leads.compactMap { lead in projects[lead.projectID].map { Row(lead: lead, project: $0, proposal: lead.proposalID.flatMap { proposals[$0] }) } }
            .sorted { ($0.lead.dueOn ?? "9999", $0.project.code) < ($1.lead.dueOn ?? "9999", $1.project.code) }
    }

    /// Records a lead for the centre: the pipeline's lead (its own audit chain), then the board entry.
    /// A follow-up of a meeting held at one of the centre's events names the meeting.
    func create(_ centre: UUID, lead input: PipelineStore.LeadInput, board: LeadBoardDraft, meeting: UUID?, by principal: Principal) async throws -> Row {
        _ = try await CentreStore(db: db, audit: audit).find(centre)
        try principal.require(CentreAccess.allows(principal, .keepBoard(centre)), "keep this centre's board")
        let entry = try board.validated()
        if let meeting {
            guard let row = try await MeetingRequestRecord.find(meeting, on: db), let event = try await CentreEvent.find(row.eventID, on: db),
                  event.centreID == centre, row.outcome == MeetingOutcome.held.rawValue else {
                throw DomainError.invalid([FieldIssue(field: "meeting", code: "unknown", detail: "meeting is a held meeting of this centre's events.")])
            }
        }
        let project = try await PipelineStore(db: db, audit: audit).createLead(input, for: centre, by: principal)
        let projectID = project.storedID
        return try await audit.record(.centre(centre)) { tx in
            let lead = CentreLead()
            lead.id = UUID()
            lead.centreID = centre
            lead.projectID = projectID
            lead.apply(entry)
            lead.meetingID = meeting
            try await lead.create(on: tx)
            return (Row(lead: lead, project: project), [AuditEvent(actor: principal.userID, action: "lead.create", subject: "centre:\(UUIDText.string(centre))",
                                                                   details: ["lead": UUIDText.string(lead.storedID), "project": UUIDText.string(projectID),
                                                                             "status": entry.status.rawValue, "meeting": meeting.map(UUIDText.string) ?? ""])])
        }
    }

    /// Moves a lead on the board or changes its owner, next action and due day.
    func update(_ centre: UUID, lead id: UUID, board: LeadBoardDraft, by principal: Principal) async throws -> Row {
        _ = try await CentreStore(db: db, audit: audit).find(centre)
        try principal.require(CentreAccess.allows(principal, .keepBoard(centre)), "keep this centre's board")
        guard let existing = try await CentreLead.find(id, on: db), existing.centreID == centre,
              let project = try await Project.find(existing.projectID, on: db) else { throw DomainError.notFound("lead") }
        let entry = try board.validated()
        return try await audit.record(.centre(centre)) { tx in
            guard let lead = try await CentreLead.find(id, on: tx) else { throw DomainError.notFound("lead") }
            let before = lead.status
            lead.apply(entry)
            try await lead.save(on: tx)
            return (Row(lead: lead, project: project), [AuditEvent(actor: principal.userID, action: "lead.update", subject: "centre:\(UUIDText.string(centre))",
                                                                   details: ["lead": UUIDText.string(id), "from": before, "to": entry.status.rawValue,
                                                                             "dueOn": entry.dueOn?.description ?? ""])])
        }
    }
}

/// A lead becoming a draft proposal of an open call (docs/centres.md).
extension LeadStore {
    /// The lead on this centre's board, for those who keep it; "not found" for anyone else
    /// (another centre's staff learn nothing of it).
    func kept(_ centre: UUID, lead id: UUID, by principal: Principal) async throws -> CentreLead {
        _ = try await CentreStore(db: db, audit: audit).find(centre)
        guard CentreAccess.allows(principal, .keepBoard(centre)), let lead = try await CentreLead.find(id, on: db), lead.centreID == centre else {
            throw DomainError.notFound("lead")
        }
        return lead
    }

    /// Creates a draft proposal in `call` for the lead's organisation with what the lead knows
    /// (the open call's own draft code: `ProposalStore.createDraft`), and records on the lead,
    /// in the same transaction, that it became that proposal (`lead.proposal`). Once per lead.
    func propose(_ centre: UUID, lead id: UUID, call: UUID?, budget: Int?, by principal: Principal, now: Date? = nil) async throws -> Row {
        let lead = try await kept(centre, lead: id, by: principal)
        guard let call else {
            throw DomainError.invalid([FieldIssue(field: "call", code: "required", detail: "call is the id of a call open for proposals.")])
        }
        guard let project = try await Project.find(lead.projectID, on: db) else { throw DomainError.notFound("lead") }
        let organisation = try await Organisation.find(project.organisationID, on: db)
        if let refusal = LeadProposal.refusal(proposal: lead.proposalID, stage: try project.projectStage, organisationKnown: organisation != nil) { throw refusal }
        let facts = LeadProposal.Lead(title: project.title, city: project.cityID, supportType: try Project.known(project.supportType, "support_type"),
                                      descriptionEn: project.descriptionEn, descriptionKo: project.descriptionKo)
        let strings = Strings.of(facts.language)
        let sectors = try project.sectorList
        let sectorLine = sectors.isEmpty ? "" : strings.format("lead.proposalSectors", ["sectors": sectors.map { strings["sector.\($0.rawValue)"] }.joined(separator: ", ")])
        let draft = LeadProposal.draft(facts, sectors: sectorLine, budget: budget)
        let actor = principal.userID
        let clock = audit.clock
        let proposal = try await ProposalStore(db: db, audit: audit).createDraft(in: call, for: project.organisationID, draft, by: principal, now: now) { dto, tx in
            // Under the centre's lock: the lead becomes one proposal only, even when two ask at once.
            try await AuditLog.lock(.centre(centre), on: tx)
            guard let row = try await CentreLead.find(id, on: tx) else { throw DomainError.notFound("lead") }
            if row.proposalID != nil { throw LeadRefusal.alreadyProposed }
            row.proposalID = dto.id
            try await row.save(on: tx)
            try await AuditLog.append([AuditEvent(actor: actor, action: "lead.proposal", subject: "centre:\(UUIDText.string(centre))",
                                                  details: ["lead": UUIDText.string(id), "project": UUIDText.string(row.projectID),
                                                            "proposal": UUIDText.string(dto.id), "call": UUIDText.string(dto.callID)])],
                                      to: .centre(centre), on: tx, now: clock.now())
        }
        guard let saved = try await CentreLead.find(id, on: db), let model = try await Proposal.find(proposal.id, on: db) else { throw DomainError.notFound("lead") }
        return Row(lead: saved, project: project, proposal: model)
    }
}

/// Where a proposal came from, for the proposal's page: the lead it was turned from, shown
/// only to those who may see that lead's project.
enum LeadOrigin {
    static func html(proposal: UUID, _ context: PageContext, by principal: Principal, on db: any Database) async throws -> HTML {
        guard let lead = try await CentreLead.query(on: db).filter(\.$proposalID == proposal).first(),
              let visible = try? await ProjectStore(db: db).findVisible(lead.projectID, by: principal),
              let centre = try await Centre.find(lead.centreID, on: db) else { return .empty }
        let project = visible.project
        return """
        <p class="notice">\(context["lead.proposalFrom"]) <a href="\(ProjectURL.project(.value(project.storedID)).path)">\(project.code) \(project.title)</a> \
        (<a href="\(CentresURL.centre(.value(centre.storedID)).path)">\(centre.name.text(in: context.language))</a>)</p>
        """
    }
}

/// The day itself: check-in of registrations, and each meeting held or not with follow-up notes.
extension EventStore {
    func checkIn(_ id: UUID, registration registrationID: UUID, by principal: Principal, now: Date? = nil) async throws -> EventRegistration {
        let now = now ?? audit.clock.now()
        let event = try await organised(id, by: principal, "check participants in")
        let state = try event.eventState
        guard state == .published || state == .held else { throw EventRefusal.wrongState(step: .checkIn, state: state) }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await EventRegistration.find(registrationID, on: tx), row.eventID == id,
                  row.status == RegistrationStatus.validated.rawValue else { throw DomainError.notFound("registration") }
            row.checkedInAt = row.checkedInAt ?? now
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.checkin", subject: "event:\(UUIDText.string(id))",
                                     details: ["registration": UUIDText.string(registrationID)])])
        }
    }

    /// Marks a published meeting held or no-show, with notes private to the two sides and the organisers.
    func outcome(_ id: UUID, meeting requestID: UUID, outcome text: String?, notes: String?, by principal: Principal) async throws -> MeetingRequestRecord {
        try principal.require(principal.isSignedIn, "record meeting outcomes")
        let event = try await find(id, by: principal)
        guard let request = try await MeetingRequestRecord.find(requestID, on: db), request.eventID == id, request.published != nil else {
            throw DomainError.notFound("meeting")
        }
        let organiser = CentreAccess.allows(principal, .organise(centre: event.centreID))
        let sides = try await EventRegistration.query(on: db).filter(\.$id ~~ [request.fromID, request.toID]).all()
        guard organiser || sides.contains(where: { CentreAccess.allows(principal, .actFor($0.facts)) }) else { throw DomainError.notFound("meeting") }
        var rules = FieldRules()
        let outcome = MeetingOutcome(rawValue: text ?? "")
        if outcome == nil { rules.fail("outcome", "unknown", "outcome is held or no-show.") }
        let note = rules.optionalText(notes, field: "notes", max: 4_000)
        try rules.check()
        let state = try event.eventState
        guard state == .published || state == .held else { throw EventRefusal.wrongState(step: .checkIn, state: state) }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await MeetingRequestRecord.find(requestID, on: tx) else { throw DomainError.notFound("meeting") }
            row.outcome = outcome!.rawValue
            if let note { row.notes = note }
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.meeting.\(outcome!.rawValue)", subject: "event:\(UUIDText.string(id))",
                                     details: ["request": UUIDText.string(requestID)])])
        }
    }
}
