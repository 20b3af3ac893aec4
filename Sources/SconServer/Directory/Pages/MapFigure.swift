import Foundation
import SconDomain

/// An SVG map of the ASEAN countries and Korea, drawn on the server from Natural Earth
/// shapes (Resources/Geo), each country a link to its page. No script, no tiles, no CDN.
enum MapFigure {
    struct Shape: Sendable { var code: String; var path: String; var point: (Double, Double)? }

    static let width = 640.0
    static let height = 560.0
    static let bounds = (minLon: 91.0, maxLon: 132.0, minLat: -11.5, maxLat: 39.5)

    static func project(_ lon: Double, _ lat: Double) -> (Double, Double) {
        let x = (lon - bounds.minLon) / (bounds.maxLon - bounds.minLon) * width
        let y = (bounds.maxLat - lat) / (bounds.maxLat - bounds.minLat) * height
        return (x, y)
    }

    static let shapes: [Shape] = {
        guard let url = Bundle.module.url(forResource: "asean-korea-countries", withExtension: "geojson", subdirectory: "Resources/Geo"),
              let data = try? Data(contentsOf: url),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let features = json["features"] as? [[String: Any]] else { return [] }
        return features.compactMap { feature in
            guard let properties = feature["properties"] as? [String: Any], let code = properties["iso_a2"] as? String,
                  let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else { return nil }
            switch type {
            case "Point":
                guard let point = geometry["coordinates"] as? [Double], point.count == 2 else { return nil }
                return Shape(code: code, path: "", point: project(point[0], point[1]))
            case "Polygon":
                return Shape(code: code, path: path(polygons: [geometry["coordinates"] as? [[[Double]]] ?? []]), point: nil)
            case "MultiPolygon":
                return Shape(code: code, path: path(polygons: geometry["coordinates"] as? [[[[Double]]]] ?? []), point: nil)
            default: return nil
            }
        }
    }()

    static func path(polygons: [[[[Double]]]]) -> String {
        var output = ""
        for polygon in polygons {
            for ring in polygon {
                for (index, position) in ring.enumerated() where position.count >= 2 {
                    let (x, y) = project(position[0], position[1])
                    output += (index == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
                }
                output += "Z"
            }
        }
        return output
    }

    static func render(_ context: PageContext, countries: [CountryDTO]) -> HTML {
        let items: [HTML] = shapes.map { shape in
            let name = countries.name(of: shape.code, in: context.language)
            let href = DirectoryURL.country(.value(shape.code)).path
            let mark: HTML = shape.point.map { "<circle cx=\"\(String(format: "%.1f", $0.0))\" cy=\"\(String(format: "%.1f", $0.1))\" r=\"5\"/>" }
                ?? "<path d=\"\(shape.path)\"/>"
            let css: HTML = shape.code == "KR" ? " class=\"korea\"" : ""
            return "<a href=\"\(href)\"\(css)><title>\(name)</title>\(mark)</a>"
        }
        return """
        <figure class="map">
        <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="map-title">
        <title id="map-title">\(context["map.title"])</title>
        \(items)
        </svg>
        <figcaption>\(context["map.caption"])</figcaption>
        </figure>
        """
    }
}
