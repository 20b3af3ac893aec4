import Foundation
import SconDomain

/// The portal's map: the country shapes of `MapFigure` (Natural Earth, Resources/Geo), each a
/// link that filters the page by that country; the ASCN pilot cities and the places of the
/// public projects under the filter. Small countries (Singapore, Brunei) are drawn as large
/// dots with their names so that they stay visible and clickable. No script.
enum PortalMap {
    static func render(_ context: PageContext, _ snapshot: PortalSnapshot, countries: [CountryDTO]) -> HTML {
        let filter = snapshot.filter
        // The dots first (countries drawn as dots, pilot cities, project places), then each
        // country dot's name where it covers no dot and no other name (`LabelPlacer`).
        let pilotDots = snapshot.pilotCities.map { MapFigure.project($0.longitude, $0.latitude) }
        let projectDots = snapshot.projectPlaces.map { place in
            (MapFigure.project(place.longitude, place.latitude), min(14, 4 + 2 * Double(place.projects).squareRoot()))
        }
        let countryDots: [(code: String, x: Double, y: Double)] = MapFigure.shapes.compactMap { shape in
            if let point = shape.point { return (shape.code, point.0, point.1) }
            guard let place = small[shape.code] else { return nil }
            let (x, y) = MapFigure.project(place.longitude, place.latitude)
            return (shape.code, x, y)
        }
        var placer = LabelPlacer(width: MapFigure.width, height: MapFigure.height)
        for dot in countryDots { placer.avoid(circle: (dot.x, dot.y), radius: countryDotRadius) }
        for dot in pilotDots { placer.avoid(circle: dot, radius: pilotRadius) }
        for (dot, radius) in projectDots { placer.avoid(circle: dot, radius: radius) }
        var labels: [String: HTML] = [:]
        for dot in countryDots {
            let name = countries.name(of: dot.code, in: context.language)
            labels[dot.code] = placer.place(name, at: (dot.x, dot.y), radius: countryDotRadius).svg(name)
        }
        func countryDot(_ code: String) -> HTML {
            guard let dot = countryDots.first(where: { $0.code == code }) else { return .empty }
            return "<circle cx=\"\(format(dot.x))\" cy=\"\(format(dot.y))\" r=\"\(format(countryDotRadius))\"/>\(labels[code] ?? .empty)"
        }
        let shapes: [HTML] = MapFigure.shapes.map { shape in
            let name = countries.name(of: shape.code, in: context.language)
            var target = filter
            target.country = filter.country?.value == shape.code ? nil : CountryCode(shape.code)
            var classes = [String]()
            if shape.code == "KR" { classes.append("korea") }
            if snapshot.activeCountries.contains(shape.code) { classes.append("active") }
            if filter.country?.value == shape.code { classes.append("selected") }
            let css: HTML = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            let mark: HTML = shape.point != nil ? countryDot(shape.code) : "<path d=\"\(shape.path)\"/>"
            return "<a href=\"\(PortalURL.home.path)\(target.query)#map\"\(css)><title>\(name)</title>\(mark)</a>"
        }
        // Drawn after every shape, so that no neighbour covers them.
        let smallOnes: [HTML] = MapFigure.shapes.filter { $0.point == nil && small[$0.code] != nil }.map { shape in
            var target = filter
            target.country = filter.country?.value == shape.code ? nil : CountryCode(shape.code)
            let name = countries.name(of: shape.code, in: context.language)
            let css: HTML = filter.country?.value == shape.code ? " class=\"selected\"" : ""
            return "<a href=\"\(PortalURL.home.path)\(target.query)#map\"\(css)><title>\(name)</title>\(countryDot(shape.code))</a>"
        }
        let pilots: [HTML] = zip(snapshot.pilotCities, pilotDots).map { city, dot in
            "<a href=\"\(DirectoryURL.city(.value(city.id)).path)\" class=\"pilot\"><title>\(city.name.text(in: context.language)) — \(context["portal.map.pilot"])</title><circle cx=\"\(format(dot.0))\" cy=\"\(format(dot.1))\" r=\"\(format(pilotRadius))\"/></a>"
        }
        let projects: [HTML] = zip(snapshot.projectPlaces, projectDots).map { place, dot in
            let label = context.strings.format("portal.map.projects", ["city": place.name.text(in: context.language), "n": String(place.projects)])
            return "<a href=\"\(ProjectURL.projects.path)?country=\(place.country)\" class=\"project\"><title>\(label)</title><circle cx=\"\(format(dot.0.0))\" cy=\"\(format(dot.0.1))\" r=\"\(format(dot.1))\"/></a>"
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

    static let countryDotRadius = 9.0
    static let pilotRadius = 3.5

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Places the names of the countries drawn as dots: beside the dot, on the first side (right,
/// left, above, below, then farther out with a leader line back to the dot) where the name
/// covers no dot and no name placed before, inside the map. Names are 13 units high (the
/// style sheet's size); their width is estimated generously from the characters (a Hangul
/// syllable a full em, a Latin letter 0.62 em).
struct LabelPlacer {
    struct Box: Sendable, Equatable {
        var minX, minY, maxX, maxY: Double
        func overlaps(_ other: Box) -> Bool { minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY }
    }

    struct Label {
        var x: Double
        var y: Double
        var anchor: String
        var box: Box
        /// From the dot's edge to the name, when the name stands apart.
        var leader: (x1: Double, y1: Double, x2: Double, y2: Double)?

        func svg(_ name: String) -> HTML {
            let line: HTML = leader.map {
                "<line class=\"leader\" stroke=\"#1a1f2b\" stroke-width=\"1\" x1=\"\(PortalMap.format($0.x1))\" y1=\"\(PortalMap.format($0.y1))\" x2=\"\(PortalMap.format($0.x2))\" y2=\"\(PortalMap.format($0.y2))\"/>"
            } ?? ""
            let anchorAttribute: HTML = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
            return "\(line)<text x=\"\(PortalMap.format(x))\" y=\"\(PortalMap.format(y))\"\(anchorAttribute)>\(name)</text>"
        }
    }

    static let fontSize = 13.0

    let width: Double
    let height: Double
    private(set) var obstacles: [Box] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A dot to keep clear of, with a margin of 2.5 units (its outline, and air between it and a name).
    mutating func avoid(circle center: (Double, Double), radius: Double) {
        let r = radius + 2.5
        obstacles.append(Box(minX: center.0 - r, minY: center.1 - r, maxX: center.0 + r, maxY: center.1 + r))
    }

    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let wide = (0xAC00...0xD7A3).contains(scalar.value) || (0x3130...0x318F).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
            return sum + (wide ? 1.0 : 0.62) * fontSize
        }
    }

    /// The box of a name whose baseline starts (start), centres (middle) or ends (end) at x, y,
    /// with the white halo around the letters.
    static func box(_ text: String, x: Double, y: Double, anchor: String) -> Box {
        let w = textWidth(text)
        let left = anchor == "start" ? x : anchor == "end" ? x - w : x - w / 2
        return Box(minX: left - 1.5, minY: y - fontSize * 0.8 - 1.5, maxX: left + w + 1.5, maxY: y + fontSize * 0.25 + 1.5)
    }

    /// Places `text` by the dot at `center` and remembers it, so that later names avoid it.
    mutating func place(_ text: String, at center: (Double, Double), radius: Double) -> Label {
        let (cx, cy) = center
        let near = radius + 2
        // Its own dot is the one the candidates keep clear of by their offsets.
        let r = radius + 2.5
        let own = Box(minX: cx - r, minY: cy - r, maxX: cx + r, maxY: cy + r)
        let others = obstacles.filter { $0 != own }
        // (dx, dy of the baseline point, anchor); the first four touch the dot, the rest stand apart.
        var candidates: [(Double, Double, String)] = [(near, 4, "start"), (-near, 4, "end"), (0, -near - 2, "middle"), (0, near + 11, "middle")]
        for step in [1.0, 2.0, 3.0] {
            let d = 14 * step
            candidates += [(near + d, d + 4, "start"), (-near - d, d + 4, "end"), (near + d, -d + 4, "start"), (-near - d, -d + 4, "end"),
                           (0, near + 11 + d, "middle"), (0, -near - 2 - d, "middle")]
        }
        for (index, (dx, dy, anchor)) in candidates.enumerated() {
            let x = cx + dx, y = cy + dy
            let box = Self.box(text, x: x, y: y, anchor: anchor)
            guard box.minX >= 0, box.minY >= 0, box.maxX <= width, box.maxY <= height, !others.contains(where: box.overlaps) else { continue }
            obstacles.append(box)
            var label = Label(x: x, y: y, anchor: anchor, box: box)
            if index >= 4 {
                // The leader runs from the dot's edge towards the nearest point of the name's box.
                let tx = min(max(cx, box.minX), box.maxX), ty = min(max(cy, box.minY), box.maxY)
                let length = ((tx - cx) * (tx - cx) + (ty - cy) * (ty - cy)).squareRoot()
                if length > radius { label.leader = (cx + (tx - cx) / length * radius, cy + (ty - cy) / length * radius, tx, ty) }
            }
            return label
        }
        // Nowhere free: to the right, as before.
        let box = Self.box(text, x: cx + near, y: cy + 4, anchor: "start")
        obstacles.append(box)
        return Label(x: cx + near, y: cy + 4, anchor: "start", box: box)
    }
}

