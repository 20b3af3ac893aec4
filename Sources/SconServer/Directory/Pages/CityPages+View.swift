import SconDomain
import Vapor

/// The list of cities and the page of one city.
enum CityPages {
    struct ListModel {
        var filter: CityFilter
        var page: Page<CityDTO>
        var countries: [CountryDTO]
        var isFirstPage: Bool
    }

    static func list(_ context: PageContext, _ model: ListModel) -> HTML {
        let language = context.language
        let rows: [HTML] = model.page.items.map { city in
            let population: String = city.population.map { NumberText.grouped($0) } ?? context["common.unknown"]
            return """
            <tr><th scope="row"><a href="\(DirectoryURL.city(.value(city.id)).path)">\(city.name.text(in: language))</a></th><td>\(model.countries.name(of: city.country, in: language))</td><td>\(context["citykind.\(city.kind)"])</td><td class="number">\(population)</td></tr>
            """
        }
        let kinds = CityKind.allCases.map { (value: $0.rawValue, label: context["citykind.\($0.rawValue)"]) }
        var query: [(String, String)] = []
        if let q = model.filter.query { query.append(("q", q)) }
        if let country = model.filter.country { query.append(("country", country.value)) }
        if let kind = model.filter.kind { query.append(("kind", kind.rawValue)) }
        let table: HTML = rows.isEmpty ? "<p class=\"empty\">\(context["list.empty"])</p>" : """
            <table class="list"><caption class="visually-hidden">\(context["nav.cities"])</caption>
            <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["field.country"])</th><th scope="col">\(context["field.kind"])</th><th scope="col" class="number">\(context["field.population"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(context["nav.cities"])</h1>
        <p>\(context["cities.intro"])</p>
        <form method="get" action="\(DirectoryURL.cities.path)" class="filters" role="search" aria-label="\(context["list.filters"])">
        \(Components.textField(context, [], field: "q", name: "q", label: context["list.search"], value: model.filter.query, type: "search"))
        \(Components.select(context, field: "country", name: "country", label: context["field.country"], options: model.countries.options(language), selected: model.filter.country?.value, includeBlank: context["list.any"]))
        \(Components.select(context, field: "kind", name: "kind", label: context["field.kind"], options: kinds, selected: model.filter.kind?.rawValue, includeBlank: context["list.any"]))
        <button type="submit" class="button">\(context["list.apply"])</button>
        </form>
        \(table)
        \(Pagination.links(context, base: DirectoryURL.cities.path, query: query, next: model.page.nextCursor, isFirstPage: model.isFirstPage))
        <p class="attribution">\(context["cities.attribution"])</p>
        """
        return Layout.page(context, title: context["nav.cities"], current: "nav.cities", body: body)
    }

    /// `story` is the city's story (the Portal's `CityStory`).
    static func show(_ context: PageContext, city: CityDTO, countries: [CountryDTO], story: HTML = .empty) -> HTML {
        let language = context.language
        let other: Language = language == .ko ? .en : .ko
        let body: HTML = """
        <p class="breadcrumb"><a href="\(DirectoryURL.cities.path)">\(context["nav.cities"])</a></p>
        <h1>\(city.name.text(in: language)) \(Components.sampleBadge(context, city.sample))</h1>
        <p class="subtitle" lang="\(other.rawValue)">\(city.name.text(in: other))</p>
        <dl class="facts">
        \(Components.definition(context["field.country"], "<a href=\"\(DirectoryURL.country(.value(city.country)).path)\">\(countries.name(of: city.country, in: language))</a>"))
        \(Components.definition(context["field.kind"], "\(context["citykind.\(city.kind)"])"))
        \(Components.definition(context["field.coordinates"], "\(String(format: "%.5f, %.5f", city.latitude, city.longitude))"))
        \(Components.definition(context["field.population"], "\(city.population.map { NumberText.grouped($0) } ?? context["common.unknown"])"))
        \(Components.definition(context["field.geonames"], city.geonamesId.map { "<a href=\"https://www.geonames.org/\($0)\">\($0)</a>" } ?? "\(context["common.none"])"))
        \(Components.definition(context["field.source"], "\(city.source)"))
        </dl>
        \(story)
        <p class="attribution">\(context["cities.attribution"])</p>
        """
        return Layout.page(context, title: city.name.text(in: language), current: "nav.cities", body: body)
    }
}

/// Whole numbers with thousands separators (the same in ko and en).
enum NumberText {
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var output = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(character)
        }
        return value < 0 ? "-" + output : output
    }
}
