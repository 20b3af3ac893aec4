import Foundation
import SconDomain
import Testing
@testable import SconServer

/// Rules of the code's shape that a reviewer would otherwise have to remember.
@Suite struct ArchitectureTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file of a folder of the repository, with its text.
    static func sources(_ folder: String) throws -> [(path: String, text: String)] {
        let root = repository.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }.map { url in
            (String(url.path.dropFirst(repository.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }
    }

    @Test func whoMayDoWhatIsDecidedInSconDomainOnly() throws {
        // Authentication builds the principal from the stored grants; nothing else looks at roles.
        let forbidden = ["grants.contains", ".holds(", ".role == .", "isProgrammeOfficer", "isAdministrator", "Role.administrator",
                         "Role.programmeOfficer", "Role.fundManager", "Role.centreStaff", "Role.reviewer"]
        var found: [String] = []
        for (path, text) in try Self.sources("Sources/SconServer") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for pattern in forbidden where line.contains(pattern) { found.append("\(path):\(number + 1): \(pattern)") }
            }
        }
        #expect(found.isEmpty, "role checks outside SconDomain's access policies:\n\(found.joined(separator: "\n"))")
    }

    @Test func noHandTypedAPIPaths() throws {
        var found: [String] = []
        for (path, text) in try Self.sources("Sources/SconServer") where !path.contains("/Core/Routing/") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("\"/api/") || line.contains("\"api\", \"v1\"") {
                found.append("\(path):\(number + 1)")
            }
        }
        #expect(found.isEmpty, "API paths typed by hand (use the context's …API route enum):\n\(found.joined(separator: "\n"))")
    }

    @Test func theAuthorisationPageIsGeneratedFromThePolicies() throws {
        let page = Self.repository.appendingPathComponent("docs/access.md")
        if ProcessInfo.processInfo.environment["SCON_UPDATE_DOCS"] == "1" {
            try Data(AccessMatrix.markdown.utf8).write(to: page)
        }
        let text = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
        #expect(text == AccessMatrix.markdown, "docs/access.md differs from the policies; regenerate it: SCON_UPDATE_DOCS=1 swift test --filter theAuthorisationPage")
    }
}
