import SconDomain
import Vapor

/// The list of countries and the page of one country.
enum CountryPages {
    static func list(_ context: PageContext, countries: [CountryDTO]) -> HTML {
        let language = context.language
        let rows: [HTML] = countries.map { country in
            let membership = country.aseanMember ? context["country.asean"] : context["country.korea"]
            return """
            <tr><th scope="row"><a href="\(DirectoryURL.country(.value(country.code)).path)">\(country.name.text(in: language))</a></th><td>\(country.code) / \(country.iso3)</td><td>\(membership)</td><td>\(country.currency)</td><td>\(country.timeZones.joined(separator: ", "))</td></tr>
            """
        }
        let body: HTML = """
        <h1>\(context["nav.countries"])</h1>
        <p>\(context["countries.intro"])</p>
        \(MapFigure.render(context, countries: countries))
        <table class="list">
        <caption class="visually-hidden">\(context["nav.countries"])</caption>
        <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["country.codes"])</th><th scope="col">\(context["country.group"])</th><th scope="col">\(context["country.currency"])</th><th scope="col">\(context["country.timeZones"])</th></tr></thead>
        <tbody>\(rows)</tbody>
        </table>
        """
        return Layout.page(context, title: context["nav.countries"], current: "nav.countries", body: body)
    }

    struct Model {
        var country: CountryDTO
        var cities: [CityDTO]
        var organisations: [OrganisationDTO]
        /// The country's story (the Portal's `CountryStory`): proposals, projects, agreements, outcomes.
        var story: HTML = .empty
    }

    static func show(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        let country = model.country
        let cities: [HTML] = model.cities.map {
            "<li><a href=\"\(DirectoryURL.city(.value($0.id)).path)\">\($0.name.text(in: language))</a> <span class=\"muted\">\(context["citykind.\($0.kind)"])</span></li>"
        }
        let organisations: [HTML] = model.organisations.map {
            "<li><a href=\"\(DirectoryURL.organisation(.value($0.id)).path)\">\($0.name.text(in: language))</a> <span class=\"muted\">\(context["orgtype.\($0.type)"])</span> \(Components.sampleBadge(context, $0.sample))</li>"
        }
        let body: HTML = """
        <p class="breadcrumb"><a href="\(DirectoryURL.countries.path)">\(context["nav.countries"])</a></p>
        <h1>\(country.name.text(in: language))</h1>
        <dl class="facts">
        \(Components.definition(context["country.isoName"], "\(country.nameISO)"))
        \(Components.definition(context["country.codes"], "\(country.code) / \(country.iso3) / \(country.numeric)"))
        \(Components.definition(context["country.group"], "\(country.aseanMember ? context["country.asean"] : context["country.korea"])"))
        \(Components.definition(context["country.currency"], "\(country.currency)"))
        \(Components.definition(context["country.languages"], "\(country.languages.joined(separator: ", "))"))
        \(Components.definition(context["country.timeZones"], "\(country.timeZones.joined(separator: ", "))"))
        \(Components.definition(context["country.callingCode"], "\(country.callingCode)"))
        </dl>
        <div class="columns">
        <section><h2>\(context["nav.cities"]) (\(model.cities.count))</h2><ul>\(cities)</ul></section>
        <section><h2>\(context["nav.organisations"]) (\(model.organisations.count))</h2>\(organisations.isEmpty ? HTML(stringLiteral: "<p>\(HTML.escaped(context["list.empty"]))</p>") : "<ul>\(organisations)</ul>")</section>
        </div>
        \(model.story)
        """
        return Layout.page(context, title: country.name.text(in: language), current: "nav.countries", body: body)
    }
}
