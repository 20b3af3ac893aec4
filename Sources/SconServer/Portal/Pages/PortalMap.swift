import Foundation
import SconDomain

/// The portal's map: the country shapes of `MapFigure` (Natural Earth, Resources/Geo), each a
/// link that filters the page by that country; the ASCN pilot cities and the places of the
/// public projects under the filter. Small countries (Singapore, Brunei) are drawn as large
/// dots with their names so that they stay visible and clickable. No script.
enum PortalMap {
    static func render(_ context: PageContext, _ snapshot: PortalSnapshot, countries: [CountryDTO]) -> HTML {
        let filter = snapshot.filter
        let shapes: [HTML] = MapFigure.shapes.map { shape in
            let name = countries.name(of: shape.code, in: context.language)
            var target = filter
            target.country = filter.country?.value == shape.code ? nil : CountryCode(shape.code)
            var classes = [String]()
            if shape.code == "KR" { classes.append("korea") }
            if snapshot.activeCountries.contains(shape.code) { classes.append("active") }
            if filter.country?.value == shape.code { classes.append("selected") }
            let css: HTML = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            let mark: HTML = shape.point.map { point in
                """
                <circle cx="\(format(point.0))" cy="\(format(point.1))" r="9"/><text x="\(format(point.0 + 11))" y="\(format(point.1 + 4))">\(name)</text>
                """
            } ?? "<path d=\"\(shape.path)\"/>"
            return "<a href=\"\(PortalURL.home.path)\(target.query)#map\"\(css)><title>\(name)</title>\(mark)</a>"
        }
        // Drawn after every shape, so that no neighbour covers them.
        let smallOnes: [HTML] = MapFigure.shapes.filter { $0.point == nil && small[$0.code] != nil }.map { shape in
            var target = filter
            target.country = filter.country?.value == shape.code ? nil : CountryCode(shape.code)
            let name = countries.name(of: shape.code, in: context.language)
            let css: HTML = filter.country?.value == shape.code ? " class=\"selected\"" : ""
            return "<a href=\"\(PortalURL.home.path)\(target.query)#map\"\(css)><title>\(name)</title>\(smallMark(shape.code, name))</a>"
        }
        let pilots: [HTML] = snapshot.pilotCities.map { city in
            let (x, y) = MapFigure.project(city.longitude, city.latitude)
            return "<a href=\"\(DirectoryURL.city(.value(city.id)).path)\" class=\"pilot\"><title>\(city.name.text(in: context.language)) — \(context["portal.map.pilot"])</title><circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"3.5\"/></a>"
        }
        let projects: [HTML] = snapshot.projectPlaces.map { place in
            let (x, y) = MapFigure.project(place.longitude, place.latitude)
            let radius = min(14, 4 + 2 * Double(place.projects).squareRoot())
            let label = context.strings.format("portal.map.projects", ["city": place.name.text(in: context.language), "n": String(place.projects)])
            return "<a href=\"\(ProjectURL.projects.path)?country=\(place.country)\" class=\"project\"><title>\(label)</title><circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"\(format(radius))\"/></a>"
        }
        return """
        <figure class="map portal-map" id="map">
        <svg viewBox="0 0 \(Int(MapFigure.width)) \(Int(MapFigure.height))" role="img" aria-labelledby="portal-map-title portal-map-desc">
        <title id="portal-map-title">\(context["map.title"])</title>
        <desc id="portal-map-desc">\(context.strings.format("portal.map.desc", ["pilots": String(snapshot.pilotCities.count), "places": String(snapshot.projectPlaces.count)]))</desc>
        <g class="countries">\(shapes)\(smallOnes)</g>
        <g class="pilots">\(pilots)</g>
        <g class="projects">\(projects)</g>
        </svg>
        <figcaption>\(context["portal.map.caption"]) <span class="legend"><span class="key key-pilot"></span> \(context["portal.map.pilot"]) <span class="key key-project"></span> \(context["portal.map.project"])</span></figcaption>
        </figure>
        """
    }

    /// Countries too small to find on the map as shapes get a dot and their name too (at their
    /// capital: Bandar Seri Begawan's coordinates from the cities of the directory's seed).
    static let small: [String: (longitude: Double, latitude: Double)] = ["BN": (114.94006, 4.89035), "SG": (103.85007, 1.28967)]

    static func smallMark(_ code: String, _ name: String) -> HTML {
        guard let place = small[code] else { return .empty }
        let (x, y) = MapFigure.project(place.longitude, place.latitude)
        return "<circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"9\"/><text x=\"\(format(x + 11))\" y=\"\(format(y - 6))\">\(name)</text>"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
