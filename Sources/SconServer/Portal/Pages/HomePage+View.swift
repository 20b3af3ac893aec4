import Foundation
import SconDomain
import Vapor

/// The portal's home page: what the programme is, its figures (each a link to the records it
/// counts), the filter that drives everything on the page, the map, what is open now, the
/// latest results, the charts and the downloads of the same selection; and, for signed-in
/// people, what is due.
enum HomePage {
    struct Model {
        var snapshot: PortalSnapshot
        var countries: [CountryDTO]
        var due: [DueItem] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        render(context, main: main(context, model), due: model.due)
    }

    /// The page around its main part (which is the same for everyone under one filter and
    /// language, and is cached): the title, the lead and what is due for this person.
    static func render(_ context: PageContext, main: HTML, due: [DueItem]) -> HTML {
        let body: HTML = """
        <h1>\(context["home.title"])</h1>
        <p class="lead">\(context["home.lead"])</p>
        \(DueList.render(context, due))
        \(main)
        """
        return Layout.page(context, title: context["home.title"], body: body)
    }

    /// Everything below what is due: the filter, figures, map, lists, charts, downloads, measures.
    static func main(_ context: PageContext, _ model: Model) -> HTML {
        let snapshot = model.snapshot, filter = snapshot.filter
        let figures: [HTML] = snapshot.figures.map { figure in
            let value: HTML = figure.text.map { "\($0.text(in: context.language))" } ?? "\(figure.value)"
            let samples: HTML = figure.samples > 0 ? " <small>\(context.strings.format("portal.figure.samples", ["n": String(figure.samples)]))</small>" : .empty
            return "<li><a href=\"\(figure.link)\"><strong>\(value)</strong> \(context[figure.label])\(samples)</a></li>"
        }
        let measures: [HTML] = (1...4).map { index in
            "<li><h3>\(context["home.measure\(index).title"])</h3><p>\(context["home.measure\(index).text"])</p></li>"
        }
        let open: [HTML] = snapshot.openCalls.map { call in
            "<li><a href=\"\(OpenCallURL.call(.value(call.id)).path)\">\(call.title.text(in: context.language))</a> — \(context.strings.format("portal.open.until", ["day": CalendarDay(call.closesAt).description]))</li>"
        } + snapshot.openEvents.map { event in
            """
            <li><a href="\(CentresURL.event(.value(event.id)).path)">\(event.title.text(in: context.language))</a> \(Components.sampleBadge(context, event.sample)) — \
            \(context.strings.format("portal.open.registration", ["day": event.closes]))</li>
            """
        } + snapshot.openCohorts.map { cohort in
            """
            <li data-open="cohort"><a href="\(TrainingURL.cohort(.value(cohort.id)).path)">\(cohort.title.text(in: context.language))</a> \(Components.sampleBadge(context, cohort.sample)) — \
            \(context.strings.format("portal.open.applications", ["day": cohort.deadline]))</li>
            """
        }
        let latest: [HTML] = snapshot.latest.map { item in
            "<li><span class=\"badge badge-state\">\(context[item.kind])</span> <a href=\"\(item.path)\">\(item.title.text(in: context.language))</a> (\(item.date))</li>"
        }
        // One small block at the top while a call is open: where to apply.
        let applyNow: [HTML] = snapshot.openCalls.map { call in
            """
            <li><a href="\(OpenCallURL.call(.value(call.id)).path)#how-to-apply"><strong>\(call.title.text(in: context.language))</strong></a> — \
            \(context.strings.format("portal.open.until", ["day": CalendarDay(call.closesAt).description]))</li>
            """
        }
        let applyBlock: HTML = applyNow.isEmpty ? .empty : """
            <aside class="notice call-to-action" aria-labelledby="apply-now"><h2 id="apply-now">\(context["apply.homeTitle"])</h2>
            <ul class="plain">\(applyNow)</ul><p><a href="\(DirectoryURL.help.path)#apply">\(context["apply.title"])</a></p></aside>
            """
        return """
        \(applyBlock)
        \(filterForm(context, filter, countries: model.countries))
        <h2 id="figures">\(context["portal.figures"])</h2>
        <ul class="stats">\(figures)</ul>
        <div class="portal-columns">
        \(PortalMap.render(context, snapshot, countries: model.countries))
        <div>
        <section aria-labelledby="open-now"><h2 id="open-now">\(context["portal.open"])</h2>
        \(open.isEmpty ? "<p>\(context["portal.open.none"])</p>" as HTML : "<ul>\(open)</ul>")</section>
        <section aria-labelledby="latest"><h2 id="latest">\(context["portal.latest"])</h2>
        \(latest.isEmpty ? "<p>\(context["portal.latest.none"])</p>" as HTML : "<ul class=\"plain\">\(latest)</ul>")</section>
        </div>
        </div>
        <h2 id="charts">\(context["portal.charts"])</h2>
        <div class="charts">\(charts(context, snapshot, countries: model.countries))</div>
        <h2 id="downloads">\(context["portal.downloads"])</h2>
        <p>\(context["portal.downloads.text"])</p>
        \(downloads(context, filter))
        <h2>\(context["home.measures"])</h2>
        <ol class="measures">\(measures)</ol>
        """
    }

