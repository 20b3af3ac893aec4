import Foundation
import SconDomain
import Vapor

/// The event on the day, on its page: the organiser checks participants in and marks each
/// published meeting held or no-show with a follow-up note (`EventStore.checkIn` / `outcome`,
/// the API's store); a held meeting's follow-up becomes a lead on the centre's board. The two
/// sides see their own meetings' outcome and note; nobody else does.
enum DayForms {
    /// A meeting's outcome form as typed, kept when it is refused.
    struct OutcomeValues: Content, Sendable {
        var outcome: String?
        var notes: String?
        init() {}
    }

    /// The outcome form that was refused: which meeting, what was typed, why.
    struct Refused: Sendable {
        var meeting: UUID
        var values: OutcomeValues
        var issues: [FieldIssue]
    }

    /// Whether check-in and outcomes are recorded at this stage (as the store decides).
    static func onTheDay(_ state: EventState) -> Bool { state == .published || state == .held }

    /// A moment as the event's local time, `HH:mm`.
    static func time(_ plan: EventPlan, _ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = plan.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The registration's check-in cell for the organiser.
    static func checkIn(_ context: PageContext, _ model: EventPage.Model, _ row: EventRegistration) -> HTML {
        if let at = row.checkedInAt {
            return "<span class=\"badge\">\(context.strings.format("checkin.done", ["time": time(model.plan, at)]))</span>"
        }
        guard onTheDay(model.state), row.status == RegistrationStatus.validated.rawValue else { return "—" }
        return """
        <form method="post" action="\(CentresURL.checkIn(.value(model.event.storedID), .value(row.storedID)).path)" class="inline">\(context.csrfField)\
        <button type="submit" class="button button-secondary">\(context["checkin.button"])</button></form>
        """
    }

    /// The published meetings with their outcome forms (the organiser's part).
    static func outcomes(_ context: PageContext, _ model: EventPage.Model) -> HTML {
        guard onTheDay(model.state) else { return .empty }
        var context = context
        context.labelPrefix = "outcome."
        let id = model.event.storedID
        let names = Dictionary(uniqueKeysWithValues: model.registrations.map { ($0.storedID, $0.organisation) })
        let meetings = model.requests.filter { $0.published != nil && !$0.cancelled }
            .sorted { ($0.published?.slot ?? 0, $0.published?.table ?? 0) < ($1.published?.slot ?? 0, $1.published?.table ?? 0) }
        guard !meetings.isEmpty else { return "<h3 id=\"on-the-day\">\(context["outcome.title"])</h3><p>\(context["outcome.none"])</p>" }
        let options = MeetingOutcome.allCases.map { (value: $0.rawValue, label: context["outcome.\($0.rawValue)"]) }
        let items: [HTML] = meetings.map { row in
            let key = UUIDText.string(row.storedID)
            let refused = model.refusedOutcome?.meeting == row.storedID ? model.refusedOutcome : nil
            let issues = (refused?.issues ?? []).map { FieldIssue(field: "\($0.field)[\(key)]", code: $0.code, detail: $0.detail) }
            let outcome = refused?.values.outcome ?? row.outcome
            let notes = refused?.values.notes ?? row.notes
            let slot = row.published?.slot ?? 0, table = (row.published?.table ?? 0) + 1
            let pair = "\(names[row.fromID] ?? "?") – \(names[row.toID] ?? "?")"
            let recorded: HTML = row.outcome.map { "<p>\(context.strings.format("outcome.recorded", ["outcome": context["outcome.\($0)"]]))</p>" as HTML } ?? .empty
            var lead: HTML = .empty
            if row.outcome == MeetingOutcome.held.rawValue, model.keepsBoard, let centre = model.event.centreID {
                lead = "<p><a class=\"button button-secondary\" href=\"\(CentresURL.centre(.value(centre)).path)?meeting=\(key)#new-lead\">\(context["outcome.makeLead"])</a></p>"
            }
            return """
            <li id="meeting-\(key)"><h4>\(AgendaTime.short(model.plan, slot: slot)) · \(context["agenda.tableColumn"]) \(table) · \(pair)</h4>
            \(recorded)
            <form method="post" action="\(CentresURL.outcome(.value(id), .value(row.storedID)).path)#meeting-\(key)">\(context.csrfField)
            \(Components.errorSummary(context, issues))
            \(Components.select(context, field: "outcome[\(key)]", name: "outcome", label: context["outcome.outcome"], options: options, selected: outcome,
                                includeBlank: context["lead.proposalChoose"], issues: issues))
            \(Components.textArea(context, issues, field: "notes[\(key)]", name: "notes", label: context["outcome.notes"], value: notes, hint: context["outcome.notesHint"]))
            <button type="submit" class="button">\(context["outcome.save"])</button>
            </form>
            \(lead)</li>
            """
        }
        return """
        <h3 id="on-the-day">\(context["outcome.title"])</h3>
        <p class="hint">\(context["outcome.hint"])</p>
        <ul class="plain">\(items)</ul>
        """
    }

    /// A participant's own published meetings with their outcome and follow-up note.
    static func mine(_ context: PageContext, _ model: EventPage.Model, _ me: EventRegistration) -> HTML {
        let names = Dictionary(uniqueKeysWithValues: model.registrations.map { ($0.storedID, $0.organisation) })
        let rows: [HTML] = model.requests.filter { ($0.fromID == me.storedID || $0.toID == me.storedID) && $0.outcome != nil }.map { row in
            let other = names[row.fromID == me.storedID ? row.toID : row.fromID] ?? "—"
            return "<tr><th scope=\"row\">\(other)</th><td>\(context["outcome.\(row.outcome ?? "")"])</td><td>\(row.notes ?? "")</td></tr>"
        }
        guard !rows.isEmpty else { return .empty }
        return """
        <table class="list"><caption>\(context["outcome.mine"])</caption><thead><tr><th scope="col">\(context["registration.organisation"])</th>\
        <th scope="col">\(context["outcome.outcome"])</th><th scope="col">\(context["outcome.notes"])</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
}
