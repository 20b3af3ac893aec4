import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Every page reachable from the menus, for each role and language (issue 14): each link a
/// page shows opens (no 4xx or 5xx), and no page shows a string key instead of its text.
@Suite struct CrawlTests {
    @Test(arguments: TestDatabase.all)
    func everyLinkOpensAndNoPageShowsAKey(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: one person per role, on the demo data.
            let organisation = try #require(try await Proposal.query(on: app.db).first()?.organisationID)
            let centre = try #require(try await Centre.query(on: app.db).first()?.id)
            let people: [(String, TestUser?)] = [
                ("visitor", nil),
                ("applicant", try await app.member(of: organisation)),
                ("reviewer", try await app.makeUser(grants: [Grant(role: .reviewer, scope: .global)])),
                ("officer", try await app.officer()),
                ("fund manager", try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)])),
                ("focal point", try await app.makeUser(grants: [Grant(role: .countryFocalPoint, scope: .country(CountryCode("TH")!))])),
                ("centre staff", try await app.makeUser(grants: [Grant(role: .centreStaff, scope: .centre(centre.uuidString.lowercased()))])),
                ("administrator", try await app.admin()),
            ]
            var problems: [String] = []
            var visited = 0
            for (role, user) in people {
                for language in Language.allCases {
                    // Action: crawl from the home page as that person, in that language.
                    let browser = Browser(app)
                    if let user { try await browser.signIn(user) }
                    _ = try await browser.get("/language/\(language.rawValue)")
                    let crawl = try await Crawler(browser: browser).run(from: "/")
                    visited += crawl.pages
                    problems += crawl.problems.map { "\(role), \(language.rawValue): \($0)" }
                }
            }
            // Check: nothing broken, and the crawl really went through the site.
            #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(40).joined(separator: "\n"))")
            #expect(visited > 300)
        }
    }

    @Test func theKeyDetectorFindsKeysAndLeavesWordsAlone() {
        let detector = KeyDetector()
        #expect(detector.keys(in: "conflict.declare") == ["conflict.declare"])
        #expect(detector.keys(in: "Error: field.comment: required.") == ["field.comment"])
        #expect(detector.keys(in: "see www.example.org, mail ops@k-scon.example, file plan.pdf, 1.5 trillion").isEmpty)
    }
}

/// Follows the same-site links of the pages it opens, breadth first, opening at most a few
/// pages of each shape (a path with its ids taken out, plus its query's names), so that the
/// walk covers every kind of page without opening every record.
struct Crawler {
    let browser: Browser
    var perShape = 2
    var limit = 400

    struct Result { var pages = 0; var problems: [String] = [] }

    func run(from start: String) async throws -> Result {
        var result = Result()
        var queue: [(path: String, from: String)] = [(start, "(start)")]
        var seen: Set<String> = [start], shapes: [String: Int] = [:]
        let detector = KeyDetector()
        while !queue.isEmpty, result.pages < limit {
            let (path, from) = queue.removeFirst()
            let response = try await browser.get(path)
            result.pages += 1
            let status = response.status.code
            if status >= 400 { result.problems.append("\(status) at \(path) (linked from \(from))"); continue }
            if (300..<400).contains(status) { continue }
            guard response.headers.contentType?.subType == "html" else { continue }
            let html = response.body.string
            for key in detector.keys(in: Self.visibleText(html)) { result.problems.append("key \"\(key)\" shown at \(path)") }
            for link in Self.links(in: html) where !seen.contains(link) && Self.follows(link) {
                seen.insert(link)
                let shape = Self.shape(of: link)
                guard shapes[shape, default: 0] < perShape else { continue }
                shapes[shape, default: 0] += 1
                queue.append((link, path))
            }
        }
        return result
    }

    /// Links that leave the person's session or the site are not followed.
    static func follows(_ link: String) -> Bool {
        !link.hasPrefix("/language/") && !link.hasPrefix("//") && link != "/signout" && !link.hasPrefix("/metrics")
    }

    static func links(in html: String) -> [String] {
        var links: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"/") {
            let start = html.index(before: range.upperBound)
            guard let end = rest[start...].firstIndex(of: "\"") else { break }
            var link = String(rest[start..<end]).replacingOccurrences(of: "&amp;", with: "&")
            if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
            if !link.isEmpty { links.append(link) }
            rest = rest[end...]
        }
        return links
    }

    /// `/projects/3f…/edit?lang=ko&stage=x` → `/projects/:id/edit?lang&stage`.
    static func shape(of link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1)
        let path = parts[0].split(separator: "/").map { segment in
            UUID(uuidString: String(segment)) != nil || segment.allSatisfy(\.isNumber) || segment.count > 24 ? ":id" : String(segment)
        }.joined(separator: "/")
        let names = parts.count > 1 ? parts[1].split(separator: "&").map { $0.split(separator: "=").first.map(String.init) ?? "" }.sorted() : []
        return path + (names.isEmpty ? "" : "?" + names.joined(separator: "&"))
    }

    /// The text a person reads: the page without its tags, scripts, styles and attributes.
    static func visibleText(_ html: String) -> String {
        var text = html
        for block in ["script", "style"] {
            while let open = text.range(of: "<\(block)"), let close = text.range(of: "</\(block)>", range: open.upperBound..<text.endIndex) {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var out = "", inTag = false
        for character in text {
            if character == "<" { inTag = true; out.append(" ") } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }
}

/// Finds string keys (`nav.fund`, `field.comment`) in text: a dotted lower-camel word whose
/// first part is the first part of a key the string tables know, or a key itself.
struct KeyDetector {
    let known: Set<String> = Set(Strings.english.table.keys)
    let prefixes: Set<String> = Set(Strings.english.table.keys.compactMap { $0.split(separator: ".").first.map(String.init) })

    func keys(in text: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { $0.isWhitespace || "()[]{},;:\"'“”!?<>".contains($0) })
        for raw in words {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.allSatisfy({ part in
                !part.isEmpty && part.first!.isLowercase && part.allSatisfy { $0.isLetter || $0.isNumber } && part.allSatisfy(\.isASCII)
            }) else { continue }
            if known.contains(word) || prefixes.contains(String(parts[0])) && !Self.fileEndings.contains(String(parts.last!)) {
                found.append(word)
            }
        }
        return found
    }

    static let fileEndings: Set<String> = ["pdf", "json", "geojson", "xml", "csv", "ics", "zip", "png", "svg", "txt", "md", "yaml", "org", "com", "example", "kr", "net", "go", "html"]
}
