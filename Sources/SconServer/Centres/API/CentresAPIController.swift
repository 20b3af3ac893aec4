import Fluent
import Foundation
import SconDomain
import Vapor

/// Centres and networking events under `/api/v1`: `CentresAPI`.
struct CentresAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(CentresAPI.centres, use: centres)
        signedIn.post(CentresAPI.centres, use: createCentre)
        routes.get(CentresAPI.centre(.key), use: centre)
        signedIn.put(CentresAPI.centre(.key), use: updateCentre)
        routes.get(CentresAPI.events, use: events)
        signedIn.post(CentresAPI.events, use: createEvent)
        routes.get(CentresAPI.event(.key), use: event)
        signedIn.put(CentresAPI.event(.key), use: updateEvent)
        signedIn.post(CentresAPI.eventState(.key), use: move)
        routes.get(CentresAPI.registrations(.key), use: registrations)
        signedIn.post(CentresAPI.registrations(.key), use: register)
        signedIn.post(CentresAPI.decision(.key, .key), use: decide)
        signedIn.get(CentresAPI.requests(.key), use: requests)
        signedIn.post(CentresAPI.requests(.key), use: request)
        signedIn.post(CentresAPI.answer(.key, .key), use: answer)
        signedIn.get(CentresAPI.suggestions(.key), use: suggestions)
        signedIn.get(CentresAPI.schedule(.key), use: schedule)
        signedIn.post(CentresAPI.scheduleRun(.key), use: run)
        signedIn.post(CentresAPI.schedulePublish(.key), use: publish)
        signedIn.post(CentresAPI.lock(.key, .key), use: lock)
        signedIn.get(CentresAPI.agenda(.key), use: agenda)
        signedIn.get(CentresAPI.leads(.key), use: leads)
        signedIn.post(CentresAPI.leads(.key), use: createLead)
        signedIn.put(CentresAPI.lead(.key, .key), use: updateLead)
        signedIn.post(CentresAPI.leadProposal(.key, .key), use: proposeLead)
        signedIn.post(CentresAPI.checkIn(.key, .key), use: checkIn)
        signedIn.post(CentresAPI.outcome(.key, .key), use: outcome)
    }

    @Sendable func leads(_ req: Request) async throws -> ListResponse<CentreLeadDTO> {
        ListResponse(items: try await req.leadStore.board(try req.uuid(), by: req.principal).map(CentreLeadDTO.init), nextCursor: nil)
    }

    @Sendable func createLead(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        _ = try await req.centreStore.find(id)
        try req.principal.require(CentreAccess.allows(req.principal, .keepBoard(id)), "keep this centre's board")
        let input = try req.decodeJSON(CentreLeadInput.self)
        let row = try await req.leadStore.create(id, lead: input.lead, board: input.board, meeting: input.meeting, by: req.principal)
        return try CentreLeadDTO(row).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func updateLead(_ req: Request) async throws -> CentreLeadDTO {
        let id = try req.uuid()
        _ = try await req.centreStore.find(id)
        try req.principal.require(CentreAccess.allows(req.principal, .keepBoard(id)), "keep this centre's board")
        return try CentreLeadDTO(try await req.leadStore.update(id, lead: try req.uuid(.lead), board: try req.decodeJSON(LeadBoardInput.self).board, by: req.principal))
    }

    /// The lead becomes a draft proposal of an open call (201 with the lead, which names it).
    @Sendable func proposeLead(_ req: Request) async throws -> Response {
        let id = try req.uuid(), lead = try req.uuid(.lead)
        _ = try await req.leadStore.kept(id, lead: lead, by: req.principal)
        let input = try req.decodeJSON(LeadProposalInput.self)
        let row = try await req.leadStore.propose(id, lead: lead, call: input.call, budget: input.budget, by: req.principal)
        return try CentreLeadDTO(row).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func checkIn(_ req: Request) async throws -> RegistrationDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.organised(id, by: req.principal, "check participants in")
        return RegistrationDTO(row: try await req.eventStore.checkIn(id, registration: try req.uuid(.registration), by: req.principal), full: true)
    }

    @Sendable func outcome(_ req: Request) async throws -> MeetingRequestDTO {
        let id = try req.uuid()
        let event = try await req.eventStore.find(id, by: req.principal)
        let input = try req.decodeJSON(OutcomeInput.self)
        let row = try await req.eventStore.outcome(id, meeting: try req.uuid(.request), outcome: input.outcome, notes: input.notes, by: req.principal)
        return MeetingRequestDTO(row: row, state: try row.storedState, organiser: CentreAccess.allows(req.principal, .organise(centre: event.centreID)))
    }

    @Sendable func centres(_ req: Request) async throws -> ListResponse<CentreDTO> {
        ListResponse(items: try await req.centreStore.all().map { try CentreDTO($0) }, nextCursor: nil)
    }

    /// The centre; for its staff and the programme office, with its numbers.
    @Sendable func centre(_ req: Request) async throws -> CentreDTO {
        let centre = try await req.centreStore.find(try req.uuid())
        let staff = CentreAccess.allows(req.principal, .keepBoard(centre.storedID))
        return try CentreDTO(centre, numbers: staff ? try await CentreNumbers.of(centre.storedID, on: req.db) : nil)
    }

    @Sendable func createCentre(_ req: Request) async throws -> Response {
        let centre = try await req.centreStore.create(try req.decodeJSON(CentreInput.self).draft, by: req.principal)
        return req.created(try CentreDTO(centre), at: CentresAPI.centre(.value(centre.storedID)))
    }

    @Sendable func updateCentre(_ req: Request) async throws -> CentreDTO {
        let id = try req.uuid()
        _ = try await req.centreStore.find(id)
        return try CentreDTO(try await req.centreStore.update(id, try req.decodeJSON(CentreInput.self).draft, by: req.principal))
    }

    @Sendable func events(_ req: Request) async throws -> ListResponse<EventDTO> {
        let page = try PageQuery.parse(limit: req.query[String.self, at: "limit"], cursor: req.query[String.self, at: "cursor"])
        var centre: UUID?
        if let text = req.query[String.self, at: "centre"] {
            guard let id = UUID(uuidString: text) else {
                throw DomainError.badParameter([FieldIssue(field: "centre", code: "invalid", detail: "centre is a centre's UUID.")])
            }
            centre = id
        }
        let result = try await req.eventStore.page(centre: centre, after: page.cursor, limit: page.limit, by: req.principal)
        return ListResponse(items: try await EventDTO.list(result.items, for: req), nextCursor: result.nextCursor?.encoded)
    }

    /// The organisers edit the plan while the state allows (`EventStore.update`).
    @Sendable func updateEvent(_ req: Request) async throws -> EventDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.organised(id, by: req.principal, "edit this event")
        let input = try req.decodeJSON(EventUpdateInput.self)
        return try await EventDTO.one(try await req.eventStore.update(id, input.draft, by: req.principal), for: req)
    }

    @Sendable func createEvent(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(EventInput.self)
        let event = try await req.eventStore.create(centre: input.centre, input.draft, by: req.principal)
        return req.created(try await EventDTO.one(event, for: req), at: CentresAPI.event(.value(event.storedID)))
    }

    @Sendable func event(_ req: Request) async throws -> EventDTO {
        try await EventDTO.one(try await req.eventStore.find(try req.uuid(), by: req.principal), for: req)
    }

    @Sendable func move(_ req: Request) async throws -> EventDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.find(id, by: req.principal)
        return try await EventDTO.one(try await req.eventStore.move(id, to: try req.decodeJSON(EventStateInput.self).to, by: req.principal), for: req)
    }

    @Sendable func registrations(_ req: Request) async throws -> ListResponse<RegistrationDTO> {
        let event = try await req.eventStore.find(try req.uuid(), by: req.principal)
        let organiser = CentreAccess.allows(req.principal, .organise(centre: event.centreID))
        let rows = try await req.eventStore.visibleRegistrations(of: event, by: req.principal)
        return ListResponse(items: rows.map { RegistrationDTO(row: $0, full: organiser || $0.userID == req.principal.userID) }, nextCursor: nil)
    }

    @Sendable func register(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        _ = try await req.eventStore.find(id, by: req.principal)
        let row = try await req.eventStore.register(id, try req.decodeJSON(RegistrationInput.self).draft, by: req.principal)
        return RegistrationDTO(row: row, full: true).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func decide(_ req: Request) async throws -> RegistrationDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.organised(id, by: req.principal, "decide registrations")
        let row = try await req.eventStore.decide(id, registration: try req.uuid(.registration), decision: try req.decodeJSON(DecisionInput.self).decision,
                                                  by: req.principal)
        return RegistrationDTO(row: row, full: true)
    }

    @Sendable func requests(_ req: Request) async throws -> ListResponse<MeetingRequestDTO> {
        let event = try await req.eventStore.find(try req.uuid(), by: req.principal)
        let organiser = CentreAccess.allows(req.principal, .organise(centre: event.centreID))
        let rows = try await req.eventStore.visibleRequests(of: event, by: req.principal)
        return ListResponse(items: try rows.map { MeetingRequestDTO(row: $0, state: try $0.effectiveState(answerHours: event.answerHours, now: req.now),
                                                                    organiser: organiser) }, nextCursor: nil)
    }

    @Sendable func request(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let event = try await req.eventStore.find(id, by: req.principal)
        let input = try req.decodeJSON(MeetingRequestInput.self)
        let row = try await req.eventStore.request(id, from: input.from, to: input.to, priority: input.priority, message: input.message, by: req.principal)
        let organiser = CentreAccess.allows(req.principal, .organise(centre: event.centreID))
        return MeetingRequestDTO(row: row, state: try row.storedState, organiser: organiser).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func answer(_ req: Request) async throws -> MeetingRequestDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.find(id, by: req.principal)
        let row = try await req.eventStore.answer(id, request: try req.uuid(.request), answer: try req.decodeJSON(RequestAnswerInput.self).answer, by: req.principal)
        return MeetingRequestDTO(row: row, state: try row.storedState, organiser: false)
    }

    @Sendable func suggestions(_ req: Request) async throws -> SuggestionsDTO {
        let result = try await req.eventStore.suggestions(try req.uuid(), by: req.principal)
        return SuggestionsDTO(suggestions: result.suggestions, byID: result.byID)
    }

    @Sendable func schedule(_ req: Request) async throws -> ScheduleDTO {
        let event = try await req.eventStore.organised(try req.uuid(), by: req.principal, "see the schedule")
        return ScheduleDTO(event: event, solution: try event.lastSolution, requests: try await req.eventStore.requests(of: event))
    }

    @Sendable func run(_ req: Request) async throws -> ScheduleDTO {
        let id = try req.uuid()
        let solution = try await req.scheduleStore.run(id, by: req.principal)
        let event = try await req.eventStore.find(id, by: req.principal)
        return ScheduleDTO(event: event, solution: solution, requests: try await req.eventStore.requests(of: event))
    }

    @Sendable func publish(_ req: Request) async throws -> EventDTO {
        try await EventDTO.one(try await req.scheduleStore.publish(try req.uuid(), by: req.principal), for: req)
    }

    @Sendable func lock(_ req: Request) async throws -> MeetingRequestDTO {
        let id = try req.uuid()
        _ = try await req.eventStore.organised(id, by: req.principal, "lock meetings")
        let input = try req.decodeJSON(LockInput.self)
        let row = try await req.scheduleStore.lock(id, request: try req.uuid(.request), locked: input.locked, slot: input.slot, table: input.table,
                                                   by: req.principal)
        return MeetingRequestDTO(row: row, state: try row.storedState, organiser: true)
    }

    @Sendable func agenda(_ req: Request) async throws -> AgendaDTO {
        let id = try req.uuid()
        let registration = try req.query[String.self, at: "registration"].map { text in
            guard let value = UUID(uuidString: text) else {
                throw DomainError.badParameter([FieldIssue(field: "registration", code: "invalid", detail: "registration is a registration's UUID.")])
            }
            return value
        }
        let agenda = try await Agenda.of(id, registration: registration, by: req.principal, on: req.db, audit: req.auditLog)
        let path = CentresURL.feed(.value(id), .value(agenda.registration.feedToken)).path
        return AgendaDTO(agenda: agenda, feedPath: agenda.registration.userID == req.principal.userID ? path : nil)
    }
}

extension Request {
    var centreStore: CentreStore { CentreStore(db: db, audit: auditLog) }
    var eventStore: EventStore { EventStore(db: db, audit: auditLog) }
    var scheduleStore: ScheduleStore { ScheduleStore(db: db, audit: auditLog) }
    var leadStore: LeadStore { LeadStore(db: db, audit: auditLog) }
}
