import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Requests to the agreements API, and agreements of the tests' own.
struct AgreementsFixture: Sendable {
    let app: Application
    let officer: TestUser

    static func make(_ app: Application) async throws -> AgreementsFixture {
        AgreementsFixture(app: app, officer: try await app.officer())
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, by user: TestUser?) async throws -> TestingHTTPResponse {
        var headers = user?.bearer ?? [:]
        if body != nil { headers = headers.adding(Body.jsonHeaders) }
        var result: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: try body.map(Body.json)) { result = $0 }
        return try #require(result)
    }

    /// A restricted agreement between an organisation and a country, recorded by the officer.
    func agreement(organisation: UUID, public isPublic: Bool = false, projects: [UUID] = [], signedOn: String = "2026-03-10") async throws -> [String: Any] {
        let response = try await send(.POST, "/api/v1/agreements", Self.body(organisation: organisation, public: isPublic, projects: projects, signedOn: signedOn), by: officer)
        #expect(response.status == .created, "\(response.text)")
        return response.json
    }

    static func body(organisation: UUID, public isPublic: Bool = false, projects: [UUID] = [], signedOn: String = "2026-03-10") -> [String: Any] {
        ["kind": "mou", "level": "institutional", "title": ["en": "Test MOU on water management", "ko": "물관리 시험 협약"],
         "parties": [["organisation": organisation.uuidString, "signatoryTitle": ["en": "President", "ko": "원장"]],
                     ["country": "VN", "description": ["en": "A Vietnamese city (not disclosed)", "ko": "베트남 도시(비공개)"]]],
         "signedOn": signedOn, "sectors": ["water"], "public": isPublic, "projects": projects.map(\.uuidString)]
    }

    func parties(_ agreement: [String: Any]) -> [String] {
        (agreement["parties"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }
}

@Suite struct AgreementsAPITests {
    static let filters = ["asOf=2019-11-25", "asOf=2019-11-24", "asOf=2019-11-25&country=TH", "asOf=2019-11-25&country=SG&type=agreement",
                          "asOf=2019-11-25&type=not-disclosed", "asOf=2019-11-25&from=2019-10-01", "asOf=2020-06-30", "asOf=2020-06-30&country=VN"]

    @Test(arguments: TestDatabase.all)
    func theTallyAndTheListAgreeForEveryFilter(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: the demo data, and one outcome of the test's own, achieved after the report.
            let fixture = try await AgreementsFixture.make(app)
            let extra = Outcome()
            extra.apply(OutcomeFacts(type: .eventHeld, state: .achieved, date: PartialDate("2020-03-10"), recordedOn: CalendarDay("2019-12-01")!,
                                     countries: [CountryCode("VN")!, CountryCode("TH")!]))
            extra.titleEn = "A test event"; extra.titleKo = "시험 행사"; extra.sourceEn = "test"; extra.sourceKo = "시험"; extra.sample = true
            try await extra.create(on: app.db)

            // Act + check: the contract figure.
            let demo = try await fixture.send(.GET, "/api/v1/outcomes/tally?asOf=2019-11-25", by: nil)
            #expect(demo.status == .ok)
            #expect(demo.json["asOf"] as? String == "2019-11-25")
            #expect(demo.json["achieved"] as? Int == 20)
            #expect(demo.json["planned"] as? Int == 3)
            #expect(demo.json["total"] as? Int == 23)

            let all = try await Outcome.query(on: app.db).all().map { try $0.facts }
            for query in Self.filters {
                let tally = try await fixture.send(.GET, "/api/v1/outcomes/tally?\(query)", by: nil).json
                var items: [[String: Any]] = []
                var cursor: String?
                repeat {
                    let page = try await fixture.send(.GET, "/api/v1/outcomes?\(query)&limit=5" + (cursor.map { "&cursor=\($0)" } ?? ""), by: nil).json
                    items += page["items"] as? [[String: Any]] ?? []
                    cursor = page["nextCursor"] as? String
                } while cursor != nil
                #expect(tally["total"] as? Int == items.count, "\(query)")
                #expect(tally["achieved"] as? Int == items.filter { $0["standing"] as? String == "achieved" }.count, "\(query)")
                #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count, "\(query): a record listed twice")
                // The SQL tally is the domain rule applied record by record.
                let parts = Dictionary(uniqueKeysWithValues: query.split(separator: "&").map { ($0.split(separator: "=")[0].description, $0.split(separator: "=")[1].description) })
                let filter = try OutcomeFilter.parse(asOf: parts["asOf"], from: parts["from"], country: parts["country"], type: parts["type"], today: CalendarDay("2026-12-01")!)
                let rule = OutcomeRule.tally(all, filter)
                #expect((tally["achieved"] as? Int, tally["planned"] as? Int) == (rule.achieved, rule.planned), "\(query)")
                #expect(tally["records"] as? String == "/api/v1/outcomes?" + filter.queryString)
            }
            #expect(try await fixture.send(.GET, "/api/v1/outcomes/tally?asOf=2020-06-30&country=VN", by: nil).json["achieved"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFiltersAreRefusedByName(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let bad = try await fixture.send(.GET, "/api/v1/outcomes/tally?asOf=2019-02-30&type=party", by: nil)
            #expect(bad.status == .badRequest)
            #expect(bad.problemFields == ["asOf", "type"])
            #expect(try await fixture.send(.GET, "/api/v1/agreements?kind=treaty", by: nil).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoAgreementsAreTheOnesTheRecordNames(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let list = try await fixture.send(.GET, "/api/v1/agreements?limit=100", by: nil)
            #expect(list.status == .ok)
            let items = list.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 6)
            let thailand = try #require(items.first { $0["signedOn"] as? String == "2019-09" })
            let names = (thailand["parties"] as? [[String: Any]])?.compactMap { ($0["organisationName"] as? [String: Any])?["en"] as? String }
            #expect(names == ["Ministry of Land, Infrastructure and Transport", "Ministry of Digital Economy and Society"])
            // Parties the record does not name are "not disclosed", never invented.
            let institutional = items.filter { $0["level"] as? String == "institutional" }
            #expect(institutional.count == 3)
            for item in institutional {
                let parties = item["parties"] as? [[String: Any]] ?? []
                #expect(parties.allSatisfy { $0["organisationId"] is NSNull })
                #expect(parties.compactMap { ($0["description"] as? [String: Any])?["en"] as? String }.allSatisfy { $0.contains("not disclosed") })
            }
            let thai = try await fixture.send(.GET, "/api/v1/agreements?country=TH", by: nil).json["items"] as? [[String: Any]]
            #expect(thai?.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRestrictedAgreementIsHiddenFromVisitorsAndOtherOrganisations(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a restricted agreement of MOLIT.
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let created = try await fixture.agreement(organisation: molit)
            let id = try #require(created["id"] as? String)
            let member = try await app.member(of: molit)
            let other = try await app.member(of: try await app.organisationID("th-mdes"))

            // Act + check: visitors and other organisations neither list nor read it.
            for user in [nil, other] {
                let list = try await fixture.send(.GET, "/api/v1/agreements?limit=100", by: user).json["items"] as? [[String: Any]] ?? []
                #expect(!list.contains { $0["id"] as? String == id })
                #expect(try await fixture.send(.GET, "/api/v1/agreements/\(id)", by: user).status == .notFound)
                #expect(try await Browser(app).get("/agreements/\(id)").status == .notFound)
            }
            // Its party's members and officers do.
            for user in [member, fixture.officer] {
                let list = try await fixture.send(.GET, "/api/v1/agreements?limit=100", by: user).json["items"] as? [[String: Any]] ?? []
                #expect(list.contains { $0["id"] as? String == id })
                #expect(try await fixture.send(.GET, "/api/v1/agreements/\(id)", by: user).status == .ok)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerRecordsAnAgreementAndEachPartysSteps(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let audit = try await app.count(AuditRecord.self)
            // Act: record it.
            let created = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true)
            let id = try #require(created["id"] as? String)
            #expect((created["code"] as? String)?.hasPrefix("AGR-2026-") == true)
            #expect(try await app.count(AuditRecord.self) > audit)
            let parties = fixture.parties(created)
            #expect(parties.count == 2)
            // Steps: signed, then in force; each party has its own timeline.
            let signed = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": parties[0], "status": "signed", "date": "2026-03-10", "note": "Signed in Hanoi"], by: fixture.officer)
            #expect(signed.status == .created)
            let inForce = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": parties[0], "status": "in-force", "date": "2026-04"], by: fixture.officer)
            #expect(inForce.status == .created)
            let first = (inForce.json["parties"] as? [[String: Any]])?.first
            #expect(first?["status"] as? String == "in-force")
            #expect((first?["timeline"] as? [[String: Any]])?.count == 2)
            #expect((inForce.json["parties"] as? [[String: Any]])?.last?["status"] is NSNull)
            // A move that skips a step is refused and writes nothing.
            let actions = try await app.count(AgreementAction.self)
            let skip = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": parties[1], "status": "in-force"], by: fixture.officer)
            #expect(skip.status == .conflict)
            #expect((skip.json["detail"] as? String)?.contains("one step at a time") == true)
            let back = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": parties[0], "status": "expired", "date": "2025-01-01"], by: fixture.officer)
            #expect(back.status == .conflict)
            #expect(try await app.count(AgreementAction.self) == actions)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedWithNothingWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let before = (try await app.count(Agreement.self), try await app.count(AgreementParty.self), try await app.count(AuditRecord.self))
            var noParties = AgreementsFixture.body(organisation: molit); noParties["parties"] = []
            let none = try await fixture.send(.POST, "/api/v1/agreements", noParties, by: fixture.officer)
            #expect(none.status == .unprocessableEntity)
            #expect(none.problemFields == ["parties"])
            var endBeforeStart = AgreementsFixture.body(organisation: molit); endBeforeStart["expiresOn"] = "2026-01-01"
            let reversed = try await fixture.send(.POST, "/api/v1/agreements", endBeforeStart, by: fixture.officer)
            #expect(reversed.status == .unprocessableEntity)
            #expect(reversed.problemFields == ["expiresOn"])
            var unknownOrganisation = AgreementsFixture.body(organisation: UUID())
            unknownOrganisation["projects"] = [UUID().uuidString]
            #expect(try await fixture.send(.POST, "/api/v1/agreements", unknownOrganisation, by: fixture.officer).problemFields == ["parties[0].organisation", "projects[0]"])
            var unknownField = AgreementsFixture.body(organisation: molit); unknownField["secret"] = true
            #expect(try await fixture.send(.POST, "/api/v1/agreements", unknownField, by: fixture.officer).status == .badRequest)
            let created = try await fixture.agreement(organisation: molit)
            let id = try #require(created["id"] as? String)
            let afterCreate = try await app.count(AgreementAction.self)
            let badStep = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": UUID().uuidString, "status": "sealed", "date": "2026-13"], by: fixture.officer)
            #expect(badStep.status == .unprocessableEntity)
            #expect(Set(badStep.problemFields) == ["party", "status", "date"])
            #expect(try await app.count(AgreementAction.self) == afterCreate)
            #expect(try await app.count(Agreement.self) == before.0 + 1)
            #expect(try await app.count(AgreementParty.self) == before.1 + 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyOfficersRecordAgreements(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await AgreementsFixture.make(app)
            let molit = try await app.organisationID("molit")
            let existing = try #require(try await Agreement.query(on: app.db).first())
            let party = try #require(try await AgreementParty.query(on: app.db).filter(\.$agreementID == existing.storedID).first())
            let before = (try await app.count(Agreement.self), try await app.count(AgreementAction.self))
            let body = AgreementsFixture.body(organisation: molit)
            #expect(try await fixture.send(.POST, "/api/v1/agreements", body, by: nil).status == .unauthorized)
            for user in [try await app.makeUser(), try await app.member(of: molit), try await app.admin()] {
                #expect(try await fixture.send(.POST, "/api/v1/agreements", body, by: user).status == .forbidden)
                let step = try await fixture.send(.POST, "/api/v1/agreements/\(existing.storedID.uuidString)/actions",
                                                  ["party": party.storedID.uuidString, "status": "in-force"], by: user)
                #expect(step.status == .forbidden)
            }
            #expect(try await app.count(Agreement.self) == before.0)
            #expect(try await app.count(AgreementAction.self) == before.1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAgreementInForceWithoutActivityIsDormantAndDue(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an agreement linked to a project without bookings or stage moves, in force since 2024.
            let fixture = try await AgreementsFixture.make(app)
            var quiet: Project?
            for project in try await Project.query(on: app.db).all() {
                let bookings = try await LedgerTransaction.query(on: app.db).filter(\.$projectID == project.storedID).count()
                let moves = try await AuditRecord.query(on: app.db).filter(\.$subject == "project:" + UUIDText.string(project.storedID)).filter(\.$action == "project.stage").count()
                if bookings == 0 && moves == 0 { quiet = project; break }
            }
            let project = try #require(quiet)
            let created = try await fixture.agreement(organisation: try await app.organisationID("molit"), public: true,
                                                      projects: [project.storedID], signedOn: "2024-01-10")
            let id = try #require(created["id"] as? String)
            let party = fixture.parties(created)[0]
            _ = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "signed", "date": "2024-01-10"], by: fixture.officer)
            _ = try await fixture.send(.POST, "/api/v1/agreements/\(id)/actions", ["party": party, "status": "in-force", "date": "2024-02-01"], by: fixture.officer)

            // Check: dormant in the API, on its page, in the list, and due for officers.
            #expect(try await fixture.send(.GET, "/api/v1/agreements/\(id)", by: nil).json["dormant"] as? Bool == true)
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            #expect(try await browser.get("/?lang=en").text.contains("Dormant agreement"))
            #expect(try await browser.get("/agreements?lang=en").text.contains("Dormant"))
            #expect(try await Browser(app).get("/agreements/\(id)?lang=ko").text.contains("후속 조치가 필요합니다"))
            // Not due for an account without the officer's role.
            let plain = Browser(app)
            try await plain.signIn(try await app.makeUser())
            #expect(!(try await plain.get("/?lang=en").text.contains("Dormant agreement")))

            // Act: the linked project moves a stage today; check: awake again.
            try await AuditLog.append([AuditEvent(actor: nil, action: "project.stage", subject: "project:" + UUIDText.string(project.storedID),
                                                  details: ["stage": "selected"])], to: .project(project.storedID), on: app.db)
            let awake = try await fixture.send(.GET, "/api/v1/agreements/\(id)", by: nil).json
            #expect(awake["dormant"] as? Bool == false)
            #expect(awake["lastActivity"] as? String == CalendarDay(Date()).description)
        }
    }
}
