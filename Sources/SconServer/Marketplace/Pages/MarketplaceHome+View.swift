import SconDomain
import Vapor

/// `/marketplace`: the public lists of challenges and of solutions, one filter for both, the
/// downloads of the filtered list, and the way in for those who post.
enum MarketplaceHomePage {
    struct Model {
        var showSolutions: Bool
        var filter: MarketplaceQuery.Filter
        var challenges: SconDomain.Page<Challenge>?
        var solutions: SconDomain.Page<Solution>?
        var countries: [CountryDTO]
        var mayPost: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let filter = model.filter
        let statuses = model.showSolutions ? SolutionStatus.allCases.filter { $0 != .draft }.map(\.rawValue)
                                           : ChallengeStatus.allCases.filter { $0 != .draft }.map(\.rawValue)
        let tab = model.showSolutions ? "solutions" : "challenges"
        let query = filterQuery(filter, show: tab)
        let csv = (model.showSolutions ? MarketplaceAPI.solutionsCSV : MarketplaceAPI.challengesCSV).path + (query.isEmpty ? "" : "?" + query)
        let json = (model.showSolutions ? MarketplaceAPI.solutions : MarketplaceAPI.challenges).path + (query.isEmpty ? "" : "?" + query)
        let tabs: HTML = """
        <nav class="tabs" aria-label="\(context["market.lists"])">
        <a href="\(MarketplaceURL.home.path)"\(model.showSolutions ? HTML.empty : HTML(raw: " aria-current=\"page\""))>\(context["market.challenges"])</a>
        <a href="\(MarketplaceURL.home.path)?show=solutions"\(model.showSolutions ? HTML(raw: " aria-current=\"page\"") : HTML.empty)>\(context["market.solutions"])</a>
        </nav>
        """
        let post: HTML = model.mayPost ? """
            <p class="actions"><a class="button" href="\(MarketplaceURL.challengeNew.path)">\(context["market.challenge.new"])</a>
            <a class="button secondary" href="\(MarketplaceURL.solutionNew.path)">\(context["market.solution.new"])</a></p>
            """ : "<p>\(context["market.signin"])</p>"
        let form: HTML = """
        <form method="get" action="\(MarketplaceURL.home.path)" class="filters">
        \(model.showSolutions ? HTML(raw: "<input type=\"hidden\" name=\"show\" value=\"solutions\">") : HTML.empty)
        \(Components.select(context, field: "country", name: "country", label: context["field.country"], options: model.countries.options(context.language), selected: filter.country?.value, includeBlank: context["list.any"]))
        \(Components.select(context, field: "sector", name: "sector", label: context["field.sector"], options: Sector.allCases.map { ($0.rawValue, context["sector.\($0.rawValue)"]) }, selected: filter.sector?.rawValue, includeBlank: context["list.any"]))
        \(Components.select(context, field: "status", name: "status", label: context["market.status"], options: statuses.map { ($0, context["mstatus.\($0)"]) }, selected: filter.status, includeBlank: context["market.status.listed"]))
        \(Components.select(context, field: "language", name: "language", label: context["market.language"], options: ContentLanguage.allCases.map { ($0.rawValue, context["clang.\($0.rawValue)"]) }, selected: filter.language?.rawValue, includeBlank: context["list.any"]))
        <button type="submit" class="button">\(context["list.apply"])</button>
        </form>
        """
        let rows: [HTML]
        let next: PageCursor?
        if model.showSolutions, let page = model.solutions {
            rows = page.items.map { solutionRow(context, $0, model.countries) }
            next = page.nextCursor
        } else if let page = model.challenges {
            rows = page.items.map { challengeRow(context, $0, model.countries) }
            next = page.nextCursor
        } else { rows = []; next = nil }
        let list: HTML = rows.isEmpty ? "<p>\(context["market.none"])</p>" : "<ul class=\"cards\">\(rows)</ul>"
        let more: HTML = next.map { "<p><a href=\"\(MarketplaceURL.home.path)?\(query.isEmpty ? "" : query + "&")cursor=\($0.encoded)\">\(context["list.next"])</a></p>" } ?? ""
        let body: HTML = """
        <h1>\(context["nav.marketplace"])</h1>
        <p class="lead">\(context["market.lead"])</p>
        <form method="get" action="\(SearchURL.search.path)" role="search" class="search-box">
        <label for="market-q">\(context["search.label"])</label> <input id="market-q" name="q" type="search" maxlength="500"> <button type="submit" class="button">\(context["search.go"])</button>
        </form>
        \(post)
        \(tabs)
        \(form)
        <p class="downloads">\(context["market.download"]): <a href="\(csv)">CSV</a> · <a href="\(json)">JSON</a></p>
        \(list)
        \(more)
        """
        return Layout.page(context, title: context["nav.marketplace"], current: "nav.marketplace", body: body)
    }

    static func filterQuery(_ filter: MarketplaceQuery.Filter, show: String) -> String {
        var items: [String] = []
        if show == "solutions" { items.append("show=solutions") }
        if let country = filter.country { items.append("country=\(country.value)") }
        if let sector = filter.sector { items.append("sector=\(sector.rawValue)") }
        if let status = filter.status { items.append("status=\(status)") }
        if let language = filter.language { items.append("language=\(language.rawValue)") }
        return items.joined(separator: "&")
    }

    static func challengeRow(_ context: PageContext, _ challenge: Challenge, _ countries: [CountryDTO]) -> HTML {
        let text = MarketplaceText(challenge, in: context.language)
        let sectors = ((try? challenge.sectorList) ?? []).map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")
        return """
        <li class="card"><h2><a href="\(MarketplaceURL.challenge(.value(challenge.storedID)).path)" lang="\(text.language)">\(text.title)</a></h2>
        <p class="meta">\(countries.name(of: challenge.countryCode, in: context.language)) · \(sectors) · <span class="status">\(context["mstatus.\(challenge.status)"])</span> \(Components.sampleBadge(context, challenge.sample))</p>
        <p lang="\(text.language)">\(String(text.body.prefix(220)))\(text.body.count > 220 ? "…" : "")</p></li>
        """
    }

    static func solutionRow(_ context: PageContext, _ solution: Solution, _ countries: [CountryDTO]) -> HTML {
        let text = MarketplaceText(solution, in: context.language)
        let sectors = ((try? solution.sectorList) ?? []).map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")
        return """
        <li class="card"><h2><a href="\(MarketplaceURL.solution(.value(solution.storedID)).path)" lang="\(text.language)">\(text.title)</a></h2>
        <p class="meta">\(countries.name(of: solution.countryCode, in: context.language)) · \(sectors) · \(context["readiness.\(solution.readiness)"]) \(Components.sampleBadge(context, solution.sample))</p>
        <p lang="\(text.language)">\(String(text.body.prefix(220)))\(text.body.count > 220 ? "…" : "")</p></li>
        """
    }
}
