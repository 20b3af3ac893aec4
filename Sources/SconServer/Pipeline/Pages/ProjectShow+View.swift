import SconDomain
import Vapor

/// One project: its facts, the way with the next gate, readiness, participants, deliverables,
/// milestones and timeline, the tender, results and money, with the forms its reader may use.
enum ProjectShowPage {
    struct Model {
        var dossier: ProjectDossier
        var place: String
        var organisation: String
        var callTitle: String?
        var earmarks: [Earmark] = []
        var organisations: [Organisation] = []
        var mayBook = false
        var message: String? = nil
        var problem: String? = nil
        var issues: [FieldIssue] = []
        /// The booking form's values and what was wrong with them, shown at the form.
        var booking: BookingValues? = nil
        var bookingProblem: String? = nil
        var bookingIssues: [FieldIssue] = []
    }

    /// What a fund manager typed in the booking form, kept when it is refused.
    struct BookingValues: Sendable {
        var movement: String?; var amount: String?; var currency: String?; var instrument: String?
        var earmark: String?; var valueDay: String?; var memo: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let dossier = model.dossier
        let project = dossier.project
        let way: [HTML] = ProjectStage.way.map { stage in
            let current: HTML = stage == dossier.stage ? " aria-current=\"step\" class=\"current\"" : ""
            return "<li\(current)>\(context["stage.\(stage.rawValue)"])</li>"
        }
        let call: HTML = project.callID.map { "<a href=\"\(OpenCallURL.call(.value($0)).path)\">\(model.callTitle ?? "")</a>" } ?? "\(context["common.none"])"
        let description = project.description.text(in: context.language)
        let body: HTML = """
        <p class="breadcrumb"><a href="\(ProjectURL.projects.path)">\(context["area.projects.name"])</a></p>
        <h1>\(project.code) \(project.title) \(Components.sampleBadge(context, project.sample))</h1>
        \(Components.notice(model.message))\(Components.alert(model.problem))\(Components.errorSummary(context, model.issues))
        \(description.isEmpty ? HTML.empty : "<p class=\"lead\">\(description)</p>")
        <dl class="facts">
        \(Components.definition(context["projects.stage"], "<span class=\"badge badge-state\">\(context["stage.\(project.stage)"])</span>"))
        \(Components.definition(context["selection.place"], "\(model.place)"))
        \(Components.definition(context["proposalfield.organisation"], "\(model.organisation)"))
        \(Components.definition(context["proposalfield.supportType"], "\(context["supporttype.\(project.supportType)"])"))
        \(Components.definition(context["field.sectors"], "\(dossier.sectors.map { context["sector.\($0.rawValue)"] }.joined(separator: ", "))"))
        \(Components.definition(context["projects.origin"], call))
        </dl>
        <h2>\(context["projects.way"])</h2>
        <ol class="stages">\(way)</ol>
        \(moves(context, model))
        \(readiness(context, model))
        \(participants(context, dossier))
        \(deliverables(context, model))
        \(milestones(context, dossier))
        \(tender(context, dossier))
        \(results(context, dossier))
        \(ProjectFinanceSection.render(context, model))
        \(ProjectForms.render(context, model, .init(organisations: model.organisations)))
        """
        return Layout.page(context, title: "\(project.code) \(project.title)", current: "nav.projects", body: body)
    }

