import Foundation
import SconDomain
import Vapor

/// An event's public page; its organisers also see every registration, the schedule with what
/// was left out and why, the controls to move the event on, run and publish the schedule, and
/// the event's numbers.
enum EventPage {
    struct Model {
        var event: CentreEvent
        var plan: EventPlan
        var state: EventState
        var centre: Centre?
        var organiser: Bool
        var registrations: [EventRegistration]
        var mine: EventRegistration?
        var requests: [MeetingRequestRecord]
        var suggestions: [MeetingSuggestion]
        var now: Date
        var solution: ScheduleSolution?
        var numbers: EventNumbers?
        var message: String?
        var problem: String?
        /// The call and projects the event is linked to, those the reader may see.
        var linkedCall: Call? = nil
        var linkedProjects: [Project] = []
        /// Whether the viewer keeps the organising centre's lead board ("make it a lead").
        var keepsBoard = false
        /// The outcome form that was refused, shown again with its errors.
        var refusedOutcome: DayForms.Refused? = nil
    }

    /// The linked call and projects, as links.
    static func links(_ context: PageContext, _ model: Model) -> HTML {
        var html: HTML = .empty
        if let call = model.linkedCall, let title = try? call.terms().title.text(in: context.language) {
            html = html + Components.definition(context["event.linkedCall"], "<a href=\"\(OpenCallURL.call(.value(call.storedID)).path)\">\(title)</a>")
        }
        if !model.linkedProjects.isEmpty {
            let items: [HTML] = model.linkedProjects.map { "<li><a href=\"\(ProjectURL.project(.value($0.storedID)).path)\">\($0.code) \($0.title)</a></li>" }
            html = html + Components.definition(context["event.linkedProjects"], "<ul class=\"plain\">\(items)</ul>")
        }
        return html
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        let plan = model.plan
        let id = model.event.storedID
        let organiserName = model.centre.map { $0.name.text(in: language) } ?? context["event.ministry"]
        let kinds = [plan.b2b ? "B2B" : nil, plan.g2g ? "G2G" : nil].compactMap { $0 }.joined(separator: " · ")
        let slots = plan.slotStarts.map(EventPlan.clock).joined(separator: ", ")
        let placeParts: [HTML] = [plan.venue.map { "\($0)" as HTML }, plan.onlineLink.map { "<a href=\"\($0)\">\($0)</a>" as HTML }].compactMap { $0 }
        let place = placeParts.enumerated().reduce(HTML.empty) { $0 + ($1.offset > 0 ? "<br>" as HTML : .empty) + $1.element }
        let facts: HTML = """
        <dl class="facts">
        \(Components.definition(context["event.organiser"], "\(organiserName)"))
        \(Components.definition(context["event.type"], "\(context["eventtype.\(plan.type.rawValue)"])"))
        \(Components.definition(context["event.state"], "\(context["eventstate.\(model.state.rawValue)"])"))
        \(Components.definition(context["event.days"], "\(CentreText.when(context, plan)) (\(plan.timeZone.identifier))"))
        \(Components.definition(context["event.slots"], "\(context.strings.format("event.slotsText", ["times": slots, "minutes": String(plan.slotMinutes)]))"))
        \(Components.definition(context["event.place"], place))
        \(Components.definition(context["event.tables"], "\(plan.tables)"))
        \(Components.definition(context["event.meetings"], "\(kinds)"))
        \(Components.definition(context["event.registration"], "\(plan.registrationOpens.description) – \(plan.registrationCloses.description)"))
        \(Components.definition(context["event.capacity"], "\(plan.capacity)"))
        \(links(context, model))
        </dl>
        <p><a href="\(CentresURL.eventCalendar(.value(id)).path)">\(context["event.calendar"])</a></p>
        """
        var mine: HTML = .empty
        if let registration = model.mine {
            mine = """
            <section aria-labelledby="mine"><h2 id="mine">\(context["registration.mine"])</h2>
            <p>\(context.strings.format("registration.status", ["status": context["registrationstatus.\(registration.status)"]]))</p>
            <p><a href="\(CentresURL.agenda(.value(id)).path)">\(context["agenda.title"])</a></p>
            \(participantPart(context, model, registration))
            \(DayForms.mine(context, model, registration))</section>
            """
        } else if model.state == .open {
            mine = context.user == nil
                ? "<p><a href=\"\(AccountURL.signIn.path)?next=\(PercentEncoding.queryValue(CentresURL.event(.value(id)).path))\">\(context["registration.signIn"])</a></p>"
                : "<p><a class=\"button\" href=\"\(CentresURL.register(.value(id)).path)\">\(context["registration.register"])</a></p>"
        }
        let participants = model.registrations.filter { $0.status == RegistrationStatus.validated.rawValue }
        var list: HTML = .empty
        if model.state.listsParticipants {
            let rows: [HTML] = participants.map { row in
                """
                <tr><th scope="row">\(row.organisation) \(Components.sampleBadge(context, row.sample))</th><td>\(row.country)</td>\
                <td>\(context["participantkind.\(row.kind)"])</td><td>\(interests(context, row.offersSectors, LocalizedText(en: row.offersTextEn, ko: row.offersTextKo)))</td>\
                <td>\(interests(context, row.seeksSectors, LocalizedText(en: row.seeksTextEn, ko: row.seeksTextKo)))</td></tr>
                """
            }
            list = """
            <h2>\(context["event.participants"])</h2>
            \(rows.isEmpty ? "<p>\(context["event.noParticipants"])</p>" as HTML : """
            <table class="list"><caption>\(context["event.participants"])</caption><thead><tr><th scope="col">\(context["registration.organisation"])</th>\
            <th scope="col">\(context["registration.country"])</th><th scope="col">\(context["registration.kind"])</th>\
            <th scope="col">\(context["registration.offers"])</th><th scope="col">\(context["registration.seeks"])</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
            """
        }
        let body: HTML = """
        <p><a href="\(model.centre.map { CentresURL.centre(.value($0.storedID)).path } ?? CentresURL.centres.path)">\(organiserName)</a></p>
        <h1>\(plan.title.text(in: language)) \(Components.sampleBadge(context, model.event.sample))</h1>
        \(Components.notice(model.message ?? notice(context)))
        \(Components.alert(model.problem))
        \(plan.description.text(in: language).isEmpty ? HTML.empty : "<p class=\"lead\">\(plan.description.text(in: language))</p>")
        \(facts)
        \(mine)
        \(list)
        \(model.organiser ? organiserPart(context, model) : .empty)
        """
        return Layout.page(context, title: plan.title.text(in: language), current: "nav.centres", body: body)
    }

    /// A participant's requests (to answer, sent) and the suggested partners with their reasons.
    static func participantPart(_ context: PageContext, _ model: Model, _ me: EventRegistration) -> HTML {
        guard model.state == .matchmaking || model.state.listsParticipants else { return .empty }
        let id = model.event.storedID
        let names = Dictionary(uniqueKeysWithValues: model.registrations.map { ($0.storedID, $0.organisation) })
        let rows: [HTML] = model.requests.filter { $0.fromID == me.storedID || $0.toID == me.storedID }.map { row in
            let incoming = row.toID == me.storedID
            let state = (try? row.effectiveState(answerHours: model.event.answerHours, now: model.now)) ?? .requested
            let other = names[incoming ? row.fromID : row.toID] ?? "—"
            var action: HTML = "\(context["requeststate.\(state.rawValue)"])"
            if incoming && state == .requested && model.state == .matchmaking {
                action = """
                <form method="post" action="\(CentresURL.answer(.value(id), .value(row.storedID)).path)" class="inline">\(context.csrfField)\
                <button type="submit" name="answer" value="accepted" class="button">\(context["request.accept"])</button> \
                <button type="submit" name="answer" value="declined" class="button button-secondary">\(context["request.decline"])</button></form>
                """
            }
            return "<tr><th scope=\"row\">\(other)</th><td>\(incoming ? context["request.incoming"] : context["request.outgoing"])</td><td class=\"number\">\(row.priority)</td><td>\(row.message)</td><td>\(action)</td></tr>"
        }
        let requests: HTML = rows.isEmpty ? .empty : """
        <table class="list"><caption>\(context["request.title"])</caption><thead><tr><th scope="col">\(context["registration.organisation"])</th>\
        <th scope="col">\(context["request.direction"])</th><th scope="col" class="number">\(context["request.priority"])</th>\
        <th scope="col">\(context["request.message"])</th><th scope="col">\(context["event.state"])</th></tr></thead><tbody>\(rows)</tbody></table>
        """
        let suggestions: [HTML] = model.suggestions.compactMap { suggestion in
            guard let partner = UUID(uuidString: suggestion.participant), let name = names[partner] else { return nil }
            let reasons = suggestion.reasons.map { reason in
                context.strings.format("suggestion.\(reason.kind.rawValue).\(reason.direction.rawValue)",
                                       ["value": reason.kind == .sector ? context["sector.\(reason.value)"] : reason.value, "points": String(reason.points)])
            }.joined(separator: "; ")
            return """
            <li><strong>\(name)</strong> (\(context.strings.format("suggestion.score", ["score": String(suggestion.score)]))): \(reasons)
            <form method="post" action="\(CentresURL.requests(.value(id)).path)">\(context.csrfField)<input type="hidden" name="to" value="\(UUIDText.string(partner))">\
            <label for="p-\(UUIDText.string(partner))">\(context["request.priority"])</label> <select id="p-\(UUIDText.string(partner))" name="priority">\
            <option>5</option><option>4</option><option selected>3</option><option>2</option><option>1</option></select> \
            <label for="m-\(UUIDText.string(partner))">\(context["request.message"])</label> <input id="m-\(UUIDText.string(partner))" name="message" maxlength="1000"> \
            <button type="submit" class="button">\(context["request.send"])</button></form></li>
            """
        }
        return """
        \(requests)
        \(suggestions.isEmpty ? HTML.empty : "<h3>\(context["suggestion.title"])</h3><p class=\"hint\">\(context["suggestion.explain"])</p><ul>\(suggestions)</ul>")
        """
    }

    /// What the step before this page did: a registration sent, the event created or saved.
    static func notice(_ context: PageContext) -> String? {
        let query = context.request.query
        if query[String.self, at: "registered"] == "1" { return context["registration.done"] }
        if query[String.self, at: "created"] == "1" { return context["eventform.created"] }
        if query[String.self, at: "saved"] == "1" { return context["eventform.saved"] }
        return nil
    }

    static func organiserPart(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.event.storedID
        var move: HTML = model.state.editsPlan
            ? "<p class=\"actions\"><a class=\"button button-secondary\" href=\"\(CentresURL.editEvent(.value(id)).path)\">\(context["eventform.edit"])</a></p>" : .empty
        if let next = model.state.next, next != .published {
            move = """
            \(move)<form method="post" action="\(CentresURL.eventState(.value(id)).path)">\(context.csrfField)<input type="hidden" name="to" value="\(next.rawValue)">\
            <button type="submit" class="button">\(context.strings.format("event.moveTo", ["state": context["eventstate.\(next.rawValue)"]]))</button></form>
            """
        }
        let registrations: [HTML] = model.registrations.map { row in
            """
            <tr><th scope="row">\(row.organisation)</th><td>\(row.person)</td><td>\(row.contact)</td><td>\(row.country)</td>\
            <td>\(context["registrationstatus.\(row.status)"]) \(decisionButtons(context, model, row))</td><td>\(DayForms.checkIn(context, model, row))</td>\
            <td><a href="\(CentresURL.agenda(.value(id)).path)?registration=\(UUIDText.string(row.storedID))">\(context["agenda.title"])</a></td></tr>
            """
        }
        let byID = Dictionary(uniqueKeysWithValues: model.registrations.map { ($0.storedID, $0) })
        let requestByID = Dictionary(uniqueKeysWithValues: model.requests.map { (UUIDText.string($0.storedID), $0) })
        func pair(_ request: String) -> String {
            guard let row = requestByID[request] else { return request }
            return "\(byID[row.fromID]?.organisation ?? "?") – \(byID[row.toID]?.organisation ?? "?")"
        }
        var schedule: HTML = "<p>\(context["schedule.notRun"])</p>"
        if let solution = model.solution {
            let placed: [HTML] = model.requests.filter { $0.state == MeetingRequestState.accepted.rawValue && $0.slot != nil }
                .sorted { ($0.slot ?? 0, $0.tableNo ?? 0) < ($1.slot ?? 0, $1.tableNo ?? 0) }
                .map { row in
                    """
                    <tr><td>\(AgendaTime.short(model.plan, slot: row.slot ?? 0))</td><td class="number">\((row.tableNo ?? 0) + 1)</td>\
                    <td>\(pair(UUIDText.string(row.storedID)))</td><td>\(lockButton(context, model, row))</td></tr>
                    """
                }
            let left: [HTML] = solution.reasons.map { reason in
                let who = reason.participant.flatMap { UUID(uuidString: $0) }.flatMap { byID[$0]?.organisation } ?? ""
                return "<li>\(pair(reason.request)): \(context.strings.format("schedule.reason.\(reason.reason.rawValue)", ["participant": who]))</li>"
            }
            schedule = """
            <p>\(context.strings.format("schedule.summary", ["placed": String(solution.meetings.count), "objective": String(solution.objective),
                                                              "bound": String(solution.bound), "left": String(solution.unscheduled.count)]))</p>
            <table class="list"><caption>\(context["schedule.meetings"])</caption><thead><tr><th scope="col">\(context["agenda.time"])</th>\
            <th scope="col" class="number">\(context["agenda.tableColumn"])</th><th scope="col">\(context["schedule.pair"])</th><th scope="col"></th></tr></thead>
            <tbody>\(placed)</tbody></table>
            \(left.isEmpty ? HTML.empty : "<h4>\(context["schedule.leftOut"])</h4><ul>\(left)</ul>")
            """
        }
        let controls: HTML = model.state.schedules ? """
        <form method="post" action="\(CentresURL.scheduleRun(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button button-secondary">\(context["schedule.run"])</button></form>
        <form method="post" action="\(CentresURL.schedulePublish(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button">\(context["schedule.publish"])</button></form>
        """ : .empty
        var numbers: HTML = .empty
        if let n = model.numbers {
            let countries = n.registrationsByCountry.map { "\($0.country) \($0.count)" }.joined(separator: ", ")
            let sides = n.registrationsBySide.map { "\(context["side.\($0.side.rawValue)"]) \($0.count)" }.joined(separator: ", ")
            numbers = """
            <h3>\(context["event.numbers"])</h3>
            <dl class="facts">
            \(Components.definition(context["numbers.byCountry"], "\(countries.isEmpty ? "—" : countries)"))
            \(Components.definition(context["numbers.bySide"], "\(sides.isEmpty ? "—" : sides)"))
            \(Components.definition(context["numbers.requests"], "\(n.requests)"))
            \(Components.definition(context["numbers.acceptance"], "\(n.acceptanceRate.map { "\($0)%" } ?? "—")"))
            \(Components.definition(context["numbers.scheduled"], "\(n.scheduled)"))
            \(Components.definition(context["numbers.held"], "\(n.held)"))
            \(Components.definition(context["numbers.noShow"], "\(n.noShow)"))
            \(Components.definition(context["numbers.leads"], "\(n.leads)"))
            </dl>
            """
        }
        return """
        <section aria-labelledby="organiser"><h2 id="organiser">\(context["event.organiserPart"])</h2>
        \(move)
        <h3>\(context["event.registrations"])</h3>
        \(registrations.isEmpty ? "<p>\(context["event.noRegistrations"])</p>" as HTML : """
        <table class="list"><caption>\(context["event.registrations"])</caption><thead><tr><th scope="col">\(context["registration.organisation"])</th>\
        <th scope="col">\(context["registration.person"])</th><th scope="col">\(context["registration.contact"])</th><th scope="col">\(context["registration.country"])</th>\
        <th scope="col">\(context["registration.statusColumn"])</th><th scope="col">\(context["checkin.column"])</th><th scope="col">\(context["agenda.title"])</th></tr></thead><tbody>\(registrations)</tbody></table>
        """)
        <h3>\(context["schedule.title"])</h3>
        \(controls)
        \(schedule)
        \(DayForms.outcomes(context, model))
        \(numbers)
        </section>
        """
    }
}

/// A participant's printable agenda: time, table, the other side's organisation, person and contact.
enum AgendaPage {
    static func render(_ context: PageContext, _ agenda: Agenda, own: Bool) -> HTML {
        let language = context.language
        let id = agenda.event.storedID
        let rows: [HTML] = agenda.meetings.map { meeting in
            let status: HTML = meeting.cancelled ? "<span class=\"badge\">\(context["agenda.cancelled"])</span>" : .empty
            return """
            <tr><td>\(AgendaTime.short(agenda.plan, slot: meeting.slot))</td><td class="number">\(meeting.table + 1)</td>\
            <th scope="row">\(meeting.partner.organisation) \(status)</th><td>\(meeting.partner.person)<br><span class="hint">\(meeting.partner.contact)</span></td></tr>
            """
        }
        let notices: [HTML] = agenda.notices.map { "<li>\($0.text.text(in: language))</li>" }
        let feed: HTML = own ? """
        <p>\(context["agenda.feedHint"]) <a href="\(CentresURL.feed(.value(id), .value(agenda.registration.feedToken)).path)?lang=\(language.rawValue)">\(context["agenda.feed"])</a></p>
        """ : .empty
        let body: HTML = """
        <p><a href="\(CentresURL.event(.value(id)).path)">\(agenda.event.title.text(in: language))</a></p>
        <h1>\(context["agenda.title"]): \(agenda.registration.organisation)</h1>
        <p>\(agenda.registration.person) · \(CentreText.when(context, agenda.plan)) (\(agenda.plan.timeZone.identifier))\(agenda.plan.venue.map { " · \($0)" } ?? "")</p>
        \(notices.isEmpty ? HTML.empty : "<div class=\"notice\" role=\"status\"><h2>\(context["agenda.notices"])</h2><ul>\(notices)</ul></div>")
        \(rows.isEmpty ? "<p>\(context["agenda.empty"])</p>" as HTML : """
        <table class="list"><caption>\(context["agenda.title"])</caption><thead><tr><th scope="col">\(context["agenda.time"])</th>\
        <th scope="col" class="number">\(context["agenda.tableColumn"])</th><th scope="col">\(context["registration.organisation"])</th>\
        <th scope="col">\(context["agenda.partner"])</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
        \(feed)
        """
        return Layout.page(context, title: context["agenda.title"], current: "nav.centres", body: body)
    }
}

extension EventPage {
    /// Validate / refuse buttons, while registrations are decided.
    static func decisionButtons(_ context: PageContext, _ model: Model, _ row: EventRegistration) -> HTML {
        guard [.open, .matchmaking, .published].contains(model.state) else { return .empty }
        let action = CentresURL.decision(.value(model.event.storedID), .value(row.storedID)).path
        let validate: HTML = row.status == RegistrationStatus.validated.rawValue ? .empty
            : "<button type=\"submit\" name=\"decision\" value=\"validated\" class=\"button\">\(context["registration.validate"])</button> "
        let refuse: HTML = row.status == RegistrationStatus.refused.rawValue ? .empty
            : "<button type=\"submit\" name=\"decision\" value=\"refused\" class=\"button button-secondary\">\(context["registration.refuse"])</button>"
        return "<form method=\"post\" action=\"\(action)\" class=\"inline\">\(context.csrfField)\(validate)\(refuse)</form>"
    }
}

extension EventPage {
    /// Sectors (stored comma-separated) and the free text in the reader's language.
    static func interests(_ context: PageContext, _ sectors: String, _ text: LocalizedText) -> String {
        let names = Sector.fromStorage(sectors).map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")
        let words = text.text(in: context.language).isEmpty ? (context.language == .ko ? text.en : text.ko) : text.text(in: context.language)
        return [names, words].filter { !$0.isEmpty }.joined(separator: " — ")
    }
}

extension EventPage {
    /// Lock a placed meeting where it is (kept through re-solves), or unlock it.
    static func lockButton(_ context: PageContext, _ model: Model, _ row: MeetingRequestRecord) -> HTML {
        guard model.state.schedules else { return row.locked ? "\(context["schedule.locked"])" : .empty }
        return """
        <form method="post" action="\(CentresURL.lock(.value(model.event.storedID), .value(row.storedID)).path)" class="inline">\(context.csrfField)\
        <input type="hidden" name="locked" value="\(row.locked ? "false" : "true")">\
        <button type="submit" class="button">\(context[row.locked ? "schedule.unlock" : "schedule.lock"])</button></form>
        """
    }
}
