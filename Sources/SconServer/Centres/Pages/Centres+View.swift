import Foundation
import SconDomain
import Vapor

/// Shared pieces of the centres' pages.
enum CentreText {
    /// A fact, or "not disclosed" when the programme has not said.
    static func fact(_ context: PageContext, _ value: String?) -> HTML {
        value.map { "\($0)" } ?? "<span class=\"hint\">\(context["centre.notDisclosed"])</span>"
    }

    static func countries(_ context: PageContext, _ codes: [CountryCode], _ names: [CountryDTO]) -> HTML {
        codes.isEmpty ? fact(context, nil) : "\(codes.map { names.name(of: $0.value, in: context.language) }.joined(separator: ", "))"
    }

    static func when(_ context: PageContext, _ plan: EventPlan) -> String {
        plan.firstDay == plan.lastDay ? plan.firstDay.description : "\(plan.firstDay) – \(plan.lastDay)"
    }

    static func eventRow(_ context: PageContext, _ event: CentreEvent, record: String? = nil) -> HTML {
        guard let plan = try? event.plan, let state = try? event.eventState else { return .empty }
        let marker: HTML = record.map { " data-record=\"\($0)\"" } ?? ""
        return """
        <tr\(marker)><th scope="row"><a href="\(CentresURL.event(.value(event.storedID)).path)">\(plan.title.text(in: context.language))</a> \(Components.sampleBadge(context, event.sample))</th>\
        <td>\(context["eventtype.\(plan.type.rawValue)"])</td><td>\(when(context, plan))</td><td>\(context["eventstate.\(state.rawValue)"])</td></tr>
        """
    }

    static func eventTable(_ context: PageContext, _ events: [CentreEvent], caption: String, record: String? = nil) -> HTML {
        guard !events.isEmpty else { return "<p>\(context["event.none"])</p>" }
        return """
        <table class="list"><caption>\(caption)</caption><thead><tr><th scope="col">\(context["event.title"])</th><th scope="col">\(context["event.type"])</th>\
        <th scope="col">\(context["event.days"])</th><th scope="col">\(context["event.state"])</th></tr></thead>
        <tbody>\(events.map { eventRow(context, $0, record: record) })</tbody></table>
        """
    }
}

