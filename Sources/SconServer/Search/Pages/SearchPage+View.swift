import SconDomain
import Vapor

/// `/search`: the box, the kinds to narrow to, the hits best first with the matched words marked.
enum SearchPage {
    struct Model {
        var query: SearchService.Query
        var hits: [SearchService.Hit]
        var nextCursor: String?
        var issues: [FieldIssue]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let query = model.query
        let kinds = SearchKind.allCases.map { (value: $0.rawValue, label: context["search.kind.\($0.rawValue)"]) }
        let results: HTML
        if query.text.trimmingCharacters(in: .whitespaces).isEmpty {
            results = "<p>\(context["search.empty"])</p>"
        } else if model.hits.isEmpty {
            results = "<p>\(context.strings.format("search.none", ["query": query.text]))</p>"
        } else {
            let items: [HTML] = model.hits.map { hit in
                "<li class=\"card\"><p class=\"meta\">\(context["search.kind.\(hit.hit.kind.rawValue)"])</p><h2><a href=\"\(link(hit.hit))\" lang=\"\(hit.hit.language.rawValue)\">\(hit.hit.title)</a></h2><p lang=\"\(hit.hit.language.rawValue)\">\(marked(hit.highlight))</p></li>"
            }
            results = "<ol class=\"cards results\">\(items)</ol>"
        }
        var nextQuery = "q=\(query.text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        if let kind = query.kind { nextQuery += "&kind=\(kind.rawValue)" }
        let more: HTML = model.nextCursor.map { "<p><a href=\"\(SearchURL.search.path)?\(nextQuery)&cursor=\($0)\">\(context["list.next"])</a></p>" } ?? ""
        let body: HTML = """
        <h1>\(context["search.title"])</h1>
        <p class="lead">\(context["search.lead"])</p>
        \(Components.errorSummary(context, model.issues))
        <form method="get" action="\(SearchURL.search.path)" role="search" class="filters">
        \(Components.textField(context, model.issues, field: "q", name: "q", label: context["search.label"], value: query.text, type: "search", maxLength: SearchService.maximumQueryCharacters))
        \(Components.select(context, field: "kind", name: "kind", label: context["search.kind"], options: kinds, selected: query.kind?.rawValue, includeBlank: context["list.any"], issues: model.issues))
        <button type="submit" class="button">\(context["search.go"])</button>
        </form>
        \(results)
        \(more)
        """
        return Layout.page(context, title: context["search.title"], current: "nav.search", body: body)
    }

    /// The highlight with its « » marks as `<mark>`, everything else escaped.
    static func marked(_ highlight: String) -> HTML {
        var html = ""
        var inside = false
        var piece = ""
        func flush() { HTML.escape(piece, into: &html); piece = "" }
        for character in highlight {
            if character == "«" && !inside { flush(); html += "<mark>"; inside = true }
            else if character == "»" && inside { flush(); html += "</mark>"; inside = false }
            else { piece.append(character) }
        }
        flush()
        if inside { html += "</mark>" }
        return HTML(raw: html)
    }

    static func link(_ hit: SearchHit) -> String {
        switch hit.kind {
        case .challenge: MarketplaceURL.challenge(.value(hit.objectID)).path
        case .solution: MarketplaceURL.solution(.value(hit.objectID)).path
        case .organisation: DirectoryURL.organisation(.value(hit.objectID)).path
        case .city: DirectoryURL.city(.value(hit.objectID)).path
        case .call: OpenCallURL.call(.value(hit.objectID)).path
        case .project: ProjectURL.project(.value(hit.objectID)).path
        case .agreement: AgreementsURL.agreement(.value(hit.objectID)).path
        }
    }
}
