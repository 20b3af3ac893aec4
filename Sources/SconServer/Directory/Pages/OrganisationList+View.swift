import SconDomain
import Vapor

/// The organisation list: filters by type, country and sector, a name search in Korean or
/// English, 20 rows a page with a keyset cursor.
enum OrganisationListPage {
    struct Model {
        var filter: OrganisationFilter
        var page: Page<OrganisationDTO>
        var countries: [CountryDTO]
        var isFirstPage: Bool
        var mayCreate: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        let rows: [HTML] = model.page.items.map { organisation in
            let sectors = organisation.sectors.map { context["sector.\($0)"] }.joined(separator: ", ")
            let acronym: HTML = organisation.acronym.map { " <span class=\"acronym\">(\($0))</span>" } ?? ""
            return """
            <tr><th scope="row"><a href="\(DirectoryURL.organisation(.value(organisation.id)).path)">\(organisation.name.text(in: language))</a>\(acronym) \(Components.sampleBadge(context, organisation.sample))</th><td>\(context["orgtype.\(organisation.type)"])</td><td>\(model.countries.name(of: organisation.country, in: language))</td><td>\(sectors)</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p class=\"empty\">\(context["list.empty"])</p>" : """
            <table class="list">
            <caption class="visually-hidden">\(context["nav.organisations"])</caption>
            <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["field.type"])</th><th scope="col">\(context["field.country"])</th><th scope="col">\(context["field.sectors"])</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        let create: HTML = model.mayCreate ? "<p><a class=\"button\" href=\"\(DirectoryURL.organisationNew.path)\">\(context["organisation.new"])</a></p>" : .empty
        let body: HTML = """
        <h1>\(context["nav.organisations"])</h1>
        \(create)
        \(filters(context, model))
        \(table)
        \(Pagination.links(context, base: DirectoryURL.organisations.path, query: queryItems(model.filter), next: model.page.nextCursor, isFirstPage: model.isFirstPage))
        \(downloads(context, model.filter))
        """
        return Layout.page(context, title: context["nav.organisations"], current: "nav.organisations", body: body)
    }

    static func filters(_ context: PageContext, _ model: Model) -> HTML {
        let types = OrganisationType.allCases.map { (value: $0.rawValue, label: context["orgtype.\($0.rawValue)"]) }
        let sectors = Sector.allCases.map { (value: $0.rawValue, label: context["sector.\($0.rawValue)"]) }
        return """
        <form method="get" action="\(DirectoryURL.organisations.path)" class="filters" role="search" aria-label="\(context["list.filters"])">
        \(Components.textField(context, [], field: "q", name: "q", label: context["list.search"], value: model.filter.query, type: "search"))
        \(Components.select(context, field: "type", name: "type", label: context["field.type"], options: types, selected: model.filter.type?.rawValue, includeBlank: context["list.any"]))
        \(Components.select(context, field: "country", name: "country", label: context["field.country"], options: model.countries.options(context.language), selected: model.filter.country?.value, includeBlank: context["list.any"]))
        \(Components.select(context, field: "sector", name: "sector", label: context["field.sector"], options: sectors, selected: model.filter.sector?.rawValue, includeBlank: context["list.any"]))
        <button type="submit" class="button">\(context["list.apply"])</button>
        </form>
        """
    }

    /// The whole filtered list (every page) as open data, with the same filter.
    static func downloads(_ context: PageContext, _ filter: OrganisationFilter) -> HTML {
        let query = queryItems(filter).map { "\($0.0)=\(PercentEncoding.queryValue($0.1))" }.joined(separator: "&")
        let links: [HTML] = [PortalData.organisationsCSV, .organisationsJSON].enumerated().map { index, file in
            "\(index > 0 ? " · " : "")<a href=\"\(file.path)\(query.isEmpty ? "" : "?" + query)\" download>\(file.format.uppercased())</a>"
        }
        return "<p class=\"downloads-list\">\(context["portal.downloads.list"]) \(links) <small><a href=\"\(PortalURL.data.path)#ds-organisations\">\(context["portal.downloads.about"])</a></small></p>"
    }

    static func queryItems(_ filter: OrganisationFilter) -> [(String, String)] {
        var items: [(String, String)] = []
        if let query = filter.query { items.append(("q", query)) }
        if let type = filter.type { items.append(("type", type.rawValue)) }
        if let country = filter.country { items.append(("country", country.value)) }
        if let sector = filter.sector { items.append(("sector", sector.rawValue)) }
        return items
    }
}

/// "First page" and "Next page" links that keep the filters.
