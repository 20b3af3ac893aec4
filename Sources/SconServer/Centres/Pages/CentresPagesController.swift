import Fluent
import Foundation
import SconDomain
import Vapor

/// The pages of centres and events: the list of centres, a centre's page (public part and its
/// staff's part), an event's public page (with the organiser's controls), the registration
/// form, a participant's printable agenda, and the calendar files.
struct CentresPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        routes.get(CentresURL.centres, use: centres)
        routes.get(CentresURL.centre(.key), use: centre)
        signedIn.post(CentresURL.leadProposal(.key), use: proposeLead)
        signedIn.post(CentresURL.newLead(.key), use: createLead)
        signedIn.post(CentresURL.moveLead(.key, .key), use: moveLead)
        signedIn.get(CentresURL.editCentre(.key), use: editCentreForm)
        signedIn.post(CentresURL.editCentre(.key), use: editCentre)
        signedIn.get(CentresURL.newEvent(.key), use: newEventForm)
        signedIn.post(CentresURL.newEvent(.key), use: createEvent)
        signedIn.get(CentresURL.newMinistryEvent, use: newMinistryEventForm)
        signedIn.post(CentresURL.newMinistryEvent, use: createMinistryEvent)
        signedIn.get(CentresURL.editEvent(.key), use: editEventForm)
        signedIn.post(CentresURL.editEvent(.key), use: editEvent)
        routes.get(CentresURL.event(.key), use: event)
        routes.get(CentresURL.eventCalendar(.key), use: eventCalendar)
        signedIn.post(CentresURL.eventState(.key), use: move)
        signedIn.get(CentresURL.register(.key), use: registrationForm)
        signedIn.post(CentresURL.register(.key), use: register)
        signedIn.post(CentresURL.scheduleRun(.key), use: run)
        signedIn.post(CentresURL.schedulePublish(.key), use: publish)
        signedIn.get(CentresURL.agenda(.key), use: agenda)
        routes.get(CentresURL.feed(.key, .key), use: feed)
        signedIn.post(CentresURL.decision(.key, .key), use: decide)
        signedIn.post(CentresURL.requests(.key), use: request)
        signedIn.post(CentresURL.answer(.key, .key), use: answer)
        signedIn.post(CentresURL.lock(.key, .key), use: lock)
        signedIn.post(CentresURL.checkIn(.key, .key), use: checkIn)
        signedIn.post(CentresURL.outcome(.key, .key), use: outcome)
    }

    struct LockForm: Content { var locked: String? }

    /// Locks a placed meeting where the schedule put it (slot and table), or unlocks it.
    @Sendable func lock(_ req: Request) async throws -> Response {
        let id = try req.uuid(), request = try req.uuid(.request)
        let form = try req.content.decode(LockForm.self)
        let strings = req.strings
        let locked = form.locked == "true"
        return try await step(req, id: id, message: { strings[locked ? "schedule.lockedDone" : "schedule.unlockedDone"] }) {
            let row = try await MeetingRequestRecord.find(request, on: req.db)
            _ = try await req.scheduleStore.lock(id, request: request, locked: locked, slot: row?.slot, table: row?.tableNo, by: req.principal)
        }
    }

    struct DecisionForm: Content { var decision: String? }

    @Sendable func decide(_ req: Request) async throws -> Response {
        let id = try req.uuid(), registration = try req.uuid(.registration)
        let form = try req.content.decode(DecisionForm.self)
        let strings = req.strings
        return try await step(req, id: id, message: { strings["registration.decided"] }) {
            _ = try await req.eventStore.decide(id, registration: registration, decision: form.decision, by: req.principal)
        }
    }

    struct RequestForm: Content { var to: String?; var priority: String?; var message: String? }

    @Sendable func request(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(RequestForm.self)
        let strings = req.strings
        return try await step(req, id: id, message: { strings["request.sent"] }) {
            _ = try await req.eventStore.request(id, from: nil, to: form.to.flatMap(UUID.init(uuidString:)), priority: form.priority.flatMap { Int($0) },
                                                 message: form.message, by: req.principal)
        }
    }

    struct AnswerForm: Content { var answer: String? }

    @Sendable func answer(_ req: Request) async throws -> Response {
        let id = try req.uuid(), request = try req.uuid(.request)
        let form = try req.content.decode(AnswerForm.self)
        let strings = req.strings
        return try await step(req, id: id, message: { strings["request.answered"] }) {
            _ = try await req.eventStore.answer(id, request: request, answer: form.answer, by: req.principal)
        }
    }

    /// The centres and their events; `?country=TH` narrows them to the centres hosted there,
    /// as the portal's figures count them (`CentreCountryFilter`).
    @Sendable func centres(_ req: Request) async throws -> HTML {
        let country = try CentreCountryFilter.parse(req.queryItem("country"))
        let centres = try await CentreCountryFilter.centres(country, on: req.db)
        let upcoming = try await CentreCountryFilter.upcomingEvents(country, by: req.principal, limit: 50, on: req.db)
        let held = try await CentreCountryFilter.heldEvents(country, on: req.db)
        return CentreListPage.render(PageContext(request: req), .init(centres: centres, events: upcoming, held: held, country: country,
                                                                      countries: try await req.application.countryNames.all(on: req.db),
                                                                      ministryOrganiser: CentreAccess.allows(req.principal, .organise(centre: nil))))
    }

    @Sendable func centre(_ req: Request) async throws -> HTML {
        try await centrePage(req, id: try req.uuid())
    }

    struct LeadProposalForm: Content { var lead: String?; var call: String?; var budget: String? }

    /// The board's form: a lead becomes a draft proposal of an open call; the centre page again
    /// with what happened, the refusal (409) or the fields to correct (422).
    @Sendable func proposeLead(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(LeadProposalForm.self)
        let values = CentrePage.ProposalValues(lead: form.lead ?? "", call: form.call ?? "", budget: form.budget ?? "")
        let lead = form.lead.flatMap { UUID(uuidString: $0) }
        let budget = form.budget.flatMap { Int($0.filter { $0 != "," && $0 != " " }) }
        var issues: [FieldIssue] = []
        if lead == nil { issues.append(FieldIssue(field: "lead", code: "required", detail: "lead is one of the board's leads.")) }
        if let text = form.budget, !text.isEmpty, budget == nil {
            issues.append(FieldIssue(field: "budget", code: "invalid", detail: "the budget estimate is a whole number of KRW."))
        }
        do {
            guard let lead, issues.isEmpty else { throw DomainError.invalid(issues) }
            let row = try await req.leadStore.propose(id, lead: lead, call: form.call.flatMap { UUID(uuidString: $0) }, budget: budget, by: req.principal)
            let message = req.strings.format("lead.proposalDone", ["lead": row.project.title])
            return try await centrePage(req, id: id, message: message).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await centrePage(req, id: id, problem: req.strings.localized(refusal), values: values).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await centrePage(req, id: id, issues: issues, values: values).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func centrePage(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil, issues: [FieldIssue] = [],
                    values: CentrePage.ProposalValues = .init(), leadForms: LeadForms.State? = nil) async throws -> HTML {
        let centre = try await req.centreStore.find(id)
        let events = try await req.eventStore.page(centre: centre.storedID, after: nil, limit: 100, by: req.principal).items
        let staff = CentreAccess.allows(req.principal, .keepBoard(centre.storedID))
        var numbers: [(event: CentreEvent, numbers: EventNumbers)] = []
        if staff {
            for event in events {
                numbers.append((event, try await EventNumbers.of(event, registrations: try await req.eventStore.registrations(of: event),
                                                                 requests: try await req.eventStore.requests(of: event), now: req.now, on: req.db)))
            }
        }
        let board = staff ? try await req.leadStore.board(centre.storedID, by: req.principal) : []
        var calls: [UUID: Call] = [:]
        var openCalls: [Call] = []
        if staff {
            let all = try await Call.query(on: req.db).filter(\.$state != CallState.draft.rawValue).all()
            calls = Dictionary(uniqueKeysWithValues: all.map { ($0.storedID, $0) })
            openCalls = try all.filter { ProposalRules.draftingRefusal(callState: try $0.callState, schedule: try $0.terms().schedule, now: req.now) == nil }
        }
        var forms = leadForms ?? LeadForms.State()
        if staff {
            (forms.organisations, forms.cities) = try await LeadForms.choices(for: centre, req.language, on: req.db)
            if leadForms == nil, let meeting = req.queryItem("meeting") { forms.new.meeting = meeting }
        }
        let message = message ?? LeadForms.notice(PageContext(request: req))
        let readable = Set(try board.compactMap { row in try row.proposal.flatMap { try ProposalStore.maySee($0, req.principal) ? $0.storedID : nil } })
        return CentrePage.render(PageContext(request: req), .init(centre: centre, events: events, staff: staff, numbers: numbers, board: board,
                                                                  today: CalendarDay(req.now),
                                                                  countries: try await req.application.countryNames.all(on: req.db),
                                                                  calls: calls, openCalls: openCalls, readableProposals: readable,
                                                                  centreNumbers: staff ? try await CentreNumbers.of(centre.storedID, on: req.db) : nil,
                                                                  message: message, problem: problem, issues: issues, values: values,
                                                                  leadForms: forms, editable: CentreAccess.allows(req.principal, .editCentre(centre.storedID))))
    }

    @Sendable func event(_ req: Request) async throws -> HTML {
        try await eventPage(req, id: try req.uuid())
    }

    func eventPage(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil, refusedOutcome: DayForms.Refused? = nil) async throws -> HTML {
        let event = try await req.eventStore.find(id, by: req.principal)
        let organiser = CentreAccess.allows(req.principal, .organise(centre: event.centreID))
        let registrations = try await req.eventStore.visibleRegistrations(of: event, by: req.principal)
        let requests = try await req.eventStore.visibleRequests(of: event, by: req.principal)
        let mine = try await req.eventStore.mine(event, by: req.principal)
        var suggestions: [MeetingSuggestion] = []
        if let mine, mine.status == RegistrationStatus.validated.rawValue, try event.eventState == .matchmaking {
            suggestions = try await req.eventStore.suggestions(event.storedID, by: req.principal).suggestions
        }
        let centre = try await event.centreID.asyncFlatMap { try await Centre.find($0, on: req.db) }
        let model = EventPage.Model(event: event, plan: try event.plan, state: try event.eventState, centre: centre, organiser: organiser,
                                    registrations: registrations, mine: mine, requests: requests, suggestions: suggestions, now: req.now, solution: organiser ? try event.lastSolution : nil,
                                    numbers: organiser ? try await EventNumbers.of(event, registrations: registrations, requests: requests, now: req.now, on: req.db) : nil,
                                    message: message, problem: problem)
        let linked = try await EventLinkStore.titles(try await EventLinkStore.visible([event], by: req.principal, on: req.db)[event.storedID] ?? EventLinks(),
                                                     on: req.db)
        var page = model
        page.linkedCall = linked.call
        page.linkedProjects = linked.projects
        page.keepsBoard = event.centreID.map { CentreAccess.allows(req.principal, .keepBoard($0)) } ?? false
        page.refusedOutcome = refusedOutcome
        return EventPage.render(PageContext(request: req), page)
    }

    /// Runs an organiser's step and shows the event again, with what it did or why it was refused.
    func step(_ req: Request, id: UUID, message: @escaping @Sendable () -> String, _ body: @Sendable () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return try await eventPage(req, id: id, message: message()).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await eventPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            let text = issues.map { PageContext(request: req).localized($0) }.joined(separator: " ")
            return try await eventPage(req, id: id, problem: text).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct StateForm: Content { var to: String? }

    @Sendable func move(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(StateForm.self)
        let strings = req.strings
        // An event only moves forward: the confirmation page first, when the move would be
        // accepted now (the organiser, the next state); a refused move is refused as before.
        // (Moving to "published" is publishing the schedule: it asks as `publish` does.)
        if let event = try? await req.eventStore.organised(id, by: req.principal, "run this event"),
           let current = try? event.eventState, let next = EventState(rawValue: form.to ?? ""),
           next == .published ? (current.schedules && event.scheduleRunAt != nil) : current.next == next {
            let confirm = next == .published
                ? ConfirmStep(title: strings["confirm.schedule.title"], consequence: strings["confirm.schedule.what"], yes: strings["confirm.schedule.yes"],
                              back: CentresURL.event(.value(id)).path, subject: event.title.text(in: req.language), final: strings["confirm.schedule.final"])
                : ConfirmStep(title: strings.format("confirm.event.title", ["state": strings["eventstate.\(next.rawValue)"]]),
                              consequence: strings.format("confirm.event.what", ["from": strings["eventstate.\(current.rawValue)"]]),
                              yes: strings.format("confirm.event.yes", ["state": strings["eventstate.\(next.rawValue)"]]),
                              back: CentresURL.event(.value(id)).path, subject: event.title.text(in: req.language))
            if let page = try await Components.confirmStep(req, confirm) { return page }
        }
        return try await step(req, id: id, message: { strings.format("event.moved", ["state": strings["eventstate.\(form.to ?? "")"]]) }) {
            _ = try await req.eventStore.move(id, to: form.to, by: req.principal)
        }
    }

    @Sendable func run(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let strings = req.strings
        return try await step(req, id: id, message: { strings["schedule.ran"] }) {
            _ = try await req.scheduleStore.run(id, by: req.principal)
        }
    }

    @Sendable func publish(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let strings = req.strings
        if let event = try? await req.eventStore.organised(id, by: req.principal, "publish the schedule"),
           (try? event.eventState)?.schedules == true, event.scheduleRunAt != nil,
           let page = try await Components.confirmStep(req, ConfirmStep(
               title: strings["confirm.schedule.title"], consequence: strings["confirm.schedule.what"], yes: strings["confirm.schedule.yes"],
               back: CentresURL.event(.value(id)).path, subject: event.title.text(in: req.language), final: strings["confirm.schedule.final"])) {
            return page
        }
        return try await step(req, id: id, message: { strings["schedule.published"] }) {
            _ = try await req.scheduleStore.publish(id, by: req.principal)
        }
    }

    @Sendable func registrationForm(_ req: Request) async throws -> HTML {
        let event = try await req.eventStore.find(try req.uuid(), by: req.principal)
        return RegistrationFormPage.render(PageContext(request: req), .init(event: event, plan: try event.plan, values: .init(), issues: [], problem: nil,
                                                                            countries: try await req.application.countryNames.all(on: req.db)))
    }

    @Sendable func register(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let event = try await req.eventStore.find(id, by: req.principal)
        let values = try req.content.decode(RegistrationFormPage.Values.self)
        func again(_ issues: [FieldIssue], _ problem: String?, _ status: HTTPResponseStatus) async throws -> Response {
            try await RegistrationFormPage.render(PageContext(request: req), .init(event: event, plan: try event.plan, values: values, issues: issues,
                                                                                   problem: problem, countries: try await req.application.countryNames.all(on: req.db)))
                .encodeResponse(status: status, for: req)
        }
        do {
            _ = try await req.eventStore.register(id, values.draft, by: req.principal)
            return req.redirect(to: CentresURL.event(.value(id)).path + "?registered=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await again(issues, nil, .unprocessableEntity)
        } catch let refusal as any Refusal {
            return try await again([], req.strings.localized(refusal), .conflict)
        }
    }

    @Sendable func agenda(_ req: Request) async throws -> HTML {
        let registration = try req.query[String.self, at: "registration"].map { text in
            guard let value = UUID(uuidString: text) else {
                throw DomainError.badParameter([FieldIssue(field: "registration", code: "invalid", detail: "registration is a registration's UUID.")])
            }
            return value
        }
        let agenda = try await Agenda.of(try req.uuid(), registration: registration, by: req.principal, on: req.db, audit: req.auditLog)
        return AgendaPage.render(PageContext(request: req), agenda, own: agenda.registration.userID == req.principal.userID)
    }

    @Sendable func eventCalendar(_ req: Request) async throws -> Response {
        let event = try await req.eventStore.find(try req.uuid(), by: req.principal)
        return Self.calendarResponse(try event.calendar(language: req.language), filename: "event.ics")
    }

    @Sendable func feed(_ req: Request) async throws -> Response {
        let agenda = try await Agenda.feed(try req.uuid(), token: req.parameter(.token), on: req.db)
        // A calendar app sends no cookie: the feed speaks the language of its link (`?lang=ko`) or English.
        return Self.calendarResponse(agenda.calendar(language: req.language, strings: req.strings), filename: "agenda.ics")
    }

    static func calendarResponse(_ calendar: ICalendar, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.inline, filename: filename)
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.text))
    }
}

