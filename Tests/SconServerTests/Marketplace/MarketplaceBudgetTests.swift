import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A challenge's budget stays in its currency, with its KRW equivalent at the fund's latest rate.
@Suite struct MarketplaceBudgetTests {
    @Test func aRangeConvertsAtTheRateRoundedToTheWon() throws {
        let range = BudgetRange(minimum: Money(minor: 100_050, .THB), maximum: Money(minor: 500_000_000, .THB))
        let rate = ExchangeRate(currency: .THB, day: CalendarDay("2026-11-20")!, microKRWPerUnit: 38_500_000, source: "test")
        let krw = try #require(range.inKRW(rate))
        #expect(krw.minimum == Money(minor: 38_519, .KRW))  // 1,000.50 THB × 38.5 = 38,519.25 → 38,519
        #expect(krw.maximum == Money(minor: 192_500_000, .KRW))
        #expect(range.inKRW(ExchangeRate(currency: .USD, day: CalendarDay("2026-11-20")!, microKRWPerUnit: 1, source: "x")) == nil)
        #expect(range.inKRW(nil) == nil)
        let won = BudgetRange(minimum: Money(minor: 5, .KRW), maximum: Money(minor: 9, .KRW))
        #expect(won.inKRW(nil) == won)
    }

    @Test(arguments: TestDatabase.all)
    func theAPIThePageAndTheCSVShowTheKRWEquivalent(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            // The fund's latest THB rate (a later day than the demo data's).
            let rate = ExchangeRateRecord()
            rate.currency = "THB"; rate.day = "2026-11-20"; rate.microKRW = 38_500_000; rate.source = "Test rate"; rate.sample = false
            try await rate.create(on: app.db)
            let created = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["publish": true]), by: fixture.cityMember)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect((created.json["budget"] as? [String: Any])?["currency"] as? String == "THB")
            let krw = try #require(created.json["budgetKrw"] as? [String: Any])
            #expect(krw["currency"] as? String == "KRW")
            #expect(krw["minimum"] as? String == "38500000")
            #expect(krw["maximum"] as? String == "192500000")
            // The list and its CSV carry it; the list filters are unchanged.
            let list = try await fixture.send(.GET, "/api/v1/challenges?country=TH&sector=transport", by: nil)
            let item = try #require((list.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == id })
            #expect((item["budgetKrw"] as? [String: Any])?["maximum"] as? String == "192500000")
            let csv = try await fixture.send(.GET, "/api/v1/challenges.csv?country=TH", by: nil).text
            #expect(csv.contains("budget_krw_min,budget_krw_max"))
            #expect(csv.contains("1000000.00,5000000.00,38500000,192500000"))
            // The page shows both, with the rate and its source.
            for (language, words) in [("en", "Budget in KRW"), ("ko", "원화 환산 예산")] {
                let page = try await Browser(app).get("/marketplace/challenges/\(id)?lang=\(language)").text
                #expect(page.contains(words))
                #expect(page.contains("192,500,000"))
                #expect(page.contains("1,000,000.00") && page.contains("5,000,000.00"))  // the local range grouped too
                #expect(page.contains("Test rate"))
            }
            // Without a rate for its currency: null, and the page says so.
            try await ExchangeRateRecord.query(on: app.db).filter(\.$currency == "THB").delete()
            let without = try await fixture.send(.GET, "/api/v1/challenges/\(id)", by: nil)
            #expect(without.json["budgetKrw"] is NSNull)
            #expect(try await Browser(app).get("/marketplace/challenges/\(id)?lang=en").text.contains("No exchange rate for this currency yet"))
            // A budget in KRW is its own equivalent.
            let won = try await fixture.send(.PATCH, "/api/v1/challenges/\(id)", ["budgetCurrency": "KRW", "budgetMin": "10,000,000", "budgetMax": "20,000,000"],
                                             by: fixture.cityMember)
            #expect((won.json["budgetKrw"] as? [String: Any])?["minimum"] as? String == "10000000")
        }
    }
}
