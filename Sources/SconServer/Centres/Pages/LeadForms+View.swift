import Fluent
import Foundation
import SconDomain
import Vapor

/// The board's forms for the centre's staff: a new lead (the pipeline's lead fields and the
/// board's), and, per lead, a small form to move it and set its next action and due day.
/// Both post to the same stores as the API (`LeadStore.create` / `update`).
enum LeadForms {
    /// The "new lead" form as typed (field names are the API's), kept when it is refused.
    struct NewValues: Content, Sendable {
        var organisation: String?
        var city: String?
        var title: String?
        var supportType: String?
        var sectors: [String]?
        var owner: String?
        var status: String?
        var nextAction: String?
        var dueOn: String?
        /// The held meeting this lead follows up, when it came from an event's page.
        var meeting: String?

        init() {}

        var lead: PipelineStore.LeadInput {
            .init(organisation: organisation.flatMap { UUID(uuidString: $0) }, city: city.flatMap { UUID(uuidString: $0) }, title: title,
                  supportType: supportType.flatMap { $0.isEmpty ? nil : $0 }, descriptionEn: "", descriptionKo: "", sectors: sectors ?? [])
        }

        var board: LeadBoardDraft { LeadBoardDraft(owner: owner, status: status, nextAction: nextAction, dueOn: dueOn) }
    }

    /// A lead's move form as typed.
    struct MoveValues: Content, Sendable {
        var owner: String?
        var status: String?
        var nextAction: String?
        var dueOn: String?

        init() {}

        init(_ lead: CentreLead) {
            owner = lead.owner; status = lead.status; nextAction = lead.nextAction; dueOn = lead.dueOn ?? ""
        }

        var board: LeadBoardDraft { LeadBoardDraft(owner: owner, status: status, nextAction: nextAction, dueOn: dueOn) }
    }

    /// What the board's forms show: the directory's choices, and the form that was refused.
    struct State: Sendable {
        /// Organisations and cities of the centre's countries (every one when it covers none yet).
        var organisations: [(value: String, label: String)] = []
        var cities: [(value: String, label: String)] = []
        var new = NewValues()
        var newIssues: [FieldIssue] = []
        /// The lead whose move form was refused, with what was typed.
        var moved: UUID? = nil
        var move = MoveValues()
        var moveIssues: [FieldIssue] = []
    }

    /// The organisations and cities the form offers: those of the countries the centre hosts or
    /// covers, or every one while the centre's countries are not known.
    static func choices(for centre: Centre, _ language: Language, on db: any Database) async throws -> (organisations: [(value: String, label: String)], cities: [(value: String, label: String)]) {
        var countries = Set(((try? centre.coveredCountries) ?? []).map(\.value))
        if let host = try? centre.hostCountryCode { countries.insert(host.value) }
        var organisations = Organisation.query(on: db)
        var cities = City.query(on: db)
        if !countries.isEmpty {
            organisations = organisations.filter(\.$countryCode ~~ Array(countries))
            cities = cities.filter(\.$countryCode ~~ Array(countries))
        }
        let orgRows = try await organisations.sort(\.$countryCode).sort(\.$nameEn).limit(2_000).all()
        let cityRows = try await cities.sort(\.$countryCode).sort(\.$nameEn).limit(2_000).all()
        return (orgRows.map { (UUIDText.string($0.storedID), "\(language == .ko ? $0.nameKo : $0.nameEn) (\($0.countryCode))") },
                cityRows.map { (UUIDText.string($0.storedID), "\(language == .ko ? $0.nameKo : $0.nameEn) (\($0.countryCode))") })
    }

    static func statusOptions(_ context: PageContext) -> [(value: String, label: String)] {
        LeadStatus.allCases.map { (value: $0.rawValue, label: context["leadstatus.\($0.rawValue)"]) }
    }