/// Every centre and the events open to all; with `?country=TH`, the centres hosted in that
/// country and their events — the records the portal's figures count with the same filter.
enum CentreListPage {
    struct Model {
        var centres: [Centre]
        /// Events not held yet, soonest first.
        var events: [CentreEvent]
        /// Events held or closed, latest first.
        var held: [CentreEvent] = []
        var country: CountryCode? = nil
        var countries: [CountryDTO]
        /// Whether the viewer organises the ministry's events (the "new event" button).
        var ministryOrganiser = false
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        let rows: [HTML] = model.centres.map { centre in
            let status = (try? centre.centreStatus).map { context["centrestatus.\($0.rawValue)"] } ?? ""
            return """
            <tr data-record="centre"><th scope="row"><a href="\(CentresURL.centre(.value(centre.storedID)).path)">\(centre.name.text(in: language))</a> \(Components.sampleBadge(context, centre.sample))</th>\
            <td>\(CentreText.fact(context, (try? centre.hostCountryCode)?.map { model.countries.name(of: $0.value, in: language) }))</td>\
            <td>\(CentreText.fact(context, centre.hostCity))</td><td>\(status)</td></tr>
            """
        }
        let countryName = model.country.map { model.countries.name(of: $0.value, in: language) }
        let centres: HTML = rows.isEmpty ? "<p class=\"empty\">\(context["centre.noneHosted"])</p>" : """
        <table class="list"><caption>\(context["centre.list"])</caption><thead><tr><th scope="col">\(context["centre.name"])</th>\
        <th scope="col">\(context["centre.hostCountry"])</th><th scope="col">\(context["centre.hostCity"])</th><th scope="col">\(context["centre.status"])</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        let body: HTML = """
        <h1>\(context["area.centres.name"])</h1>
        <p class="lead">\(context["area.centres.text"])</p>
        <p>\(context["centre.programmeFacts"])</p>
        <form method="get" action="\(CentresURL.centres.path)" class="filters" role="search" aria-label="\(context["list.filters"])">
        \(Components.select(context, field: "country", name: "country", label: context["centre.filterCountry"], options: model.countries.options(language),
                            selected: model.country?.value, includeBlank: context["list.any"]))
        <button type="submit" class="button">\(context["list.apply"])</button>
        </form>
        \(countryName.map { "<p class=\"hint\">\(context.strings.format("centre.filtered", ["country": $0]))</p>" as HTML } ?? .empty)
        \(centres)
        \(ListDownloads.render(context, [.centresCSV, .centresJSON], country: model.country))
        <h2>\(context["event.upcoming"])</h2>
        \(model.ministryOrganiser ? "<p class=\"actions\"><a class=\"button\" href=\"\(CentresURL.newMinistryEvent.path)\">\(context["eventform.newMinistry"])</a></p>" as HTML : .empty)
        \(CentreText.eventTable(context, model.events, caption: context["event.upcoming"]))
        <h2 id="events-held">\(context["event.held"])</h2>
        <p class="hint">\(model.country == nil ? context["event.heldAll"] : context["event.heldCountry"])</p>
        \(CentreText.eventTable(context, model.held, caption: context["event.held"], record: "held"))
        \(ListDownloads.render(context, [.eventsCSV, .eventsJSON, .eventsICS], country: model.country))
        """
        return Layout.page(context, title: context["area.centres.name"], current: "nav.centres", body: body)
    }
}

/// A centre: who, where, the countries it covers, upcoming events; for its staff, every event
/// of the centre and its numbers.
enum CentrePage {
    struct Model {
        var centre: Centre
        var events: [CentreEvent]
        var staff: Bool
        var numbers: [(event: CentreEvent, numbers: EventNumbers)]
        var board: [LeadStore.Row]
        var today: CalendarDay
        var countries: [CountryDTO]
        /// The calls the board's proposals are in, and those open for drafting now (for the staff).
        var calls: [UUID: Call] = [:]
        var openCalls: [Call] = []
        /// The proposals the viewer may open (a draft is its organisation's).
        var readableProposals: Set<UUID> = []
        var centreNumbers: CentreNumbers? = nil
        var message: String? = nil
        var problem: String? = nil
        var issues: [FieldIssue] = []
        var values = ProposalValues()
        /// The board's "new lead" and "move" forms.
        var leadForms = LeadForms.State()
        /// Whether the viewer edits the centre's record (its staff, the programme office).
        var editable = false
    }

    /// The lead-to-proposal form as typed, kept when it is refused.
    struct ProposalValues: Sendable {
        var lead = ""
        var call = ""
        var budget = ""
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let centre = model.centre
        let language = context.language
        let upcoming = model.events.filter { event in
            (try? event.eventState) != .draft && ((try? event.plan).map { $0.lastDay >= model.today } ?? false)
        }
        let facts: HTML = """
        <dl class="facts">
        \(Components.definition(context["centre.status"], "\(context["centrestatus.\((try? centre.centreStatus)?.rawValue ?? "")"])"))
        \(Components.definition(context["centre.hostCountry"], CentreText.fact(context, (try? centre.hostCountryCode)?.map { model.countries.name(of: $0.value, in: language) })))
        \(Components.definition(context["centre.hostCity"], CentreText.fact(context, centre.hostCity)))
        \(Components.definition(context["centre.covers"], CentreText.countries(context, (try? centre.coveredCountries) ?? [], model.countries)))
        \(Components.definition(context["centre.hostOrganisation"], CentreText.fact(context, centre.hostOrganisation)))
        \(Components.definition(context["centre.contact"], CentreText.fact(context, centre.contact)))
        \(Components.definition(context["centre.openedOn"], CentreText.fact(context, centre.openedOn)))
        </dl>
        """
        var staffPart: HTML = .empty
        if model.staff {
            let rows: [HTML] = model.numbers.map { item in
                let n = item.numbers
                return """
                <tr><th scope="row">\(item.event.title.text(in: language))</th><td class="number">\(n.registrationsBySide.reduce(0) { $0 + $1.count })</td>\
                <td class="number">\(n.requests)</td><td class="number">\(n.acceptanceRate.map { "\($0)%" } ?? "—")</td>\
                <td class="number">\(n.scheduled)</td><td class="number">\(n.held)</td><td class="number">\(n.leads)</td></tr>
                """
            }
            staffPart = """
            <section aria-labelledby="staff-part">
            <h2 id="staff-part">\(context["centre.staffPart"])</h2>
            <p class="actions"><a class="button" href="\(CentresURL.newEvent(.value(centre.storedID)).path)">\(context["eventform.new"])</a></p>
            \(centreNumbers(context, model.centreNumbers))
            \(board(context, model))
            \(LeadForms.moveForms(context, centre: centre.storedID, board: model.board, model.leadForms))
            \(LeadForms.newLead(context, centre: centre.storedID, model.leadForms))
            \(CentreText.eventTable(context, model.events, caption: context["centre.allEvents"]))
            <table class="list"><caption>\(context["centre.numbers"])</caption><thead><tr><th scope="col">\(context["event.title"])</th>\
            <th scope="col" class="number">\(context["numbers.registrations"])</th><th scope="col" class="number">\(context["numbers.requests"])</th>\
            <th scope="col" class="number">\(context["numbers.acceptance"])</th><th scope="col" class="number">\(context["numbers.scheduled"])</th>\
            <th scope="col" class="number">\(context["numbers.held"])</th><th scope="col" class="number">\(context["numbers.leads"])</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
        }
        let body: HTML = """
        <p><a href="\(CentresURL.centres.path)">\(context["area.centres.name"])</a></p>
        <h1>\(centre.name.text(in: language)) \(Components.sampleBadge(context, centre.sample))</h1>
        \(Components.notice(model.message))\(Components.alert(model.problem))
        \(facts)
        \(model.editable ? "<p class=\"actions\"><a class=\"button button-secondary\" href=\"\(CentresURL.editCentre(.value(centre.storedID)).path)\">\(context["centreform.edit"])</a></p>" as HTML : .empty)
        <h2>\(context["event.upcoming"])</h2>
        \(CentreText.eventTable(context, upcoming, caption: context["event.upcoming"]))
        \(staffPart)
        """
        return Layout.page(context, title: centre.name.text(in: language), current: "nav.centres", body: body)
    }

    /// The centre's own numbers: leads by pipeline stage, meetings held, agreements.
    static func centreNumbers(_ context: PageContext, _ numbers: CentreNumbers?) -> HTML {
        guard let numbers else { return .empty }
        let stages: HTML = numbers.leadsByStage.isEmpty ? "0"
            : "<ul class=\"plain\">\(numbers.leadsByStage.map { "<li>\(context["stage.\($0.stage.rawValue)"]): \($0.count)</li>" as HTML })</ul>"
        return """
        <h3>\(context["centre.ownNumbers"])</h3>
        <dl class="facts">
        \(Components.definition(context["centre.leadsByStage"], stages))
        \(Components.definition(context["centre.meetingsHeld"], "\(numbers.meetingsHeld)"))
        \(Components.definition(context["centre.agreements"], "\(numbers.agreements)"))
        </dl>
        <p class="hint">\(context["centre.agreementsHint"])</p>
        """
    }

    /// The lead board: a list by due day, then the same leads in columns by status.
    static func board(_ context: PageContext, _ model: Model) -> HTML {
        guard !model.board.isEmpty else { return "<h3>\(context["board.title"])</h3><p>\(context["board.none"])</p>" }
        func due(_ row: LeadStore.Row) -> HTML {
            guard let day = try? row.lead.dueDay else { return "—" }
            return LeadBoardDraft.overdue(day, today: model.today)
                ? "<strong>\(day.description)</strong> <span class=\"badge\">\(context["board.overdue"])</span>" : "\(day.description)"
        }
        let rows: [HTML] = model.board.map { row in
            """
            <tr><th scope="row"><a href="\(ProjectURL.project(.value(row.project.storedID)).path)">\(row.project.title)</a>\(proposal(context, model, row))</th><td>\(row.lead.owner)</td>\
            <td>\(row.project.countryCode)</td><td>\(Sector.fromStorage(row.project.sectors).map { context["sector.\($0.rawValue)"] }.joined(separator: ", "))</td>\
            <td>\(context["stage.\(row.project.stage)"])</td><td>\(context["leadstatus.\(row.lead.status)"])</td><td>\(row.lead.nextAction)</td><td>\(due(row))</td></tr>
            """
        }
        let columns: [HTML] = LeadStatus.allCases.map { status in
            let cards: [HTML] = model.board.filter { $0.lead.status == status.rawValue }.map { row in
                "<li><a href=\"\(ProjectURL.project(.value(row.project.storedID)).path)\">\(row.project.title)</a><br><span class=\"hint\">\(row.lead.nextAction.isEmpty ? row.lead.owner : "\(row.lead.owner) · \(row.lead.nextAction)")</span> \(row.lead.nextAction.isEmpty ? HTML.empty : due(row))\(proposal(context, model, row))</li>"
            }
            return "<section class=\"board-column\"><h4>\(context["leadstatus.\(status.rawValue)"]) (\(cards.count))</h4><ul>\(cards)</ul></section>"
        }
        return """
        <h3>\(context["board.title"])</h3>
        <table class="list"><caption>\(context["board.list"])</caption><thead><tr><th scope="col">\(context["board.lead"])</th><th scope="col">\(context["board.owner"])</th>\
        <th scope="col">\(context["board.country"])</th><th scope="col">\(context["board.sectors"])</th><th scope="col">\(context["board.stage"])</th>\
        <th scope="col">\(context["centre.status"])</th><th scope="col">\(context["board.next"])</th><th scope="col">\(context["board.due"])</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        <h4>\(context["board.columns"])</h4>
        <div class="board">\(columns)</div>
        \(proposalForm(context, model))
        """
    }

    /// The draft proposal a lead became: linked for those who may open it (the organisation's
    /// members, and the call's managers once it is submitted), named for the others.
    static func proposal(_ context: PageContext, _ model: Model, _ row: LeadStore.Row) -> HTML {
        guard let proposal = row.proposal else { return .empty }
        let call = model.calls[proposal.callID].flatMap { try? $0.terms().title.text(in: context.language) } ?? ""
        let state = context["proposalstate.\(proposal.state)"]
        let name: HTML = model.readableProposals.contains(proposal.storedID)
            ? "<a href=\"\(OpenCallURL.proposal(.value(proposal.storedID)).path)\">\(context["lead.proposal"])</a>" : "\(context["lead.proposal"])"
        return "<br><span class=\"hint\">\(name) · \(call) · \(state)</span>"
    }

    /// Turning a lead into a draft proposal of a call open for proposals.
    static func proposalForm(_ context: PageContext, _ model: Model) -> HTML {
        // The leads the domain lets become a proposal now (its organisation is checked on sending).
        let leads = model.board.filter { row in
            (try? row.project.projectStage).map { LeadProposal.refusal(proposal: row.lead.proposalID, stage: $0, organisationKnown: true) == nil } ?? false
        }
        let heading: HTML = "<h3 id=\"lead-proposal\">\(context["lead.proposalTitle"])</h3>"
        guard !leads.isEmpty else { return "\(heading)<p>\(context["lead.proposalNoLeads"])</p>" }
        guard !model.openCalls.isEmpty else { return "\(heading)<p>\(context["lead.proposalNoCalls"])</p>" }
        let leadOptions = leads.map { (value: UUIDText.string($0.lead.storedID), label: "\($0.project.code) — \($0.project.title)") }
        let callOptions = model.openCalls.map { call in
            (value: UUIDText.string(call.storedID), label: (try? call.terms().title.text(in: context.language)) ?? "")
        }
        return """
        \(heading)
        <p class="hint">\(context["lead.proposalHint"])</p>
        <form method="post" action="\(CentresURL.leadProposal(.value(model.centre.storedID)).path)#lead-proposal">\(context.csrfField)
        \(Components.errorSummary(context, model.issues))
        \(Components.select(context, field: "lead", name: "lead", label: context["board.lead"], options: leadOptions, selected: model.values.lead,
                            includeBlank: context["lead.proposalChoose"], issues: model.issues))
        \(Components.select(context, field: "call", name: "call", label: context["lead.proposalCall"], options: callOptions, selected: model.values.call,
                            includeBlank: context["lead.proposalChoose"], issues: model.issues))
        \(Components.textField(context, model.issues, field: "budget", name: "budget", label: context["lead.proposalBudget"], value: model.values.budget,
                               type: "number", required: true, hint: context["lead.proposalBudgetHint"]))
        <button type="submit" class="button">\(context["lead.proposalSubmit"])</button>
        </form>
        """
    }
}
