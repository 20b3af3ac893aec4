import SconDomain
import Vapor

/// The outcomes under a filter: the tally, the rule that counts them, and the records it
/// counts (the same filter), with the downloads of exactly that selection.
enum OutcomeListPage {
    struct Model {
        var tally: OutcomeTally
        var filter: OutcomeFilter
        var outcomes: [(Outcome, OutcomeFacts)]
        var countries: [CountryDTO]
        var next: PageCursor?
        var isFirstPage: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let filter = model.filter
        let rows: [HTML] = model.outcomes.map { outcome, facts in
            let standing = OutcomeRule.standing(facts, asOf: filter.asOf)
            let countries = facts.countries.map { model.countries.name(of: $0.value, in: context.language) }.sorted().joined(separator: ", ")
            return """
            <tr><td>\(facts.date?.description ?? context["agreement.notDisclosed"])</td><th scope="row">\(outcome.title.text(in: context.language)) \(Components.sampleBadge(context, outcome.sample))</th>\
            <td>\(context["outcometype.\(facts.type.rawValue)"])</td><td>\(countries.isEmpty ? context["agreement.notDisclosed"] : countries)</td>\
            <td><span class="badge badge-state">\(context["outcomestate.\(standing.rawValue)"])</span></td><td>\(outcome.source.text(in: context.language))</td></tr>
            """
        }
        let query = filter.queryString
        let form: HTML = """
        <form method="get" action="\(AgreementsURL.outcomes.path)" class="filters">
        \(Components.textField(context, [], field: "asOf", name: "asOf", label: context["outcomes.asOf"], value: filter.asOf.description, type: "date"))
        \(Components.textField(context, [], field: "from", name: "from", label: context["outcomes.from"], value: filter.from?.description, type: "date"))
        \(Components.select(context, field: "country", name: "country", label: context["filter.country"], options: model.countries.options(context.language),
                            selected: filter.country?.value, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "type", name: "type", label: context["outcomes.type"],
                            options: OutcomeType.allCases.map { ($0.rawValue, context["outcometype.\($0.rawValue)"]) }, selected: filter.type?.rawValue, includeBlank: context["filter.all"]))
        <button type="submit">\(context["filter.apply"])</button>
        </form>
        """
        let html: HTML = """
        <h1>\(context["nav.outcomes"])</h1>
        <p class="lead">\(context.strings.format("outcomes.lead", ["asOf": filter.asOf.description]))</p>
        \(form)
        <ul class="stats">
        <li><a href="#records"><strong>\(model.tally.total)</strong> \(context["outcomes.total"])</a></li>
        <li><a href="#records"><strong>\(model.tally.achieved)</strong> \(context["outcomestate.achieved"])</a></li>
        <li><a href="#records"><strong>\(model.tally.planned)</strong> \(context["outcomestate.planned"])</a></li>
        </ul>
        <p class="downloads">\(context["outcomes.download"]) <a href="\(PortalData.outcomesCSV.path)?\(query)">CSV</a> · <a href="\(PortalData.outcomesJSON.path)?\(query)">JSON</a> · <a href="\(AgreementsAPI.tally.path)?\(query)">API</a></p>
        \(rows.isEmpty ? "<p>\(context["outcomes.none"])</p>" as HTML : """
            <div class="table-scroll" id="records"><table class="list"><caption>\(context.strings.format("outcomes.caption", ["asOf": filter.asOf.description]))</caption>
            <thead><tr><th scope="col">\(context["outcomes.date"])</th><th scope="col">\(context["outcomes.title"])</th><th scope="col">\(context["outcomes.type"])</th>\
            <th scope="col">\(context["outcomes.countries"])</th><th scope="col">\(context["outcomes.standing"])</th><th scope="col">\(context["outcomes.source"])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """)
        \(Pagination.links(context, base: AgreementsURL.outcomes.path, query: queryItems(filter), next: model.next, isFirstPage: model.isFirstPage))
        <section aria-labelledby="rules"><h2 id="rules">\(context["outcomes.rules"])</h2>
        <ol>
        <li>\(context["outcomes.rule1"])</li>
        <li>\(context["outcomes.rule2"])</li>
        <li>\(context["outcomes.rule3"])</li>
        <li>\(context["outcomes.rule4"])</li>
        </ol></section>
        """
        return Layout.page(context, title: context["nav.outcomes"], current: "nav.outcomes", body: html)
    }

    static func queryItems(_ filter: OutcomeFilter) -> [(String, String)] {
        filter.queryString.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}
