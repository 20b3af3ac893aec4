import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct MarketplacePageTests {
    @Test(arguments: TestDatabase.all)
    func theChallengeFormKeepsWhatWasTypedAndSaysTheRule(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(fixture.cityMember)
            let before = try await app.count(Challenge.self)
            // No city, a negative budget: refused with the input kept and the rules in Korean.
            let refused = try await browser.post("/marketplace/challenges/new?lang=ko", form: [
                ("organisation", fixture.cityOrg.uuidString), ("city", ""), ("sectors[]", "water"), ("language", "th"),
                ("title", "น้ำท่วมซอยหลังตลาด"), ("body", "ฝนตกหนักทุกครั้งน้ำท่วมซอย"), ("budgetCurrency", "THB"), ("budgetMin", "-3"), ("budgetMax", "10"),
                ("peopleAffected", "many")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("น้ำท่วมซอยหลังตลาด"))
            #expect(refused.text.contains("value=\"many\""))
            #expect(refused.text.contains("value=\"-3\""))
            #expect(refused.text.contains("도시"))
            #expect(!refused.text.contains("error."))
            #expect(try await app.count(Challenge.self) == before)
            // Corrected: saved, published, and shown with its status.
            let saved = try await browser.post("/marketplace/challenges/new", form: [
                ("organisation", fixture.cityOrg.uuidString), ("city", fixture.city.uuidString), ("sectors[]", "water"), ("language", "th"),
                ("title", "น้ำท่วมซอยหลังตลาด"), ("body", "ฝนตกหนักทุกครั้งน้ำท่วมซอย"), ("publish", "true")])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers.first(name: .location))
            let page = try await browser.get(location + "?lang=ko")
            #expect(page.status == .ok)
            #expect(page.text.contains("น้ำท่วมซอยหลังตลาด"))
            #expect(page.text.contains("모집 중"))
            #expect(try await app.count(Challenge.self) == before + 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func thePairPageShowsTheConversationOnlyToTheSides(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let (challenge, solution) = try await fixture.publishedPair()
            let path = "/marketplace/matches/\(challenge)/\(solution)"
            let company = Browser(app)
            try await company.signIn(fixture.companyMember)
            #expect(try await company.post(path + "/interest", form: []).status == .seeOther)
            let city = Browser(app)
            try await city.signIn(fixture.cityMember)
            #expect(try await city.post(path + "/interest", form: []).status == .seeOther)
            // An empty message keeps the form with the rule; a real one appears for both sides.
            let empty = try await city.post(path + "/messages", form: [("text", "")])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await city.post(path + "/messages", form: [("text", "Can you pilot on Sukhumvit?")]).status == .seeOther)
            #expect(try await company.get(path).text.contains("Can you pilot on Sukhumvit?"))
            // A visitor sees the pair, not the conversation.
            let visitor = try await Browser(app).get(path)
            #expect(visitor.status == .ok)
            #expect(!visitor.text.contains("Sukhumvit"))
            // The lists and the search page answer in both languages.
            for language in ["en", "ko"] {
                let browser = Browser(app)
                #expect(try await browser.get("/marketplace?show=solutions&sector=transport&lang=\(language)").text.contains("Adaptive traffic signals"))
                #expect(try await browser.get("/search?q=traffic&lang=\(language)").status == .ok)
            }
            #expect(try await Browser(app).get("/search?q=" + String(repeating: "x", count: 600)).status == .badRequest)
        }
    }
}
