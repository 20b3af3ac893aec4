import SconDomain
import Vapor

/// The pair page's "From conversation to the programme's work" section, once both sides are
/// interested: what the pair became (lead, meeting requests, draft proposal, with links) and the
/// forms for those who may make each.
enum MarketplaceFollowUpSection {
    /// Which form an answer belongs to (to show its errors next to its fields).
    enum Form: String, Sendable { case lead, meeting, proposal }

    struct Model {
        var made: FollowUpStore.Made
        /// Centres covering the challenge's country whose board the viewer keeps.
        var leadCentres: [Centre]
        /// Events where the viewer may ask the other side for a meeting (nil: the viewer speaks for neither side).
        var chances: [FollowUpStore.MeetingChance]?
        /// Open calls for the challenge's organisation (nil: the viewer does not write its proposals).
        var calls: [Call]?
        var form: Form? = nil
        var issues: [FieldIssue] = []
        var values: [String: String] = [:]
        /// Whether the viewer keeps the lead's board (a lead's record is its centre's staff's and the office's to open).
        var keepsLeadBoard = false
    }

    static func render(_ context: PageContext, challenge cid: UUID, solution sid: UUID, _ model: Model) -> HTML {
        let language = context.language
        func issues(_ form: Form) -> [FieldIssue] { model.form == form ? model.issues : [] }
        func value(_ form: Form, _ name: String) -> String? { model.form == form ? model.values[name] : nil }
        let supportTypes = SupportType.allCases.map { (value: $0.rawValue, label: context["supporttype.\($0.rawValue)"]) }

        // What the pair became.
        var made: [HTML] = []
        if let lead = model.made.lead {
            let centre = model.made.leadCentre?.name.text(in: language) ?? ""
            let record: HTML = model.keepsLeadBoard
                ? " (<a href=\"\(ProjectURL.project(.value(lead.projectID)).path)\">\(context["market.follow.lead.project"])</a>)" : .empty
            made.append("<li>\(context["market.follow.lead.made"]) <a href=\"\(CentresURL.centre(.value(lead.centreID)).path)\">\(centre)</a>\(record)</li>")
        }
        for (meeting, event) in model.made.meetings {
            let title = event?.title.text(in: language) ?? ""
            made.append("<li>\(context["market.follow.meeting.made"]) <a href=\"\(CentresURL.event(.value(meeting.eventID)).path)\">\(title)</a></li>")
        }
        if let proposal = model.made.proposal {
            made.append("<li>\(context["market.follow.proposal.made"]) <a href=\"\(OpenCallURL.proposal(.value(proposal.storedID)).path)\">\(proposal.title)</a></li>")
        }
        let madeHTML: HTML = made.isEmpty ? "<p>\(context["market.follow.none"])</p>" : "<ul>\(made)</ul>"

        // A lead on a centre's board.
        let leadForm: HTML
        if model.made.lead != nil || model.leadCentres.isEmpty {
            leadForm = .empty
        } else {
            let centres = model.leadCentres.map { (value: UUIDText.string($0.storedID), label: $0.name.text(in: language)) }
            leadForm = """
            <h3>\(context["market.follow.lead"])</h3>
            <p class="hint">\(context["market.follow.lead.explain"])</p>
            <form method="post" action="\(MarketplaceURL.pairLead(challenge: .value(cid), solution: .value(sid)).path)#follow-up" class="stacked" novalidate>
            \(context.csrfField)
            \(Components.errorSummary(context, issues(.lead)))
            \(Components.select(context, field: "centre", name: "centre", label: context["field.centre"], options: centres,
                                selected: value(.lead, "centre") ?? centres.first?.value, issues: issues(.lead)))
            \(Components.select(context, field: "supportType", name: "supportType", label: context["field.supportType"], options: supportTypes,
                                selected: value(.lead, "supportType"), includeBlank: context["market.choose"], issues: issues(.lead)))
            \(Components.textField(context, issues(.lead), field: "owner", name: "owner", label: context["field.owner"], value: value(.lead, "owner"),
                                   hint: context["market.follow.owner.hint"], maxLength: 200))
            <button type="submit" class="button">\(context["market.follow.lead.do"])</button>
            </form>
            """
        }

        // A meeting request at an event.
        let meetingForm: HTML
        if let chances = model.chances {
            if chances.isEmpty {
                meetingForm = "<h3>\(context["market.follow.meeting"])</h3><p>\(context["market.follow.meeting.none"])</p>"
            } else {
                let events = chances.map { (value: UUIDText.string($0.event.storedID), label: "\($0.event.title.text(in: language)) (\($0.event.firstDay))") }
                meetingForm = """
                <h3>\(context["market.follow.meeting"])</h3>
                <p class="hint">\(context["market.follow.meeting.explain"])</p>
                <form method="post" action="\(MarketplaceURL.pairMeeting(challenge: .value(cid), solution: .value(sid)).path)#follow-up" class="stacked" novalidate>
                \(context.csrfField)
                \(Components.errorSummary(context, issues(.meeting)))
                \(Components.select(context, field: "event", name: "event", label: context["field.event"], options: events,
                                    selected: value(.meeting, "event") ?? events.first?.value, issues: issues(.meeting)))
                \(Components.textArea(context, issues(.meeting), field: "message", name: "message", label: context["market.follow.meeting.message"],
                                      value: value(.meeting, "message"), hint: context["market.follow.meeting.message.hint"]))
                <button type="submit" class="button">\(context["market.follow.meeting.do"])</button>
                </form>
                """
            }
        } else { meetingForm = .empty }

        // A draft proposal in an open call.
        let proposalForm: HTML
        if let calls = model.calls, model.made.proposal == nil {
            if calls.isEmpty {
                proposalForm = "<h3>\(context["market.follow.proposal"])</h3><p>\(context["market.follow.proposal.none"])</p>"
            } else {
                let options = calls.map { call in
                    (value: UUIDText.string(call.storedID), label: (try? call.terms().title.text(in: language)) ?? UUIDText.string(call.storedID))
                }
                let own = issues(.proposal).map { FieldIssue(field: "proposal-\($0.field)", code: $0.code, detail: $0.detail) }
                proposalForm = """
                <h3>\(context["market.follow.proposal"])</h3>
                <p class="hint">\(context["market.follow.proposal.explain"])</p>
                <form method="post" action="\(MarketplaceURL.pairProposal(challenge: .value(cid), solution: .value(sid)).path)" class="stacked" novalidate>
                \(context.csrfField)
                \(Components.errorSummary(context, own))
                \(Components.select(context, field: "proposal-call", name: "call", label: context["field.call"], options: options,
                                    selected: value(.proposal, "call") ?? options.first?.value, issues: own))
                \(Components.select(context, field: "proposal-supportType", name: "supportType", label: context["field.supportType"], options: supportTypes,
                                    selected: value(.proposal, "supportType"), includeBlank: context["market.choose"], issues: own))
                \(Components.textField(context, own, field: "proposal-budget", name: "budget", label: context["market.follow.budget"],
                                       value: value(.proposal, "budget"), hint: context["market.follow.budget.hint"], maxLength: 20))
                <button type="submit" class="button">\(context["market.follow.proposal.do"])</button>
                </form>
                """
            }
        } else { proposalForm = .empty }

        return """
        <section id="follow-up"><h2>\(context["market.follow"])</h2>
        \(madeHTML)
        \(leadForm)
        \(meetingForm)
        \(proposalForm)
        </section>
        """
    }
}
