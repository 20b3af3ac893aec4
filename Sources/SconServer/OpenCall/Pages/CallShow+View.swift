import SconDomain
import Vapor

/// One call: its terms for everyone; for those who manage it, the state buttons and the
/// call's audit history.
enum CallShowPage {
    struct Model {
        var call: CallDTO
        var countries: [CountryDTO]
        var mayManage: Bool
        var history: [AuditEntry]
        var message: String? = nil
        var problem: String? = nil
        /// The proposals the person may see, and what they may do.
        var proposals: [ProposalTable.Row] = []
        var mayPropose = false
        var endorsingCountries: [(code: String, name: String)] = []
        var showProposals = false
        var isReviewer = false
        var results: [SelectionTable.Row] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let call = model.call
        let terms = call.terms
        let language = context.language
        let other: Language = language == .ko ? .en : .ko
        let types = terms.supportTypes.map { context["supporttype.\($0.rawValue)"] }.joined(separator: ", ")
        let countries = terms.eligibleCountries.map { model.countries.name(of: $0.value, in: language) }.joined(separator: ", ")
        let budgets: [HTML] = terms.supportTypes.map { type in
            "<li>\(context["supporttype.\(type.rawValue)"]): \(MoneyText.readableKRW(terms.budgets[type] ?? 0, language))</li>"
        }
        let criteria: [HTML] = terms.evaluation.criteria.map {
            "<tr><th scope=\"row\">\($0.name.text(in: language))</th><td class=\"number\">\($0.weight)%</td></tr>"
        }
        let documents: [HTML] = terms.requiredDocuments.map { "<li>\($0.text(in: language))</li>" }
        let documentList: HTML = documents.isEmpty ? "<p>\(context["common.none"])</p>" : "<ul>\(documents)</ul>"
        let rules: [HTML] = terms.eligibilityRules.map { "<li>\(context["eligibility.\($0.rawValue)"])</li>" }
        let text = terms.text.text(in: language)
        let message: HTML = Components.notice(model.message)
        let problem: HTML = Components.alert(model.problem)
        let sampleNote: HTML = call.sample ? "<p class=\"notice\">\(context["sample.explain"])</p>" : .empty
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.calls.path)">\(context["calls.title"])</a></p>
        <h1>\(terms.title.text(in: language)) \(Components.sampleBadge(context, call.sample))</h1>
        <p class="subtitle" lang="\(other.rawValue)">\(terms.title.text(in: other))</p>
        \(sampleNote)\(message)\(problem)
        \(HowToApply.callToAction(context, call: call, mayPropose: model.mayPropose))
        <dl class="facts">
        \(Components.definition(context["field.state"], CallText.state(context, call.state)))
        \(Components.definition(context["field.supportTypes"], "\(types)"))
        \(Components.definition(context["field.eligibleCountries"], "\(countries)"))
        \(Components.definition(context["field.opensAt"], CallText.deadline(context, terms.schedule, opening: true)))
        \(Components.definition(context["field.closesAt"], CallText.deadline(context, terms.schedule)))
        \(Components.definition(context["field.selections"], "\(terms.selections)"))
        \(Components.definition(context["field.onePerCountry"], "\(context[terms.onePerCountry ? "common.yes" : "common.no"])"))
        \(Components.definition(context["field.budgets"], "<ul class=\"plain\">\(budgets)</ul>"))
        \(Components.definition(context["calls.totalCap"], "\(terms.totalBudget.map { MoneyText.readableKRW($0, language) } ?? HTML(raw: HTML.escaped(context["calls.noCap"])))"))
        \(Components.definition(context["field.endorsementsPerCountry"], "\(terms.endorsementsPerCountry)"))
        \(Components.definition(context["field.appealDays"], "\(terms.appealPeriodDays)"))
        \(Components.definition(context["field.sameCountryConflict"], "\(context[terms.countsSameCountryAsConflict ? "common.yes" : "common.no"])"))
        </dl>
        \(HowToApply.section(context, call: call, countries: countries))
        <h2>\(context["calls.text"])</h2>
        <p class="prose">\(text.isEmpty ? context["common.none"] : text)</p>
        <h2>\(context["calls.criteria"])</h2>
        <table class="list"><caption>\(context.strings.format("calls.scale", ["min": String(terms.evaluation.scaleMinimum), "max": String(terms.evaluation.scaleMaximum)]))</caption>
        <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col" class="number">\(context["field.weight"])</th></tr></thead>
        <tbody>\(criteria)</tbody></table>
        <h2>\(context["calls.documents"])</h2>
        \(documentList)
        <h2>\(context["calls.eligibility"])</h2>
        <ul>\(rules)</ul>
        \(model.results.isEmpty ? HTML.empty : "<section aria-labelledby=\"results\"><h2 id=\"results\">\(context["selection.results"])</h2>\(SelectionTable.summary(context, model.results, terms: terms))\(SelectionTable.render(context, model.results, caption: context["selection.rule"]))</section>")
        \(model.showProposals ? proposalSection(context, model) : .empty)
        \(model.mayManage ? management(context, model) : .empty)
        """
        return Layout.page(context, title: terms.title.text(in: language), current: "nav.calls", body: body)
    }

    static func proposalSection(_ context: PageContext, _ model: Model) -> HTML {
        let propose: HTML = model.mayPropose
            ? "<p><a class=\"button\" href=\"\(OpenCallURL.callProposalNew(.value(model.call.id)).path)\">\(context["proposals.new"])</a></p>" : .empty
        let endorse: [HTML] = model.endorsingCountries.map {
            "<li><a href=\"\(OpenCallURL.callEndorsement(.value(model.call.id), .value($0.code)).path)\">\(context.strings.format("endorsement.title", ["country": $0.name]))</a></li>"
        }
        let conflicts: HTML = model.isReviewer && [.open, .closed, .inReview].contains(model.call.state)
            ? "<p><a href=\"\(ReviewURL.callConflicts(.value(model.call.id)).path)\">\(context["conflict.title"])</a></p>" : .empty
        return """
        <section aria-labelledby="proposals"><h2 id="proposals">\(context["proposals.title"])</h2>
        \(propose)
        \(conflicts)
        \(endorse.isEmpty ? HTML.empty : "<ul>\(endorse)</ul>")
        \(ProposalTable.render(context, model.proposals, caption: context["proposals.title"]))
        </section>
        """
    }

    static func management(_ context: PageContext, _ model: Model) -> HTML {
        let call = model.call
        let edit: HTML = call.state == .draft
            ? "<p><a class=\"button\" href=\"\(OpenCallURL.callEdit(.value(call.id)).path)\">\(context["calls.edit"])</a></p>"
            : "<p class=\"muted\">\(context["calls.editOnlyDraft"])</p>"
        // The way forward first, cancelling last.
        let actions: [HTML] = call.state.successors.sorted { ($0 == .cancelled ? 1 : 0, $0.rawValue) < ($1 == .cancelled ? 1 : 0, $1.rawValue) }.map { next in
            if next == .decided {
                return "<a class=\"button\" href=\"\(ReviewURL.callAssignment(.value(call.id)).path)\">\(context["callaction.decided"])</a>"
            }
            return """
            <form method="post" action="\(OpenCallURL.callTransition(.value(call.id)).path)" class="inline">\(context.csrfField)\
            <input type="hidden" name="to" value="\(next.rawValue)"><button type="submit" class="button\(next == .cancelled ? " danger" : "")">\(context["callaction.\(next.rawValue)"])</button></form>
            """
        }
        let rows: [HTML] = model.history.map { entry in
            """
            <tr><td class="number">\(entry.sequence)</td><td><time datetime="\(entry.recordedAt)">\(entry.recordedAt.prefix(19).replacingOccurrences(of: "T", with: " "))</time></td>\
            <td>\(describe(context, entry))</td><td><code title="\(entry.hash)">\(String(entry.hash.prefix(12)))</code></td></tr>
            """
        }
        let history: HTML = rows.isEmpty ? "<p>\(context["calls.historyNone"])</p>" : """
            <table class="list"><thead><tr><th scope="col">\(context["calls.sequence"])</th><th scope="col">\(context["calls.when"])</th><th scope="col">\(context["calls.what"])</th><th scope="col">\(context["calls.hash"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let review: HTML = [.inReview, .decided, .published].contains(call.state)
            ? "<p><a href=\"\(ReviewURL.callAssignment(.value(call.id)).path)\">\(context["assignment.title"])</a></p>" : .empty
        return """
        <section aria-labelledby="manage"><h2 id="manage">\(context["calls.manage"])</h2>
        \(edit)
        \(review)
        <div class="actions">\(actions)</div>
        <h3>\(context["calls.history"])</h3>
        \(history)
        </section>
        """
    }

    /// An entry as a person reads it: what happened, and for a state change from what to what.
    static func describe(_ context: PageContext, _ entry: AuditEntry) -> HTML {
        let key = "audit.\(entry.action)"
        let label = context.strings.has(key) ? context[key] : entry.action
        guard entry.action == "call.transition",
              let change = try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8)),
              let from = change["from"], let to = change["to"] else { return "\(label)" }
        return "\(label): \(context["callstate.\(from)"]) → \(context["callstate.\(to)"])"
    }
}