    private static func moves(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.dossier.project.storedID
        let lines: [HTML] = model.dossier.moves.map { move in
            let label = context.strings.format("pipeline.move", ["stage": context["stage.\(move.to.rawValue)"]])
            if let refusal = move.refusal {
                return "<p><strong>\(context["pipeline.next"]): \(context["stage.\(move.to.rawValue)"])</strong> — \(context.strings.format("pipeline.closed", ["reason": context.strings.localized(refusal)]))</p>"
            }
            guard model.dossier.mayManage else { return "<p><strong>\(context["pipeline.next"]): \(context["stage.\(move.to.rawValue)"])</strong></p>" }
            return """
            <form method="post" action="\(ProjectURL.projectStage(.value(id)).path)">\(context.csrfField)<input type="hidden" name="to" value="\(move.to.rawValue)">\
            <button type="submit" class="button">\(label)</button></form>
            """
        }
        let finished = model.dossier.stage == .completed || model.dossier.stage == .dropped
        let drop: HTML = model.dossier.mayManage && !finished ? """
            <details><summary>\(context["pipeline.drop"])</summary><form method="post" action="\(ProjectURL.projectStage(.value(id)).path)" class="stacked">\(context.csrfField)
            <input type="hidden" name="to" value="dropped">\(Components.textArea(context, model.issues, field: "reason", name: "reason", label: context["pipeline.dropReason"], value: nil))
            <button type="submit" class="button danger">\(context["pipeline.drop"])</button></form></details>
            """ : .empty
        return HTML(raw: lines.map(\.text).joined()) + drop
    }

    private static func readiness(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.dossier.project.storedID
        let rows: [HTML] = model.dossier.flags.map { flag in
            let state: HTML = flag.justification.map { "<span class=\"badge\">\(context["pipeline.justified"])</span> \($0.reason)" }
                ?? "<span class=\"badge badge-alert\">\(context["pipeline.red"])</span>"
            let form: HTML = model.dossier.mayManage && flag.justification == nil ? """
                <form method="post" action="\(ProjectURL.projectReadiness(.value(id)).path)" class="inline-form">\(context.csrfField)<input type="hidden" name="flag" value="\(flag.flag.rawValue)">\
                <label class="visually-hidden" for="j-\(flag.flag.rawValue)">\(context["pipeline.justifyReason"])</label><input id="j-\(flag.flag.rawValue)" name="reason" maxlength="2000" placeholder="\(context["pipeline.justifyReason"])">\
                <button type="submit" class="link-button">\(context["pipeline.justify"])</button></form>
                """ : .empty
            return "<tr><th scope=\"row\">\(context["readiness.\(flag.flag.rawValue)"])</th><td>\(state)</td><td>\(form)</td></tr>"
        }
        return """
        <h2>\(context["pipeline.readiness"])</h2>
        \(rows.isEmpty ? "<p>\(context["pipeline.allClear"])</p>" as HTML : "<table class=\"list\"><tbody>\(rows)</tbody></table>")
        """
    }

    private static func participants(_ context: PageContext, _ dossier: ProjectDossier) -> HTML {
        let items: [HTML] = dossier.participants.map { line in
            "<li>\(line.organisation?.name.text(in: context.language) ?? "") — \(context["role.\(line.participant.role)"])</li>"
        }
        return "<h2>\(context["pipeline.participants"])</h2>" + (items.isEmpty ? "<p>\(context["pipeline.none"])</p>" : "<ul>\(items)</ul>")
    }

    private static func deliverables(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.dossier.project.storedID
        let rows: [HTML] = model.dossier.deliverables.map { line in
            let versions: [HTML] = line.versions.enumerated().map { index, version in
                let label = context.strings.format("pipeline.version", ["number": String(version.number)])
                let path = ProjectAPI.versionFile(.value(id), .value(line.deliverable.storedID), .value(version.number)).path
                let named: HTML = version.filename == nil ? "\(label)" : "<a href=\"\(path)\">\(label)</a>"
                let approved: HTML = version.approvedAt.map { " (\(context.strings.format("pipeline.approved", ["day": CalendarDay($0).description])))" } ?? .empty
                return (index > 0 ? "; " : "") + named + approved
            }
            let approvable = model.dossier.mayManage && (line.versions.last.map { $0.approvedAt == nil } ?? false)
            let approve: HTML = approvable ? """
                <form method="post" action="\(ProjectURL.projectApproval(.value(id), .value(line.deliverable.storedID)).path)" class="inline">\(context.csrfField)\
                <button type="submit" class="link-button">\(context["pipeline.approve"])</button></form>
                """ : .empty
            return """
            <tr><th scope="row">\(line.deliverable.title)</th><td>\(context["deliverable.\(line.deliverable.kind)"])</td>\
            <td>\(versions.isEmpty ? ["\(context["pipeline.noVersion"])"] : versions)</td><td>\(approve)</td></tr>
            """
        }
        return "<h2>\(context["pipeline.deliverables"])</h2>" + (rows.isEmpty ? "<p>\(context["pipeline.none"])</p>" : "<table class=\"list\"><tbody>\(rows)</tbody></table>")
    }

