import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Agreements in the one search box: the public ones only (what an anonymous visitor may see).
@Suite struct AgreementSearchTests {
    @Test(arguments: TestDatabase.all)
    func aPublicAgreementIsFoundByAWordOfItsTitleAndARestrictedOneIsNot(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let organisation = try await app.organisationID("th-mdes")
            var open = AgreementsFixture.body(organisation: organisation, public: true)
            open["title"] = ["en": "Memorandum on desalination pilots", "ko": "해수담수화 시범 협약"]
            var closed = AgreementsFixture.body(organisation: organisation, public: false)
            closed["title"] = ["en": "Memorandum on desalination finance", "ko": "해수담수화 재원 협약"]
            let visible = try await fixture.send(.POST, "/api/v1/agreements", open, by: fixture.officer)
            let restricted = try await fixture.send(.POST, "/api/v1/agreements", closed, by: fixture.officer)
            #expect(visible.status == .created && restricted.status == .created)
            let visibleID = try #require(visible.json["id"] as? String), restrictedID = try #require(restricted.json["id"] as? String)
            // The other contexts' records are re-read into the index (at start, every ten minutes, `scon search reindex`).
            try await SearchIndexer.refresh(on: app.db, now: app.clock.now())
            for query in ["desalination", "desalination&kind=agreement", "%ED%95%B4%EC%88%98%EB%8B%B4%EC%88%98%ED%99%94"] {
                let found = try await fixture.send(.GET, "/api/v1/search?q=\(query)", by: nil)
                #expect(found.status == .ok)
                let items = try #require(found.json["items"] as? [[String: Any]])
                #expect(items.contains { $0["id"] as? String == visibleID && $0["kind"] as? String == "agreement" }, "\(query)")
                #expect(!found.text.contains(restrictedID), "\(query)")
            }
            // Not even for the officer who may read it: the index holds only what anyone may see.
            #expect(!(try await fixture.send(.GET, "/api/v1/search?q=finance&kind=agreement", by: fixture.officer)).text.contains(restrictedID))
            // The search page has the facet and links the agreement, in both languages.
            for (language, label) in [("en", "Agreement"), ("ko", "업무협약")] {
                let page = try await Browser(app).get("/search?q=desalination&kind=agreement&lang=\(language)").text
                #expect(page.contains(label))
                #expect(page.contains("/agreements/\(visibleID)"))
            }
        }
    }
}