/// The organiser's event form: a new event of a centre or of the ministry, and the edit of an
/// event's plan. The same store and domain checks as `POST /api/v1/events`.
extension CentresPagesController {
    @Sendable func newEventForm(_ req: Request) async throws -> HTML {
        let centre = try await req.centreStore.find(try req.uuid())
        try req.principal.require(CentreAccess.allows(req.principal, .organise(centre: centre.storedID)), "organise events for this centre")
        let values = EventFormPage.Values.blank(timeZone: EventFormPage.zone(of: (try? centre.hostCountryCode)?.value))
        return try await eventForm(req, .init(mode: .create(centre), values: values))
    }

    @Sendable func newMinistryEventForm(_ req: Request) async throws -> HTML {
        try req.principal.require(CentreAccess.allows(req.principal, .organise(centre: nil)), "organise the ministry's events")
        return try await eventForm(req, .init(mode: .create(nil), values: .blank(timeZone: "Asia/Seoul")))
    }

    @Sendable func createEvent(_ req: Request) async throws -> Response {
        let centre = try await req.centreStore.find(try req.uuid())
        return try await create(req, centre: centre)
    }

    @Sendable func createMinistryEvent(_ req: Request) async throws -> Response {
        try await create(req, centre: nil)
    }

    private func create(_ req: Request, centre: Centre?) async throws -> Response {
        let values = try req.content.decode(EventFormPage.Values.self)
        do {
            let event = try await req.eventStore.create(centre: centre?.storedID, values.draft, by: req.principal)
            return req.redirect(to: CentresURL.event(.value(event.storedID)).path + "?created=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await eventForm(req, .init(mode: .create(centre), values: values, issues: issues)).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func editEventForm(_ req: Request) async throws -> Response {
        let event = try await req.eventStore.organised(try req.uuid(), by: req.principal, "edit this event")
        let state = try event.eventState
        let links = try await EventLinkStore.stored([event.storedID], on: req.db)[event.storedID] ?? EventLinks()
        var model = EventFormPage.Model(mode: .edit(event), values: .init(plan: try event.plan, links: links))
        guard state.editsPlan else {
            model.editable = false
            model.problem = req.strings.localized(EventRefusal.notEditable(state: state))
            return try await eventForm(req, model).encodeResponse(status: .conflict, for: req)
        }
        return try await eventForm(req, model).encodeResponse(for: req)
    }

    @Sendable func editEvent(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let event = try await req.eventStore.organised(id, by: req.principal, "edit this event")
        let values = try req.content.decode(EventFormPage.Values.self)
        do {
            _ = try await req.eventStore.update(id, values.draft, by: req.principal)
            return req.redirect(to: CentresURL.event(.value(id)).path + "?saved=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await eventForm(req, .init(mode: .edit(event), values: values, issues: issues)).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as EventRefusal {
            var model = EventFormPage.Model(mode: .edit(event), values: values, problem: req.strings.localized(refusal))
            if case .notEditable = refusal { model.editable = false }
            return try await eventForm(req, model).encodeResponse(status: .conflict, for: req)
        }
    }

    /// The form with what the event may be linked to: calls past their draft that this person
    /// sees, and the projects on the centre's board (plus those linked already that they see).
    private func eventForm(_ req: Request, _ model: EventFormPage.Model) async throws -> HTML {
        var model = model
        let centre: UUID?
        switch model.mode {
        case .create(let row): centre = row?.storedID
        case .edit(let event): centre = event.centreID
        }
        let calls = try await Call.query(on: req.db).filter(\.$state != CallState.draft.rawValue).all()
        model.calls = try calls.filter { CallAccess.allows(req.principal, .seeCall($0.storedID, try $0.callState)) }
            .map { ($0.storedID, try $0.terms().title.text(in: req.language)) }
        var projects: [(id: UUID, title: String)] = []
        if let centre, CentreAccess.allows(req.principal, .keepBoard(centre)) {
            projects = try await req.leadStore.board(centre, by: req.principal).map { ($0.project.storedID, "\($0.project.code) \($0.project.title)") }
        }
        let chosen = (model.values.projects ?? []).compactMap(UUID.init(uuidString:)).filter { id in !projects.contains { $0.id == id } }
        let store = ProjectStore(db: req.db)
        for id in chosen {
            if let visible = try? await store.findVisible(id, by: req.principal) { projects.append((id, "\(visible.project.code) \(visible.project.title)")) }
        }
        model.projects = projects
        return EventFormPage.render(PageContext(request: req), model)
    }
}