    private static func milestones(_ context: PageContext, _ dossier: ProjectDossier) -> HTML {
        let rows: [HTML] = dossier.milestones.map { milestone in
            "<tr><th scope=\"row\">\(milestone.title.text(in: context.language))</th><td>\(milestone.planned)</td><td>\(milestone.actual ?? "—")</td></tr>"
        }
        let events: [HTML] = dossier.timeline.map { event in
            let text = event.money.map { MoneyText.money($0, context.language) } ?? event.text
            return "<li><time datetime=\"\(event.day)\">\(event.day)</time> \(context["timeline.\(event.kind)"])\(text.isEmpty ? "" : ": " + text)</li>"
        }
        return """
        <h2>\(context["pipeline.milestones"])</h2>
        \(rows.isEmpty ? "<p>\(context["pipeline.none"])</p>" as HTML : "<table class=\"list\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">\(context["pipeline.planned"])</th><th scope=\"col\">\(context["pipeline.actual"])</th></tr></thead><tbody>\(rows)</tbody></table>")
        <h3>\(context["pipeline.timeline"])</h3>
        \(events.isEmpty ? "<p>\(context["pipeline.none"])</p>" as HTML : "<ol class=\"timeline\">\(events)</ol>")
        """
    }

    private static func tender(_ context: PageContext, _ dossier: ProjectDossier) -> HTML {
        guard let tender = dossier.tender else { return "<h2>\(context["pipeline.tender"])</h2><p>\(context["pipeline.none"])</p>" }
        let bids: [HTML] = dossier.bids.map { line in
            let won: HTML = tender.awardedBidID == line.bid.id ? " <span class=\"badge\">\(context["pipeline.awarded"])</span>" : ""
            return "<tr><th scope=\"row\">\(line.organisation?.name.text(in: context.language) ?? "")\(won)</th><td class=\"number\">\(MoneyText.krw(line.bid.amountKRW, context.language))</td><td class=\"number\">\(line.bid.technicalScore)</td></tr>"
        }
        return """
        <h2>\(context["pipeline.tender"])</h2>
        <p>\(tender.terms)</p>
        <dl class="facts">\(Components.definition(context["pipeline.agreedOn"], "\(tender.agreedOn)"))\(Components.definition(context["pipeline.closesOn"], "\(tender.closesOn)"))\
        \(Components.definition(context["pipeline.awarded"], "\(tender.awardedAt.map { CalendarDay($0).description } ?? "—")"))</dl>
        \(bids.isEmpty ? HTML.empty : "<table class=\"list\"><caption>\(context["pipeline.bids"])</caption><thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"number\">\(context["finance.amount"])</th><th scope=\"col\" class=\"number\">\(context["pipeline.score"])</th></tr></thead><tbody>\(bids)</tbody></table>")
        """
    }

    private static func results(_ context: PageContext, _ dossier: ProjectDossier) -> HTML {
        let rows: [HTML] = dossier.indicators.flatMap { line in
            let head: HTML = "<tr><th scope=\"row\" colspan=\"3\">\(line.indicator.title.text(in: context.language)) — \(context["pipeline.baseline"]) \(line.indicator.baselineValue) (\(line.indicator.baselineYear))</th></tr>"
            return [head] + line.periods.map { period in
                "<tr><td>\(period.start) – \(period.end)</td><td class=\"number\">\(context["pipeline.target"]) \(period.target ?? "—")</td><td class=\"number\">\(context["pipeline.actual"]) \(period.actual ?? "—")</td></tr>"
            }
        }
        return "<h2>\(context["pipeline.results"])</h2>" + (rows.isEmpty ? "<p>\(context["pipeline.none"])</p>" : "<table class=\"list\"><tbody>\(rows)</tbody></table>")
    }
}
