import SconDomain
import Vapor

/// The officer's page for a call in review: the pool, the exact assignment with its check of
/// optimality, the pairs with pin and remove, and the standings.
enum AssignmentPage {
    struct Model {
        var call: CallDTO
        var pool: [(user: User, reviewer: PoolReviewer)]
        var pairs: [ReviewAssignment]
        var titles: [UUID: String]
        var standings: [ProposalStanding]
        var run: AssignmentStore.Run? = nil
        var message: String? = nil
        var problem: String? = nil
        var issues: [FieldIssue] = []
        var selection: [SelectionTable.Row] = []
        var unranked: [(title: String, why: String)] = []
        /// The due day of the last assignment run, if any.
        var reviewsDue: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let callID = model.call.id
        let names = Dictionary(model.pool.map { ($0.reviewer.id, $0.user.displayName) }, uniquingKeysWith: { first, _ in first })
        let load = Dictionary(grouping: model.pairs.filter { $0.status == ReviewAssignment.assigned }, by: { UUIDText.string($0.reviewerID) }).mapValues(\.count)
        let poolRows: [HTML] = model.pool.map { member in
            let profile = member.reviewer.profile
            let sectors = profile.sectors.map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")
            return """
            <tr><th scope="row">\(member.user.displayName)</th><td>\(sectors)</td><td>\(profile.countries.map(\.value).joined(separator: ", "))</td>\
            <td>\(profile.languages.map(\.rawValue).joined(separator: ", "))</td><td class="number">\(load[member.reviewer.id] ?? 0) / \(profile.capacity)</td>\
            <td>\(context[profile.available ? "common.yes" : "common.no"])\(profile.unavailable.isEmpty ? "" : " (" + profile.unavailable.map(\.description).joined(separator: ", ") + ")")</td></tr>
            """
        }
        // The assignment changes only while the call is in review: after the decision the run
        // form and the pin/remove buttons are gone (the server refuses those POSTs all the same).
        let changeable = model.call.state == .inReview
        let pairRows: [HTML] = model.pairs.map { pair in
            let action = pair.status == ReviewAssignment.assigned ? "remove" : "pin"
            guard changeable else {
                return """
                <tr><td>\(model.titles[pair.proposalID] ?? "")</td><td>\(names[UUIDText.string(pair.reviewerID)] ?? "")</td><td class="number">\(pair.affinity)</td>\
                <td>\(context["assignment.\(pair.status)"])\(pair.pinned ? HTML(raw: " 📌") : HTML.empty)</td><td></td></tr>
                """
            }
            return """
            <tr><td>\(model.titles[pair.proposalID] ?? "")</td><td>\(names[UUIDText.string(pair.reviewerID)] ?? "")</td><td class="number">\(pair.affinity)</td>\
            <td>\(context["assignment.\(pair.status)"])\(pair.pinned ? HTML(raw: " 📌") : HTML.empty)</td>\
            <td><form method="post" action="\(ReviewURL.callAssignmentPair(.value(callID)).path)" class="inline">\(context.csrfField)\
            <input type="hidden" name="proposal" value="\(UUIDText.string(pair.proposalID))"><input type="hidden" name="reviewer" value="\(UUIDText.string(pair.reviewerID))">\
            <button type="submit" name="action" value="\(action)" class="link-button">\(context["assignment.\(action)"])</button></form></td></tr>
            """
        }
        let standingRows: [HTML] = model.standings.map { standing in
            let title = UUID(uuidString: standing.proposal).flatMap { model.titles[$0] } ?? standing.proposal
            return """
            <tr><th scope="row">\(title)</th><td class="number">\(standing.reviewCount)</td><td class="number">\(String(format: "%.2f", standing.rawMean))</td>\
            <td class="number">\(String(format: "%.2f", standing.normalizedScore))</td><td class="number">\(String(format: "%.2f", standing.spread))</td>\
            <td>\(standing.needsConsensus ? context["assignment.consensus"] : "")</td></tr>
            """
        }
        let result: HTML = model.run.map { run in
            let objective = context.strings.format("assignment.result", ["objective": MoneyText.grouped(run.objective), "pairs": String(run.pairs.count)])
            let proof: String
            if let fairness = run.fairness {
                proof = context.strings.format("assignment.fairnessResult", ["weakest": MoneyText.grouped(fairness.weakest), "bound": MoneyText.grouped(fairness.weakestBound)])
                    + " " + context[fairness.proven ? "assignment.fairnessProven" : "assignment.fairnessNotProven"]
                    + " " + (fairness.totalProven ? context["assignment.fairnessTotalProven"]
                             : context.strings.format("assignment.fairnessTotalNotProven", ["bound": MoneyText.grouped(fairness.totalBound)]))
            } else {
                proof = context[run.optimal ? "assignment.optimal" : "assignment.notProven"]
            }
            return "<div class=\"notice\" role=\"status\"><p>\(objective) \(proof) \(context.strings.format("assignment.due", ["day": run.reviewsDue]))</p></div>"
        } ?? .empty
        let message: HTML = Components.notice(model.message)
        let problem: HTML = Components.alert(model.problem)
        let runForm: HTML = """
        <form method="post" action="\(ReviewURL.callAssignment(.value(callID)).path)" class="inline-form">\(context.csrfField)
        \(Components.textField(context, model.issues, field: "reviewsPerProposal", name: "reviewsPerProposal", label: context["assignment.k"], value: "3", type: "number"))
        \(Components.select(context, field: "objective", name: "objective", label: context["assignment.objective"],
                            options: [("total", context["assignment.objective.total"]), ("fairness", context["assignment.objective.fairness"])],
                            selected: model.run?.fairness != nil ? "fairness" : "total"))
        \(Components.textField(context, model.issues, field: "loadBalancing", name: "loadBalancing", label: context["assignment.balancing"], value: "100", type: "number", hint: context["assignment.balancingHint"]))
        \(Components.textField(context, model.issues, field: "reviewsDue", name: "reviewsDue", label: context["assignment.reviewsDue"], value: model.reviewsDue, type: "date", hint: context["assignment.reviewsDueHint"]))
        <button type="submit" class="button">\(context["assignment.run"])</button></form>
        """
        let title = context["assignment.title"]
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.call(.value(callID)).path)">\(model.call.terms.title.text(in: context.language))</a></p>
        <h1>\(title)</h1>
        \(result)\(message)\(problem)\(Components.errorSummary(context, model.issues))
        <h2>\(context["assignment.pool"])</h2>
        \(poolRows.isEmpty ? "<p>\(context["assignment.noPool"])</p>" as HTML : "<table class=\"list\"><thead><tr><th scope=\"col\">\(context["field.name"])</th><th scope=\"col\">\(context["field.sectors"])</th><th scope=\"col\">\(context["assignment.countries"])</th><th scope=\"col\">\(context["assignment.languages"])</th><th scope=\"col\" class=\"number\">\(context["assignment.load"])</th><th scope=\"col\">\(context["reviewer.available"])</th></tr></thead><tbody>\(poolRows)</tbody></table>")
        <h2>\(context["assignment.run"])</h2>
        \(changeable ? HTML.empty : "<p class=\"muted\">\(context["assignment.frozen"])</p>" as HTML)
        \(changeable ? runForm : HTML.empty)
        <h2>\(context["assignment.pairs"])</h2>
        \(pairRows.isEmpty ? "<p>\(context["assignment.none"])</p>" as HTML : "<table class=\"list\"><thead><tr><th scope=\"col\">\(context["proposalfield.title"])</th><th scope=\"col\">\(context["assignment.reviewer"])</th><th scope=\"col\" class=\"number\">\(context["assignment.affinity"])</th><th scope=\"col\">\(context["field.state"])</th><th scope=\"col\"></th></tr></thead><tbody>\(pairRows)</tbody></table>")
        \(pairRows.isEmpty ? HTML.empty : "<p class=\"hint\">\(context["assignment.affinityHint"])</p>" as HTML)
        <h2>\(context["assignment.standings"])</h2>
        \(standingRows.isEmpty ? "<p>\(context["assignment.noStandings"])</p>" as HTML : "<table class=\"list\"><thead><tr><th scope=\"col\">\(context["proposalfield.title"])</th><th scope=\"col\" class=\"number\">\(context["assignment.reviews"])</th><th scope=\"col\" class=\"number\">\(context["assignment.raw"])</th><th scope=\"col\" class=\"number\">\(context["assignment.normalised"])</th><th scope=\"col\" class=\"number\">\(context["assignment.spread"])</th><th scope=\"col\"></th></tr></thead><tbody>\(standingRows)</tbody></table>")
        \(standingRows.isEmpty ? HTML.empty : "<p class=\"hint\">\(context["assignment.standingsHint"])</p>" as HTML)
        """
        let unranked: [HTML] = model.unranked.map { item in
            let why: String
            if item.why.hasPrefix("not-eligible: ") {
                let rules = item.why.dropFirst("not-eligible: ".count).split(separator: ",").map { context["eligibility.\($0.trimmingCharacters(in: .whitespaces))"] }
                why = context.strings.format("selection.notEligible", ["rules": rules.joined(separator: "; ")])
            } else {
                why = context["selection.notReviewed"]
            }
            return "<li>\(item.title): \(why)</li>"
        }
        let confirm: HTML = model.call.state == .inReview && model.selection.contains { $0.entry.reason == .selected } ? """
            <form method="post" action="\(OpenCallURL.callDecision(.value(callID)).path)">\(context.csrfField)
            <p class="hint">\(context["selection.confirmHint"])</p><button type="submit" class="button">\(context["selection.confirm"])</button></form>
            """ : .empty
        let selection: HTML = """
            <h2>\(context["selection.title"])</h2>
            \(SelectionTable.summary(context, model.selection, terms: model.call.terms, unranked: model.unranked.count))
            \(SelectionTable.render(context, model.selection, caption: context["selection.rule"]))
            \(unranked.isEmpty ? HTML.empty : "<h3>\(context["selection.unranked"])</h3><ul>\(unranked)</ul>")
            \(confirm)
            """
        return Layout.page(context, title: title, current: "nav.calls", body: body + selection)
    }
}
