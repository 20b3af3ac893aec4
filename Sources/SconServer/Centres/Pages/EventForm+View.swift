import Foundation
import SconDomain
import Vapor

/// The organiser's form for an event's plan: a new event of a centre (or of the ministry) and
/// the edit of an existing one. What is typed goes to `EventDraft` — the API's own input and
/// checks — and comes back with each error next to its field when a rule is broken.
enum EventFormPage {
    /// The form as typed: text as it came, so that nothing is lost when it is shown again.
    struct Values: Content, Sendable {
        var type: String?
        var titleEn: String?
        var titleKo: String?
        var descriptionEn: String?
        var descriptionKo: String?
        var venue: String?
        var onlineLink: String?
        var timeZone: String?
        var firstDay: String?
        var lastDay: String?
        /// Local start times of each day's slots, "09:00, 09:30, 10:30" (a gap is a break).
        var slotTimes: String?
        var slotMinutes: String?
        var tables: String?
        var registrationOpens: String?
        var registrationCloses: String?
        var capacity: String?
        var b2b: String?
        var g2g: String?
        var answerHours: String?
        var call: String?
        var projects: [String]?

        init() {}

        /// Stands for an id that is not one: no call or project has it.
        static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

        /// A new event's starting values: one day of 30-minute B2B slots, answers within 72 hours.
        static func blank(timeZone: String?) -> Values {
            var values = Values()
            values.type = EventType.networkingDay.rawValue
            values.timeZone = timeZone
            values.slotMinutes = "30"
            values.answerHours = "72"
            values.b2b = "true"
            return values
        }

        /// The stored plan and links, as the form shows them.
        init(plan: EventPlan, links: EventLinks) {
            type = plan.type.rawValue
            titleEn = plan.title.en; titleKo = plan.title.ko
            descriptionEn = plan.description.en; descriptionKo = plan.description.ko
            venue = plan.venue; onlineLink = plan.onlineLink
            timeZone = plan.timeZone.identifier
            firstDay = plan.firstDay.description; lastDay = plan.lastDay.description
            slotTimes = plan.slotStarts.map(EventPlan.clock).joined(separator: ", ")
            slotMinutes = String(plan.slotMinutes); tables = String(plan.tables)
            registrationOpens = plan.registrationOpens.description; registrationCloses = plan.registrationCloses.description
            capacity = String(plan.capacity)
            b2b = plan.b2b ? "true" : nil; g2g = plan.g2g ? "true" : nil
            answerHours = String(plan.answerHours)
            call = links.call.map(UUIDText.string)
            projects = links.projects.map(UUIDText.string)
        }

