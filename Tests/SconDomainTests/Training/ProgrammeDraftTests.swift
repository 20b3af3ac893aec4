import Foundation
import Testing
@testable import SconDomain

/// The rules of a programme as the office writes it.
@Suite struct ProgrammeDraftTests {
    static let host = UUID(uuidString: "00000000-0000-4000-8000-0000000000a1")!

    static func draft() -> ProgrammeDraft {
        ProgrammeDraft(code: "sct-2027", title: LocalizedText(en: "Smart-city planning", ko: "스마트시티 계획"),
                       description: LocalizedText(en: "Two weeks in Sejong.", ko: "세종에서 2주."), topics: ["smart-city-planning", "ict"],
                       format: "in-korea", languages: ["en"], lengthDays: 14, hostOrganisation: host)
    }

    @Test func aCompleteDraftPasses() throws {
        let terms = try Self.draft().validated()
        #expect(terms.code == "SCT-2027")
        #expect(terms.topics == [.smartCityPlanning, .ict])
        #expect(terms.format == .inKorea)
        #expect(terms.hostOrganisation == Self.host)
        #expect(terms.call == nil)
    }

    @Test func everyBrokenRuleIsNamedByItsPath() {
        var draft = Self.draft()
        draft.code = "SCT 2027"
        draft.title = LocalizedText(en: "", ko: String(repeating: "가", count: 201))
        draft.topics = ["water", "cooking", "water"]
        draft.format = "by-post"
        draft.languages = []
        draft.lengthDays = 0
        draft.hostOrganisation = nil
        do {
            _ = try draft.validated()
            Issue.record("a broken draft passed")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("\(error)"); return }
            let found = Dictionary(issues.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
            #expect(found == ["code": "invalid", "title.en": "required", "title.ko": "too-long", "topics[1]": "unknown", "topics[2]": "duplicate",
                              "format": "unknown", "languages": "required", "lengthDays": "out-of-range", "hostOrganisation": "required"])
        }
    }

    @Test func missingFieldsAreRequired() {
        do {
            _ = try ProgrammeDraft().validated()
            Issue.record("an empty draft passed")
        } catch {
            guard case .invalid(let issues) = error else { return }
            #expect(Set(issues.map(\.field)).isSuperset(of: ["code", "title.en", "title.ko", "description.en", "topics", "format", "languages", "lengthDays"]))
            #expect(issues.allSatisfy { $0.code == "required" })
        }
    }
}
