import Fluent
import Foundation
import SconDomain
import Vapor

/// Networking events: the organiser's plan and its states, registrations and their decisions,
/// meeting requests and answers, the schedule (run, locks, publication). Every write checks
/// `CentreAccess`, validates with the domain and is recorded in the event's audit chain.
struct EventStore: Sendable {
    let db: any Database
    let audit: AuditLog

    // MARK: Reading

    /// The event if this person may see it (a draft is only its organisers'): otherwise not found.
    func find(_ id: UUID, by principal: Principal) async throws -> CentreEvent {
        guard let event = try await CentreEvent.find(id, on: db), CentreAccess.allows(principal, .seeEvent(try event.facts)) else {
            throw DomainError.notFound("event")
        }
        return event
    }

    /// The event for one of its organisers: a 404 for those who may not see it, a 403 for the others.
    func organised(_ id: UUID, by principal: Principal, _ what: String) async throws -> CentreEvent {
        let event = try await find(id, by: principal)
        try principal.require(CentreAccess.allows(principal, .organise(centre: event.centreID)), what)
        return event
    }

    /// Events this person sees, soonest first, keyset-paginated on (first day, id); optionally one centre's.
    func page(centre: UUID?, after cursor: PageCursor?, limit: Int, by principal: Principal) async throws -> SconDomain.Page<CentreEvent> {
        let visibility = CentreAccess.eventVisibility(for: principal)
        let query = CentreEvent.query(on: db)
        if !visibility.everything {
            query.group(.or) { group in
                group.filter(\.$state != EventState.draft.rawValue)
                if !visibility.centres.isEmpty { group.filter(\.$centreID ~~ Array(visibility.centres)) }
            }
        }
        if let centre { query.filter(\.$centreID == centre) }
        if let cursor {
            query.group(.or) { group in
                group.filter(\.$firstDay > cursor.key)
                group.group(.and) { $0.filter(\.$firstDay == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let rows = try await query.sort(\.$firstDay).sort(\.$id).limit(limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: limit) { PageCursor(key: $0.firstDay, id: $0.storedID) }
    }

    func registrations(of event: CentreEvent) async throws -> [EventRegistration] {
        try await EventRegistration.query(on: db).filter(\.$eventID == event.storedID).sort(\.$organisation).sort(\.$id).all()
    }

    /// The registrations this person may see: all for organisers, their own, and validated participants once matchmaking opens.
    func visibleRegistrations(of event: CentreEvent, by principal: Principal) async throws -> [EventRegistration] {
        let facts = try event.facts
        return try await registrations(of: event).filter { CentreAccess.allows(principal, .seeRegistration(facts, $0.facts)) }
    }

    /// The caller's own registration for the event, if any.
    func mine(_ event: CentreEvent, by principal: Principal) async throws -> EventRegistration? {
        guard let user = principal.userID else { return nil }
        return try await EventRegistration.query(on: db).filter(\.$eventID == event.storedID).filter(\.$userID == user).first()
    }

    func requests(of event: CentreEvent) async throws -> [MeetingRequestRecord] {
        try await MeetingRequestRecord.query(on: db).filter(\.$eventID == event.storedID).sort(\.$createdAt).sort(\.$id).all()
    }

    /// Requests this person sees: every one for organisers, those of their registration otherwise.
    func visibleRequests(of event: CentreEvent, by principal: Principal) async throws -> [MeetingRequestRecord] {
        if CentreAccess.allows(principal, .organise(centre: event.centreID)) { return try await requests(of: event) }
        guard let mine = try await mine(event, by: principal) else { return [] }
        let id = mine.storedID
        return try await requests(of: event).filter { $0.fromID == id || $0.toID == id }
    }

    // MARK: The organiser's event

    func create(centre: UUID?, _ draft: EventDraft, sample: Bool = false, by principal: Principal) async throws -> CentreEvent {
        if let centre { _ = try await CentreStore(db: db, audit: audit).find(centre) }
        try principal.require(CentreAccess.allows(principal, .organise(centre: centre)), "organise events for this organiser")
        let (plan, links) = try draft.validated(linkable: try await EventLinkStore.linkable(draft, by: principal, on: db))
        let id = UUID()
        return try await audit.record(.event(id)) { tx in
            let event = CentreEvent()
            event.id = id
            event.centreID = centre
            event.apply(plan)
            event.state = EventState.draft.rawValue
            event.sample = sample
            try await event.create(on: tx)
            try await EventLinkStore.write(links, event: id, on: tx)
            return (event, [AuditEvent(actor: principal.userID, action: "event.create", subject: "event:\(UUIDText.string(id))",
                                       details: ["centre": centre.map(UUIDText.string) ?? "ministry", "title": plan.title.en,
                                                 "firstDay": plan.firstDay.description, "lastDay": plan.lastDay.description,
                                                 "call": links.call.map(UUIDText.string) ?? "",
                                                 "projects": links.projects.map(UUIDText.string).joined(separator: ",")])])
        }
    }

    /// Changes the event's plan and links: its organisers, with the same checks as creating it,
    /// while the state allows (`EventEdit`: a draft or open event; with registrations, the slots stay).
    func update(_ id: UUID, _ draft: EventDraft, by principal: Principal) async throws -> CentreEvent {
        let event = try await organised(id, by: principal, "edit this event")
        let state = try event.eventState
        if !state.editsPlan { throw EventRefusal.notEditable(state: state) }
        let (plan, links) = try draft.validated(linkable: try await EventLinkStore.linkable(draft, by: principal, on: db))
        let current = try event.plan
        return try await audit.record(.event(id)) { tx in
            guard let row = try await CentreEvent.find(id, on: tx), row.state == state.rawValue else { throw DomainError.conflict("the event changed meanwhile.") }
            let taken = try await EventRegistration.query(on: tx).filter(\.$eventID == id).filter(\.$status != RegistrationStatus.refused.rawValue).count()
            if let refusal = EventEdit.refusal(state: state, current: current, proposed: plan, registrations: taken) { throw refusal }
            row.apply(plan)
            try await row.save(on: tx)
            try await CentreEventLink.query(on: tx).filter(\.$eventID == id).delete()
            try await EventLinkStore.write(links, event: id, on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.update", subject: "event:\(UUIDText.string(id))",
                                     details: ["title": plan.title.en, "firstDay": plan.firstDay.description, "lastDay": plan.lastDay.description,
                                               "slots": plan.slotStarts.map(EventPlan.clock).joined(separator: ","),
                                               "call": links.call.map(UUIDText.string) ?? "",
                                               "projects": links.projects.map(UUIDText.string).joined(separator: ",")])])
        }
    }

    /// Moves the event one step on (draft → open → matchmaking → published → held → closed);
    /// publishing goes through `publish`.
    func move(_ id: UUID, to target: String?, by principal: Principal) async throws -> CentreEvent {
        let event = try await organised(id, by: principal, "run this event")
        guard let next = EventState(rawValue: target ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "to", code: "unknown", detail: "to is one of: \(EventState.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        let current = try event.eventState
        if next == .published { return try await ScheduleStore(db: db, audit: audit).publish(id, by: principal) }
        guard current.next == next else { throw EventRefusal.notNextState(from: current, to: next) }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await CentreEvent.find(id, on: tx), row.state == current.rawValue else { throw DomainError.conflict("the event changed meanwhile.") }
            row.state = next.rawValue
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.state", subject: "event:\(UUIDText.string(id))",
                                     details: ["from": current.rawValue, "to": next.rawValue])])
        }
    }

    // MARK: Registrations

    func register(_ id: UUID, _ draft: RegistrationDraft, by principal: Principal, now: Date? = nil) async throws -> EventRegistration {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "register")
        let event = try await find(id, by: principal)
        try principal.require(CentreAccess.allows(principal, .register(try event.facts)), "register")
        let plan = try event.plan
        let entry = try draft.validated(for: plan)
        let state = try event.eventState
        guard state == .open else { throw EventRefusal.wrongState(step: .register, state: state) }
        let today = CalendarDay(now)
        guard plan.registrationOpens <= today && today <= plan.registrationCloses else {
            throw EventRefusal.registrationClosed(opens: plan.registrationOpens.description, closes: plan.registrationCloses.description)
        }
        let user = principal.userID!
        return try await audit.record(.event(id)) { tx in
            if try await EventRegistration.query(on: tx).filter(\.$eventID == id).filter(\.$userID == user).count() > 0 { throw EventRefusal.alreadyRegistered }
            let taken = try await EventRegistration.query(on: tx).filter(\.$eventID == id).filter(\.$status != RegistrationStatus.refused.rawValue).count()
            guard taken < plan.capacity else { throw EventRefusal.full(capacity: plan.capacity) }
            let row = EventRegistration()
            row.id = UUID()
            row.eventID = id
            row.userID = user
            row.apply(entry)
            row.status = RegistrationStatus.pending.rawValue
            row.feedToken = SecureToken.random()
            row.sample = false
            try await row.create(on: tx)
            return (row, [AuditEvent(actor: user, action: "event.register", subject: "event:\(UUIDText.string(id))",
                                     details: ["registration": UUIDText.string(row.storedID), "organisation": entry.organisation,
                                               "country": entry.country.value, "kind": entry.kind.rawValue])])
        }
    }

    /// The organiser validates or refuses a registration (until the event is held; refusing one after
    /// publishing takes its meetings out at the next run).
    func decide(_ id: UUID, registration registrationID: UUID, decision text: String?, by principal: Principal) async throws -> EventRegistration {
        let event = try await organised(id, by: principal, "decide registrations")
        guard let decision = RegistrationStatus(rawValue: text ?? ""), decision != .pending else {
            throw DomainError.invalid([FieldIssue(field: "decision", code: "unknown", detail: "decision is validated or refused.")])
        }
        let state = try event.eventState
        guard [.open, .matchmaking, .published].contains(state) else { throw EventRefusal.wrongState(step: .decide, state: state) }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await EventRegistration.find(registrationID, on: tx), row.eventID == id else { throw DomainError.notFound("registration") }
            let before = row.status
            row.status = decision.rawValue
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.registration.\(decision.rawValue)", subject: "event:\(UUIDText.string(id))",
                                     details: ["registration": UUIDText.string(registrationID), "from": before])])
        }
    }

    // MARK: Meeting requests

    /// A participant asks another for a meeting; an organiser may propose one between any two
    /// participants (`from` given), which stands accepted for both.
    func request(_ id: UUID, from proposedFrom: UUID?, to: UUID?, priority: Int?, message: String?, by principal: Principal,
                 now: Date? = nil) async throws -> MeetingRequestRecord {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "request meetings")
        let event = try await find(id, by: principal)
        let organiser = CentreAccess.allows(principal, .organise(centre: event.centreID))
        let requester: EventRegistration
        if let proposedFrom {
            try principal.require(organiser, "propose meetings")
            guard let row = try await EventRegistration.find(proposedFrom, on: db), row.eventID == id else {
                throw DomainError.invalid([FieldIssue(field: "from", code: "unknown", detail: "from is not a registration of this event.")])
            }
            requester = row
        } else {
            guard let row = try await mine(event, by: principal) else { throw DomainError.forbidden("request meetings without a registration") }
            requester = row
        }
        let checked = try MeetingRequestDraft(from: requester.storedID, to: to, priority: priority, message: message).validated()
        guard let addressee = try await EventRegistration.find(checked.to, on: db), addressee.eventID == id,
              CentreAccess.allows(principal, .seeRegistration(try event.facts, addressee.facts)) else {
            throw DomainError.invalid([FieldIssue(field: "to", code: "unknown", detail: "to is not a participant of this event.")])
        }
        let state = try event.eventState
        guard state == .matchmaking else { throw EventRefusal.wrongState(step: .request, state: state) }
        guard requester.status == RegistrationStatus.validated.rawValue, addressee.status == RegistrationStatus.validated.rawValue else {
            throw EventRefusal.notValidated
        }
        let answerHours = event.answerHours, fromID = requester.storedID, limit = requester.maxMeetings
        return try await audit.record(.event(id)) { tx in
            let theirs = try await MeetingRequestRecord.query(on: tx).filter(\.$eventID == id).group(.or) {
                $0.filter(\.$fromID == fromID).filter(\.$toID == fromID)
            }.all()
            let active = try theirs.filter { try $0.effectiveState(answerHours: answerHours, now: now).countsAgainstQuota }
            if active.contains(where: { $0.fromID == checked.to || $0.toID == checked.to }) { throw EventRefusal.duplicateRequest }
            if proposedFrom == nil, active.filter({ $0.fromID == fromID }).count >= limit { throw EventRefusal.quotaReached(limit: limit) }
            let row = MeetingRequestRecord()
            row.id = UUID()
            row.eventID = id
            row.fromID = fromID
            row.toID = checked.to
            row.priority = checked.priority
            row.message = checked.message
            row.state = (proposedFrom == nil ? MeetingRequestState.requested : .accepted).rawValue
            row.byOrganiser = proposedFrom != nil
            row.createdAt = now
            row.answeredAt = proposedFrom == nil ? nil : now
            row.locked = false
            row.sequence = 0
            row.cancelled = false
            try await row.create(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: proposedFrom == nil ? "event.request" : "event.propose", subject: "event:\(UUIDText.string(id))",
                                     details: ["request": UUIDText.string(row.storedID), "from": UUIDText.string(fromID), "to": UUIDText.string(checked.to),
                                               "priority": String(checked.priority)])])
        }
    }

    /// The addressee accepts or declines, within the answer period.
    func answer(_ id: UUID, request requestID: UUID, answer text: String?, by principal: Principal, now: Date? = nil) async throws -> MeetingRequestRecord {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "answer requests")
        let event = try await find(id, by: principal)
        guard let request = try await MeetingRequestRecord.find(requestID, on: db), request.eventID == id,
              let addressee = try await EventRegistration.find(request.toID, on: db) else { throw DomainError.notFound("request") }
        guard CentreAccess.allows(principal, .actFor(addressee.facts)) else {
            if let mine = try await mine(event, by: principal), mine.storedID == request.fromID { throw DomainError.forbidden("answer your own request") }
            throw DomainError.notFound("request")
        }
        guard let answer = MeetingRequestState(rawValue: text ?? ""), answer == .accepted || answer == .declined else {
            throw DomainError.invalid([FieldIssue(field: "answer", code: "unknown", detail: "answer is accepted or declined.")])
        }
        let state = try event.eventState
        guard state == .matchmaking else { throw EventRefusal.wrongState(step: .answer, state: state) }
        switch try request.effectiveState(answerHours: event.answerHours, now: now) {
        case .requested: break
        case .expired:
            let deadline = MeetingRequestState.answerDeadline(createdAt: request.createdAt, answerHours: event.answerHours)
            throw EventRefusal.answerPeriodOver(deadline: AuditChain.timestamp(deadline))
        case .accepted, .declined: throw EventRefusal.alreadyAnswered
        }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await MeetingRequestRecord.find(requestID, on: tx), row.state == MeetingRequestState.requested.rawValue else {
                throw EventRefusal.alreadyAnswered
            }
            row.state = answer.rawValue
            row.answeredAt = now
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.request.\(answer.rawValue)", subject: "event:\(UUIDText.string(id))",
                                     details: ["request": UUIDText.string(requestID)])])
        }
    }

    /// Partners suggested to the caller, ranked by how offers and seeks match, with the reasons.
    func suggestions(_ id: UUID, by principal: Principal) async throws -> (mine: EventRegistration, suggestions: [MeetingSuggestion], byID: [String: EventRegistration]) {
        try principal.require(principal.isSignedIn, "see suggestions")
        let event = try await find(id, by: principal)
        guard let mine = try await mine(event, by: principal) else { throw DomainError.forbidden("see suggestions without a registration") }
        let others = try await registrations(of: event).filter { $0.status == RegistrationStatus.validated.rawValue }
        let asked = try await requests(of: event).filter { $0.fromID == mine.storedID || $0.toID == mine.storedID }
            .flatMap { [UUIDText.string($0.fromID), UUIDText.string($0.toID)] }
        let ranked = MeetingSuggestions.rank(for: try mine.profile, among: try others.map { try $0.profile }, excluding: Set(asked), limit: 20)
        return (mine, ranked, Dictionary(uniqueKeysWithValues: others.map { (UUIDText.string($0.storedID), $0) }))
    }
}