    static func filterForm(_ context: PageContext, _ filter: PortalFilter, countries: [CountryDTO]) -> HTML {
        """
        <form method="get" action="\(PortalURL.home.path)" class="filters" aria-label="\(context["portal.filter"])">
        \(Components.select(context, field: "country", name: "country", label: context["filter.country"], options: countries.filter { $0.aseanMember || $0.code == "KR" }.options(context.language),
                            selected: filter.country?.value, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "sector", name: "sector", label: context["portal.sector"],
                            options: Sector.allCases.map { ($0.rawValue, context["sector.\($0.rawValue)"]) }, selected: filter.sector?.rawValue, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "stage", name: "stage", label: context["projects.stage"],
                            options: ProjectStage.allCases.map { ($0.rawValue, context["stage.\($0.rawValue)"]) }, selected: filter.stage?.rawValue, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "type", name: "type", label: context["outcomes.type"],
                            options: OutcomeType.allCases.map { ($0.rawValue, context["outcometype.\($0.rawValue)"]) }, selected: filter.type?.rawValue, includeBlank: context["filter.all"]))
        <button type="submit">\(context["filter.apply"])</button>
        \(filter.items.isEmpty ? HTML.empty : "<a href=\"\(PortalURL.home.path)\">\(context["portal.filter.clear"])</a>")
        </form>
        """
    }

    static func charts(_ context: PageContext, _ snapshot: PortalSnapshot, countries: [CountryDTO]) -> [HTML] {
        var years: [String: Int] = [:]
        for item in snapshot.outcomesPerYear { years[item.year, default: 0] += item.count }
        let perYear = years.keys.sorted().map { year in
            (label: year, values: OutcomeType.allCases.map { type in snapshot.outcomesPerYear.first { $0.year == year && $0.type == type }?.count ?? 0 })
        }.map { row in (label: row.label, values: [row.values.reduce(0, +)]) }
        let outcomeTypes = snapshot.outcomesPerYear.map(\.type)
        let byType = OutcomeType.allCases.filter { outcomeTypes.contains($0) }.map { type in
            (label: context["outcometype.\(type.rawValue)"], values: [snapshot.outcomesPerYear.filter { $0.type == type }.reduce(0) { $0 + $1.count }])
        }
        let amount: (Int) -> String = { context.language == .ko ? ReadableAmount.korean($0) : ReadableAmount.english($0) }
        var cumulative = (0, 0)
        let fund = snapshot.fundPerYear.map { row -> (label: String, values: [Int]) in
            cumulative.0 += row.committed; cumulative.1 += row.disbursed
            return (row.year, [cumulative.0, cumulative.1])
        }
        return [
            PortalChart(id: "chart-outcomes-year", title: context["portal.chart.outcomesYear"], description: context["portal.chart.outcomesYear.desc"],
                        seriesNames: [context["portal.series.outcomes"]], rows: perYear).render(),
            PortalChart(id: "chart-outcomes-type", title: context["portal.chart.outcomesType"], description: context["portal.chart.outcomesType.desc"],
                        seriesNames: [context["portal.series.outcomes"]], rows: byType).render(),
            PortalChart(id: "chart-fund", title: context["portal.chart.fund"], description: context["portal.chart.fund.desc"],
                        seriesNames: [context["portal.series.committed"], context["portal.series.disbursed"]], rows: fund, valueText: amount,
                        reference: snapshot.earmark > 0 ? (context.strings.format("portal.chart.earmark", ["amount": amount(snapshot.earmark)]), snapshot.earmark) : nil).render(),
            PortalChart(id: "chart-stage", title: context["portal.chart.stage"], description: context["portal.chart.stage.desc"],
                        seriesNames: [context["portal.series.projects"]], rows: snapshot.projectsByStage.map { (context["stage.\($0.0.rawValue)"], [$0.1]) }).render(),
            PortalChart(id: "chart-country", title: context["portal.chart.country"], description: context["portal.chart.country.desc"],
                        seriesNames: [context["portal.series.projects"]], rows: snapshot.projectsByCountry.map { (countries.name(of: $0.0, in: context.language), [$0.1]) }).render(),
            PortalChart(id: "chart-proposals", title: context["portal.chart.proposals"], description: context["portal.chart.proposals.desc"],
                        seriesNames: [context["portal.series.proposals"]], rows: snapshot.proposalsPerCall.map { ($0.title.text(in: context.language), [$0.count]) }).render(),
        ]
    }

    static func downloads(_ context: PageContext, _ filter: PortalFilter) -> HTML {
        let files: [HTML] = PortalData.allCases.map { file in
            "<li><a href=\"\(file.path)\(filter.query)\" download>\(file.rawValue)</a></li>"
        }
        return "<ul class=\"downloads\">\(files)</ul><p><a href=\"\(PortalURL.data.path)\">\(context["portal.catalogue.link"])</a></p>"
    }
}