    /// The "new lead" form.
    static func newLead(_ context: PageContext, centre: UUID, _ state: State) -> HTML {
        var context = context
        context.labelPrefix = "leadform."
        let v = state.new, issues = state.newIssues
        let sectors: [HTML] = Sector.allCases.map { sector in
            let checked: HTML = (v.sectors ?? []).contains(sector.rawValue) ? " checked" : ""
            return "<li><label><input type=\"checkbox\" name=\"sectors[]\" value=\"\(sector.rawValue)\"\(checked)> \(context["sector.\(sector.rawValue)"])</label></li>"
        }
        let support = SupportType.allCases.map { (value: $0.rawValue, label: context["supporttype.\($0.rawValue)"]) }
        let meeting: HTML = (v.meeting ?? "").isEmpty ? .empty : """
        <p class="notice">\(context["leadform.fromMeeting"])</p><input type="hidden" name="meeting" value="\(v.meeting ?? "")">\(Components.fieldError(context, issues, "meeting"))
        """
        return """
        <h3 id="new-lead">\(context["leadform.heading"])</h3>
        <p class="hint">\(context["leadform.hint"])</p>
        <form method="post" action="\(CentresURL.newLead(.value(centre)).path)#new-lead">\(context.csrfField)
        \(Components.errorSummary(context, issues))
        \(meeting)
        \(Components.textField(context, issues, field: "title", name: "title", label: context["leadform.title"], value: v.title, required: true, maxLength: 300))
        \(Components.select(context, field: "organisation", name: "organisation", label: context["leadform.organisation"], options: state.organisations,
                            selected: v.organisation, includeBlank: context["lead.proposalChoose"], issues: issues))
        \(Components.select(context, field: "city", name: "city", label: context["leadform.city"], options: state.cities,
                            selected: v.city, includeBlank: context["lead.proposalChoose"], issues: issues))
        <p class="hint">\(context["leadform.countryHint"])</p>
        \(Components.select(context, field: "supportType", name: "supportType", label: context["leadform.supportType"], options: support,
                            selected: v.supportType, includeBlank: context["lead.proposalChoose"], issues: issues))
        <fieldset class="field"><legend>\(context["board.sectors"])</legend>\(Components.fieldError(context, issues, "sectors"))<ul class="checks">\(sectors)</ul></fieldset>
        \(Components.textField(context, issues, field: "owner", name: "owner", label: context["board.owner"], value: v.owner, required: true, maxLength: 200))
        \(Components.select(context, field: "status", name: "status", label: context["leadform.status"], options: statusOptions(context),
                            selected: v.status ?? LeadStatus.new.rawValue, issues: issues))
        \(Components.textField(context, issues, field: "nextAction", name: "nextAction", label: context["board.next"], value: v.nextAction, maxLength: 500))
        \(Components.textField(context, issues, field: "dueOn", name: "dueOn", label: context["board.due"], value: v.dueOn, type: "date",
                               hint: context["leadform.dueHint"]))
        <button type="submit" class="button">\(context["leadform.submit"])</button>
        </form>
        """
    }

    /// Per lead, a small form: its column, owner, next action and due day. Field ids carry the
    /// lead (`status[<lead>]`) so that each form's labels and errors are its own.
    static func moveForms(_ context: PageContext, centre: UUID, board: [LeadStore.Row], _ state: State) -> HTML {
        guard !board.isEmpty else { return .empty }
        var context = context
        context.labelPrefix = "leadform."
        let forms: [HTML] = board.map { row in
            let lead = row.lead.storedID
            let key = UUIDText.string(lead)
            let refused = state.moved == lead
            let v = refused ? state.move : MoveValues(row.lead)
            let issues = refused ? state.moveIssues.map { FieldIssue(field: "\($0.field)[\(key)]", code: $0.code, detail: $0.detail) } : []
            let open: HTML = refused ? " open" : ""
            return """
            <details class="lead-move" id="move-\(key)"\(open)><summary>\(row.project.title) — \(context["leadstatus.\(row.lead.status)"])</summary>
            <form method="post" action="\(CentresURL.moveLead(.value(centre), .value(lead)).path)#move-\(key)">\(context.csrfField)
            \(Components.errorSummary(context, issues))
            \(Components.select(context, field: "status[\(key)]", name: "status", label: context["leadform.status"], options: statusOptions(context),
                                selected: v.status, issues: issues))
            \(Components.textField(context, issues, field: "owner[\(key)]", name: "owner", label: context["board.owner"], value: v.owner, required: true, maxLength: 200))
            \(Components.textField(context, issues, field: "nextAction[\(key)]", name: "nextAction", label: context["board.next"], value: v.nextAction, maxLength: 500))
            \(Components.textField(context, issues, field: "dueOn[\(key)]", name: "dueOn", label: context["board.due"], value: v.dueOn, type: "date",
                                   hint: context["leadform.dueHint"]))
            <button type="submit" class="button">\(context["leadform.move"])</button>
            </form></details>
            """
        }
        return """
        <h3 id="move-leads">\(context["leadform.moveTitle"])</h3>
        \(forms)
        """
    }
}