        /// The slot times as listed (commas, spaces or new lines between them).
        var slotList: [String] {
            (slotTimes ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        }

        /// The draft the domain checks. A number that is not one is passed as -1 and an id that
        /// is not one as the nil UUID, so that the domain's own rule names the field.
        var draft: EventDraft {
            func number(_ text: String?) -> Int? {
                guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                return Int(text) ?? -1
            }
            func id(_ text: String) -> UUID { UUID(uuidString: text) ?? Self.noID }
            func text(_ value: String?) -> String? { value.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
            let slots = slotList
            return EventDraft(type: type, titleEn: titleEn, titleKo: titleKo, descriptionEn: text(descriptionEn), descriptionKo: text(descriptionKo),
                              venue: text(venue), onlineLink: text(onlineLink), timeZone: timeZone, firstDay: firstDay, lastDay: lastDay,
                              slotTimes: slots.isEmpty ? nil : slots, slotMinutes: number(slotMinutes), tables: number(tables),
                              registrationOpens: registrationOpens, registrationCloses: registrationCloses, capacity: number(capacity),
                              b2b: b2b == "true", g2g: g2g == "true", answerHours: number(answerHours),
                              call: text(call).map(id), projects: (projects ?? []).filter { !$0.isEmpty }.map(id))
        }
    }

    enum Mode {
        /// A new event of this centre, or of the ministry (nil).
        case create(Centre?)
        case edit(CentreEvent)
    }

    struct Model {
        var mode: Mode
        var values: Values
        var issues: [FieldIssue] = []
        /// Why the plan cannot be saved now (409), in the page's language.
        var problem: String? = nil
        /// Whether the form is shown (an event past "open" is not edited).
        var editable = true
        /// Calls the event may be linked to (id, title).
        var calls: [(id: UUID, title: String)] = []
        /// Projects the event may be linked to (id, code and title).
        var projects: [(id: UUID, title: String)] = []
    }

    /// The IANA zones of Korea and the ASEAN member states, offered first.
    static let zones = ["Asia/Seoul", "Asia/Bangkok", "Asia/Brunei", "Asia/Ho_Chi_Minh", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura",
                        "Asia/Kuala_Lumpur", "Asia/Manila", "Asia/Phnom_Penh", "Asia/Singapore", "Asia/Vientiane", "Asia/Yangon"]

    /// The zone of a host country's capital, for a new event's first value.
    static func zone(of country: String?) -> String? {
        let byCountry = ["KR": "Asia/Seoul", "TH": "Asia/Bangkok", "BN": "Asia/Brunei", "VN": "Asia/Ho_Chi_Minh", "ID": "Asia/Jakarta",
                         "MY": "Asia/Kuala_Lumpur", "PH": "Asia/Manila", "KH": "Asia/Phnom_Penh", "SG": "Asia/Singapore", "LA": "Asia/Vientiane",
                         "MM": "Asia/Yangon"]
        return country.flatMap { byCountry[$0] }
    }

    static func action(_ mode: Mode) -> String {
        switch mode {
        case .create(let centre?): CentresURL.newEvent(.value(centre.storedID)).path
        case .create(nil): CentresURL.newMinistryEvent.path
        case .edit(let event): CentresURL.editEvent(.value(event.storedID)).path
        }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        var context = context
        context.labelPrefix = "eventform."
        let v = model.values, issues = model.issues, language = context.language
        let title: String, back: HTML
        switch model.mode {
        case .create(let centre?):
            title = context["eventform.new"]
            back = "<p><a href=\"\(CentresURL.centre(.value(centre.storedID)).path)\">\(centre.name.text(in: language))</a></p>"
        case .create(nil):
            title = context["eventform.newMinistry"]
            back = "<p><a href=\"\(CentresURL.centres.path)\">\(context["area.centres.name"])</a></p>"
        case .edit(let event):
            title = context["eventform.edit"]
            back = "<p><a href=\"\(CentresURL.event(.value(event.storedID)).path)\">\(event.title.text(in: language))</a></p>"
        }
        guard model.editable else {
            return Layout.page(context, title: title, current: "nav.centres", body: "\(back)<h1>\(title)</h1>\(Components.alert(model.problem))")
        }
        let zoneOptions = v.timeZone.map { $0.isEmpty || Self.zones.contains($0) ? Self.zones : [$0] + Self.zones } ?? Self.zones
        let isEdit: Bool = { if case .edit = model.mode { return true } else { return false } }()
        let checked: (String?) -> HTML = { $0 == "true" ? " checked" : "" }
        let selectedProjects = Set(v.projects ?? [])
        let projectBoxes: [HTML] = model.projects.map { project in
            let id = UUIDText.string(project.id)
            let on: HTML = selectedProjects.contains(id) ? " checked" : ""
            return "<li><label><input type=\"checkbox\" name=\"projects[]\" value=\"\(id)\"\(on)> \(project.title)</label></li>"
        }
        let body: HTML = """
        \(back)
        <h1>\(title)</h1>
        \(Components.alert(model.problem))
        \(Components.errorSummary(context, issues.map { FieldIssue(field: String($0.field.prefix { $0 != "[" }), code: $0.code, detail: $0.detail) }))
        <form method="post" action="\(action(model.mode))" novalidate>
        \(context.csrfField)
        <fieldset class="field"><legend>\(context["eventform.what"])</legend>
        \(Components.select(context, field: "type", name: "type", label: context["eventform.type"],
                            options: EventType.allCases.map { ($0.rawValue, context["eventtype.\($0.rawValue)"]) }, selected: v.type, issues: issues))
        \(Components.textField(context, issues, field: "titleKo", name: "titleKo", label: context["eventform.titleKo"], value: v.titleKo, required: true, maxLength: 200, lang: "ko"))
        \(Components.textField(context, issues, field: "titleEn", name: "titleEn", label: context["eventform.titleEn"], value: v.titleEn, required: true, maxLength: 200, lang: "en"))
        \(Components.textArea(context, issues, field: "descriptionKo", name: "descriptionKo", label: context["eventform.descriptionKo"], value: v.descriptionKo, lang: "ko"))
        \(Components.textArea(context, issues, field: "descriptionEn", name: "descriptionEn", label: context["eventform.descriptionEn"], value: v.descriptionEn, lang: "en"))
        </fieldset>
        <fieldset class="field"><legend>\(context["eventform.whereWhen"])</legend>
        <p class="hint">\(context["eventform.placeHint"])</p>
        \(Components.textField(context, issues, field: "venue", name: "venue", label: context["eventform.venue"], value: v.venue, maxLength: 300))
        \(Components.textField(context, issues, field: "onlineLink", name: "onlineLink", label: context["eventform.onlineLink"], value: v.onlineLink, type: "url", maxLength: 500))
        \(Components.select(context, field: "timeZone", name: "timeZone", label: context["eventform.timeZone"], options: zoneOptions.map { ($0, $0) },
                            selected: v.timeZone, includeBlank: context["eventform.choose"], issues: issues))
        \(Components.textField(context, issues, field: "firstDay", name: "firstDay", label: context["eventform.firstDay"], value: v.firstDay, type: "date", required: true))
        \(Components.textField(context, issues, field: "lastDay", name: "lastDay", label: context["eventform.lastDay"], value: v.lastDay, type: "date", required: true,
                               hint: context["eventform.lastDayHint"]))
        </fieldset>
        <fieldset class="field"><legend>\(context["eventform.meetings"])</legend>
        \(slotField(context, v, issues))
        \(Components.textField(context, issues, field: "slotMinutes", name: "slotMinutes", label: context["eventform.slotMinutes"], value: v.slotMinutes, type: "number",
                               required: true, hint: context["eventform.slotMinutesHint"]))
        \(Components.textField(context, issues, field: "tables", name: "tables", label: context["eventform.tables"], value: v.tables, type: "number", required: true))
        <fieldset class="field"><legend>\(context["eventform.sides"])</legend>\(Components.fieldError(context, issues, "b2b"))
        <ul class="checks"><li><label><input type="checkbox" name="b2b" value="true"\(checked(v.b2b))> \(context["eventform.b2bBox"])</label></li>
        <li><label><input type="checkbox" name="g2g" value="true"\(checked(v.g2g))> \(context["eventform.g2gBox"])</label></li></ul></fieldset>
        \(Components.textField(context, issues, field: "answerHours", name: "answerHours", label: context["eventform.answerHours"], value: v.answerHours, type: "number",
                               hint: context["eventform.answerHoursHint"]))
        </fieldset>
        <fieldset class="field"><legend>\(context["eventform.registration"])</legend>
        \(Components.textField(context, issues, field: "registrationOpens", name: "registrationOpens", label: context["eventform.registrationOpens"], value: v.registrationOpens,
                               type: "date", required: true))
        \(Components.textField(context, issues, field: "registrationCloses", name: "registrationCloses", label: context["eventform.registrationCloses"],
                               value: v.registrationCloses, type: "date", required: true, hint: context["eventform.registrationClosesHint"]))
        \(Components.textField(context, issues, field: "capacity", name: "capacity", label: context["eventform.capacity"], value: v.capacity, type: "number", required: true))
        </fieldset>
        <fieldset class="field"><legend>\(context["eventform.links"])</legend>
        \(Components.select(context, field: "call", name: "call", label: context["eventform.call"], options: model.calls.map { (UUIDText.string($0.id), $0.title) },
                            selected: v.call, includeBlank: context["eventform.noCall"], issues: issues))
        \(model.projects.isEmpty && (v.projects ?? []).isEmpty ? "<p class=\"hint\">\(context["eventform.noProjects"])</p>" as HTML : """
        <fieldset class="field"><legend>\(context["eventform.projects"])</legend>\(Components.fieldError(context, issues, "projects"))<ul class="checks">\(projectBoxes)</ul></fieldset>
        """)
        </fieldset>
        <button type="submit" class="button">\(isEdit ? context["eventform.save"] : context["eventform.create"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.centres", body: body)
    }

    /// The slot times, with each broken rule naming the slot it is about ("10:20: begins before…").
    static func slotField(_ context: PageContext, _ v: Values, _ issues: [FieldIssue]) -> HTML {
        let id = Components.fieldID("slotTimes")
        let list = v.slotList
        let mine = issues.filter { $0.field == "slotTimes" || $0.field.hasPrefix("slotTimes[") }
        let messages: [String] = mine.map { issue in
            let index = issue.field.dropFirst("slotTimes[".count).prefix { $0.isNumber }
            let slot = Int(index).flatMap { $0 < list.count ? list[$0] : nil }
            return slot.map { "\($0) — \(context.localized(issue))" } ?? context.localized(issue)
        }
        let error: HTML = messages.isEmpty ? .empty : "<p class=\"field-error\" id=\"\(id)-error\">\(messages.joined(separator: " "))</p>"
        let described: HTML = messages.isEmpty ? " aria-describedby=\"\(id)-hint\"" : " aria-invalid=\"true\" aria-describedby=\"\(id)-hint \(id)-error\""
        return """
        <div class="field">
        <label for="\(id)">\(context["eventform.slotTimes"]) <span class="required" aria-hidden="true">*</span></label>
        <p class="hint" id="\(id)-hint">\(context["eventform.slotTimesHint"])</p>\(error)
        <input id="\(id)" name="slotTimes" type="text" value="\(v.slotTimes ?? "")" required\(described)>
        </div>
        """
    }
}
