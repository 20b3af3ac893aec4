import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The home map: the names of the countries drawn as dots cover no dot and no other name.
@Suite struct PortalMapTests {
    struct Box { var minX, minY, maxX, maxY: Double }

    static func overlaps(_ a: Box, _ b: Box) -> Bool { a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY }

    /// A name's box as a reader sees it at 13 units: a Hangul syllable a full em, anything else 0.62 em.
    static func textBox(_ text: String, x: Double, y: Double, anchor: String) -> Box {
        let width = text.unicodeScalars.reduce(0.0) { $0 + ((0xAC00...0xD7A3).contains($1.value) ? 13 : 0.62 * 13) }
        let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
        return Box(minX: left, minY: y - 10.4, maxX: left + width, maxY: y + 3.25)
    }

    @Test(arguments: TestDatabase.all)
    func noCountryNameCoversADotOrAnotherName(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for language in ["en", "ko"] {
                let html = try await Browser(app).get("/?lang=\(language)").text
                let map = try #require(html.firstMatch(of: /<figure class="map portal-map"[\s\S]*?<\/figure>/).map { String($0.output) })
                let circles = map.matches(of: /<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/>/).map { match -> Box in
                    let x = Double(match.output.1)!, y = Double(match.output.2)!, r = Double(match.output.3)!
                    return Box(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
                }
                let names = map.matches(of: /<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(\w+)")?>([^<]+)<\/text>/).map { match in
                    (String(match.output.4), Self.textBox(String(match.output.4), x: Double(match.output.1)!, y: Double(match.output.2)!,
                                                          anchor: match.output.3.map(String.init) ?? "start"))
                }
                #expect(names.count == 2, "Brunei and Singapore are named (\(language))")
                #expect(circles.count > 20)
                for (index, (name, box)) in names.enumerated() {
                    #expect(!circles.contains { Self.overlaps(box, $0) }, "\(name) covers a dot (\(language))")
                    for (other, otherBox) in names[(index + 1)...] { #expect(!Self.overlaps(box, otherBox), "\(name) covers \(other)") }
                    #expect(box.minX >= 0 && box.maxX <= 640 && box.minY >= 0 && box.maxY <= 560, "\(name) stays on the map")
                }
            }
        }
    }
}
