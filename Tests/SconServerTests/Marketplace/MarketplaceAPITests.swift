import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct MarketplaceAPITests {
    @Test(arguments: TestDatabase.all)
    func aDraftStaysWithItsOrganisationUntilPublished(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            // Act: the city's member posts a draft.
            let created = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(), by: fixture.cityMember)
            #expect(created.status == .created)
            #expect(created.json["status"] as? String == "draft")
            #expect((created.json["budget"] as? [String: Any])?["minimum"] as? String == "1000000.00")
            let id = try #require(created.json["id"] as? String)
            // A draft is a 404 for a visitor and another organisation, and not in the search or the list.
            #expect(try await fixture.send(.GET, "/api/v1/challenges/\(id)", by: nil).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/challenges/\(id)", by: fixture.companyMember).status == .notFound)
            let search = try await fixture.send(.GET, "/api/v1/search?q=%E0%B8%A3%E0%B8%96%E0%B8%95%E0%B8%B4%E0%B8%94&kind=challenge", by: nil)
            #expect(!search.text.contains(id))
            let mine = try await fixture.send(.GET, "/api/v1/challenges?mine=true&status=draft", by: fixture.cityMember)
            #expect(mine.text.contains(id))
            #expect(!(try await fixture.send(.GET, "/api/v1/challenges", by: nil)).text.contains(id))
            // Publishing opens it to all and to the search (รถติด: "traffic jam", inside unspaced Thai).
            let opened = try await fixture.send(.POST, "/api/v1/challenges/\(id)/status", ["status": "open"], by: fixture.cityMember)
            #expect(opened.status == .ok)
            #expect(try await fixture.send(.GET, "/api/v1/challenges/\(id)", by: nil).status == .ok)
            let found = try await fixture.send(.GET, "/api/v1/search?q=%E0%B8%A3%E0%B8%96%E0%B8%95%E0%B8%B4%E0%B8%94&kind=challenge", by: nil)
            #expect(found.text.contains(id))
            // The CSV of the same filter has it, with a byte-order mark.
            let csv = try await fixture.send(.GET, "/api/v1/challenges.csv?country=TH&sector=transport", by: nil)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.text.contains("รถติดหนักบนถนนสายหลัก"))
            // An archived challenge cannot come back: 409, in words.
            #expect(try await fixture.send(.POST, "/api/v1/challenges/\(id)/status", ["status": "archived"], by: fixture.cityMember).status == .ok)
            let refused = try await fixture.send(.POST, "/api/v1/challenges/\(id)/status", ["status": "open"], by: fixture.cityMember)
            #expect(refused.status == .conflict)
            #expect(!(try await fixture.send(.GET, "/api/v1/search?q=%E0%B8%A3%E0%B8%96%E0%B8%95%E0%B8%B4%E0%B8%94&kind=challenge", by: nil)).text.contains(id))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedAndWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let before = try await app.count(Challenge.self)
            // No city.
            var body = fixture.challengeBody(); body["city"] = nil
            let noCity = try await fixture.send(.POST, "/api/v1/challenges", body, by: fixture.cityMember)
            #expect(noCity.status == .unprocessableEntity)
            #expect(noCity.problemFields.contains("city"))
            // A budget below zero.
            let negative = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["budgetMin": "-1"]), by: fixture.cityMember)
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.problemFields == ["budgetMin"])
            // An unknown field, a null, an unknown sector.
            #expect(try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["owner": "me"]), by: fixture.cityMember).status == .badRequest)
            #expect(try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["title": NSNull()]), by: fixture.cityMember).status == .badRequest)
            let sector = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["sectors": ["rockets"]]), by: fixture.cityMember)
            #expect(sector.problemFields.contains("sectors[0]"))
            // Not signed in.
            #expect(try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(), by: nil).status == .unauthorized)
            #expect(try await app.count(Challenge.self) == before)
            // A solution without readiness, with a reference that is not a city.
            let solution = try await fixture.send(.POST, "/api/v1/solutions", fixture.solutionBody(["readiness": "soon", "references": [UUID().uuidString]]),
                                                  by: fixture.companyMember)
            #expect(solution.status == .unprocessableEntity)
            #expect(Set(solution.problemFields) == ["readiness", "references[0]"])
            #expect(try await app.count(Solution.self) == 10)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheOrganisationEditsItsRecords(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let (challenge, solution) = try await fixture.publishedPair()
            // Another organisation's member and a stranger may not edit (403), nor post for another organisation.
            #expect(try await fixture.send(.PATCH, "/api/v1/solutions/\(solution)", ["title": "Taken over"], by: fixture.cityMember).status == .forbidden)
            #expect(try await fixture.send(.PATCH, "/api/v1/challenges/\(challenge)", ["title": "Taken over"], by: fixture.stranger).status == .forbidden)
            #expect(try await fixture.send(.POST, "/api/v1/solutions", fixture.solutionBody(), by: fixture.cityMember).status == .forbidden)
            // A Korean company's member does not post a challenge for a Thai city as its own.
            let foreign = try await fixture.send(.POST, "/api/v1/challenges", fixture.challengeBody(["organisation": fixture.company.uuidString]), by: fixture.companyMember)
            #expect(foreign.status == .forbidden)
            let unchanged = try await fixture.send(.GET, "/api/v1/solutions/\(solution)", by: nil)
            #expect(unchanged.json["title"] as? String == "Adaptive traffic signals for congested corridors")
            // The owner edits.
            let edited = try await fixture.send(.PATCH, "/api/v1/solutions/\(solution)", ["titleKo": "혼잡 구간 적응형 신호 제어"], by: fixture.companyMember)
            #expect(edited.status == .ok)
            #expect(edited.json["titleKo"] as? String == "혼잡 구간 적응형 신호 제어")
            #expect(edited.json["title"] as? String == "Adaptive traffic signals for congested corridors")
        }
    }

    @Test(arguments: TestDatabase.all)
    func mutualInterestOpensAConversationForTheTwoSides(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await MarketplaceFixture.make(app)
            let (challenge, solution) = try await fixture.publishedPair()
            // The suggestions explain themselves: the solution comes up for the challenge, with shared sectors.
            let matches = try await fixture.send(.GET, "/api/v1/challenges/\(challenge)/matches", by: nil)
            let items = try #require(matches.json["items"] as? [[String: Any]])
            let match = try #require(items.first { $0["id"] as? String == solution })
            let codes = (match["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
            #expect(codes.contains("sectors") && codes.contains("country") && codes.contains("language"))
            let pair = "/api/v1/matches/\(challenge)/\(solution)"
            // Before both sides are interested no message is taken; a stranger is not a side.
            #expect(try await fixture.send(.POST, pair + "/messages", ["text": "Hello"], by: fixture.cityMember).status == .conflict)
            #expect(try await fixture.send(.POST, pair + "/interest", by: fixture.stranger).status == .forbidden)
            let one = try await fixture.send(.POST, pair + "/interest", by: fixture.cityMember)
            #expect(one.json["challengeSide"] as? Bool == true && one.json["mutual"] as? Bool == false)
            let both = try await fixture.send(.POST, pair + "/interest", by: fixture.companyMember)
            #expect(both.json["mutual"] as? Bool == true)
            // The sides write; the office reads but does not write; a stranger sees nothing.
            let message = try await fixture.send(.POST, pair + "/messages", ["text": "ยินดีที่ได้รู้จัก — shall we meet?"], by: fixture.cityMember)
            #expect(message.status == .created)
            #expect(try await fixture.send(.POST, pair + "/messages", ["text": ""], by: fixture.companyMember).status == .unprocessableEntity)
            let officer = try await app.officer()
            #expect(try await fixture.send(.GET, pair + "/messages", by: officer).text.contains("shall we meet"))
            #expect(try await fixture.send(.POST, pair + "/messages", ["text": "Officer here"], by: officer).status == .forbidden)
            let hidden = try await fixture.send(.GET, pair + "/messages", by: fixture.stranger)
            #expect(hidden.status == .notFound)
            #expect(!hidden.text.contains("shall we meet"))
            #expect(try await app.count(MarketplaceMessage.self) == 1)
        }
    }
}
