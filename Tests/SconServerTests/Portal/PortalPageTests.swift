import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct PortalPageTests {
    @Test(arguments: TestDatabase.all)
    func theHomePageShowsTheProgrammeItsFiguresAndTheMap(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for (language, words) in [("en", ["Korea Smart City Open Network", "cooperation outcomes", "ASEAN countries", "Open now"]),
                                      ("ko", ["코리아 스마트시티 오픈 네트워크", "협력성과", "아세안 국가", "지금 접수 중"])] {
                let page = try await Browser(app).get("/?lang=\(language)")
                #expect(page.status == .ok)
                let html = page.text
                for word in words { #expect(html.contains(word), "\(language): \(word)") }
                // The map is inline SVG; Singapore and Brunei are drawn and clickable.
                #expect(html.contains("<svg viewBox=\"0 0 640 560\""))
                #expect(html.contains("href=\"/?country=SG#map\""))
                #expect(html.contains("href=\"/?country=BN#map\""))
                // The outcomes figure links to the records it counts.
                #expect(html.contains("href=\"/outcomes?asOf="))
                // Charts with their data as tables.
                #expect(html.contains("<table class=\"chart-data\">"))
                #expect(!html.contains("<script"))
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func oneFilterDrivesTheMapTheFiguresAndTheDownloads(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let html = try await Browser(app).get("/?country=TH&lang=en").text
            #expect(html.contains("class=\"active selected\"") || html.contains("class=\"selected\""))
            #expect(html.contains("href=\"/data/projects.geojson?country=TH\""))
            #expect(html.contains("href=\"/data/calls.ics?country=TH\""))
            #expect(html.contains("href=\"/outcomes?asOf=\(CalendarDay(Date()))&amp;country=TH\""))
            #expect(html.contains("href=\"/agreements?country=TH\""))
            // The Thailand MOU is among the latest results; the Singapore one is not.
            #expect(html.contains("Thailand&#39;s Ministry of Digital Economy and Society"))
            #expect(!html.contains("Ministerial MOU with Singapore"))
            // The fund's figures follow the filter: no Thai project has money yet, the Cambodian sample one has.
            #expect(!html.contains("committed by the fund"))
            #expect(try await Browser(app).get("/?country=KH&lang=en").text.contains("committed by the fund"))
            #expect(try await Browser(app).get("/?country=Thailand").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCountryPageTellsItsStory(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let thailand = try await Browser(app).get("/countries/TH?lang=en").text
            #expect(thailand.contains("Its part in the programme"))
            #expect(thailand.contains("Thailand&#39;s Ministry of Digital Economy and Society"))
            #expect(thailand.contains("href=\"/agreements?country=TH\"><strong>1</strong>"))
            let korean = try await Browser(app).get("/countries/SG?lang=ko").text
            #expect(korean.contains("사업 참여 현황"))
            #expect(korean.contains("싱가포르와의 스마트시티 포괄 협력 장관급 업무협약"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCatalogueLinksEveryFileAndTheFilesAreValid(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let catalogue = try await Browser(app).get("/data?lang=en")
            #expect(catalogue.status == .ok)
            for ext in [".csv", ".json", ".geojson", ".ics"] { #expect(catalogue.text.contains(ext + "\""), "\(ext)") }
            for file in PortalData.allCases {
                #expect(catalogue.text.contains("href=\"\(file.path)\""), "\(file.rawValue)")
                let response = try await Browser(app).get(file.path)
                #expect(response.status == .ok, "\(file.rawValue)")
            }
            // CSV: UTF-8 with a BOM, Korean readable, one row per agreement.
            let csv = try await Browser(app).get("/data/agreements.csv")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let table = try CSVTable(parsing: String(csv.text.dropFirst()))
            #expect(table.header == PortalDataset.agreements.columns)
            #expect(table.rows.count == 6)
            #expect(table.rows.contains { $0[4].contains("태국 디지털경제사회부") })
            // GeoJSON (RFC 7946): a FeatureCollection of points, longitude first, inside the WGS 84 bounds.
            let geo = try #require(try JSONSerialization.jsonObject(with: Data(try await Browser(app).get("/data/cities.geojson?country=TH").body.readableBytesView)) as? [String: Any])
            #expect(geo["type"] as? String == "FeatureCollection")
            let features = geo["features"] as? [[String: Any]] ?? []
            #expect(!features.isEmpty)
            for feature in features {
                let coordinates = ((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double]) ?? []
                #expect(coordinates.count == 2)
                // Thailand lies between 97°E and 106°E, 5°N and 21°N: longitude comes first.
                #expect((97...106).contains(coordinates[0]) && (5...21).contains(coordinates[1]))
                #expect((feature["properties"] as? [String: Any])?["country"] as? String == "TH")
            }
            // iCalendar read by a real parser.
            let ics = try await Browser(app).get("/data/calls.ics")
            #expect(ics.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            if let calendar = try ICalendarReader.read(ics.text) {
                let calls = try await Call.query(on: app.db).filter(\.$state != "draft").count()
                #expect(calendar.events.count == 2 * calls)
                #expect(calendar.events.allSatisfy { $0.uid.hasPrefix("call-") && $0.start?.hasSuffix("Z") == true })
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func filesAreCacheableWithETags(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            var first: TestingHTTPResponse?
            try await app.testing().test(.GET, "/data/outcomes.json?asOf=2019-11-25") { first = $0 }
            let etag = try #require(first?.headers.first(name: .eTag))
            #expect(first?.headers.first(name: .cacheControl)?.contains("public") == true)
            #expect(first?.headers.first(name: .lastModified) != nil)
            let items = (first?.json["items"] as? [[String: Any]])?.count
            #expect(items == 23)
            try await app.testing().test(.GET, "/data/outcomes.json?asOf=2019-11-25", headers: ["If-None-Match": etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            // Another selection is another body.
            try await app.testing().test(.GET, "/data/outcomes.json?asOf=2019-11-25&country=TH", headers: ["If-None-Match": etag]) { response in
                #expect(response.status == .ok)
                #expect((response.json["items"] as? [[String: Any]])?.count == 1)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAgreementAndOutcomePagesReadInBothLanguages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let list = try await Browser(app).get("/agreements?lang=ko")
            #expect(list.status == .ok)
            #expect(list.text.contains("업무협약"))
            #expect(list.text.contains("비공개"))
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$code == "AGR-2019-01").first())
            let page = try await Browser(app).get("/agreements/\(agreement.storedID.uuidString)?lang=en")
            #expect(page.text.contains("Status by party"))
            #expect(page.text.contains("2019-09"))
            #expect(!page.text.contains("Record a party"))
            let outcomes = try await Browser(app).get("/outcomes?asOf=2019-11-25&lang=en")
            #expect(outcomes.text.contains("<strong>23</strong>"))
            #expect(outcomes.text.contains("<strong>20</strong>"))
            #expect(outcomes.text.contains("What counts as an outcome, and when"))
            #expect(try await Browser(app).get("/outcomes?asOf=soon").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerRecordsAStepOnTheAgreementsPage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an officer signed in, a demo agreement whose parties have signed.
            let officer = try await app.officer()
            let browser = Browser(app)
            try await browser.signIn(officer)
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$code == "AGR-2019-01").first())
            let party = try #require(try await AgreementParty.query(on: app.db).filter(\.$agreementID == agreement.storedID).sort(\.$position).first())
            let path = "/agreements/\(agreement.storedID.uuidString)"
            #expect(try await browser.get(path + "?lang=en").text.contains("Record a party"))
            let before = try await app.count(AgreementAction.self)
            // A skipped step: refused in the page's language, the input kept, nothing written.
            let skipped = try await browser.post(path + "/actions?lang=ko", form: [("party", party.storedID.uuidString), ("status", "expired"), ("date", ""), ("note", "test")])
            #expect(skipped.status == .conflict)
            #expect(skipped.text.contains("한 단계씩"))
            #expect(try await app.count(AgreementAction.self) == before)
            // A bad date: the error next to its field.
            let badDate = try await browser.post(path + "/actions", form: [("party", party.storedID.uuidString), ("status", "in-force"), ("date", "someday"), ("note", "")])
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.text.contains("value=\"someday\""))
            // The next step: recorded.
            let done = try await browser.post(path + "/actions?lang=en", form: [("party", party.storedID.uuidString), ("status", "in-force"), ("date", "2019-10"), ("note", "")])
            #expect(done.status == .ok)
            #expect(done.text.contains("The status was recorded."))
            #expect(try await app.count(AgreementAction.self) == before + 1)
            // A visitor without the role cannot.
            let plain = Browser(app)
            try await plain.signIn(try await app.makeUser())
            #expect(try await plain.post(path + "/actions", form: [("party", party.storedID.uuidString), ("status", "extended"), ("date", ""), ("note", "")]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerRecordsAnAgreementWithTheForm(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an officer signed in; a signed-in account without the role.
            let browser = Browser(app)
            try await browser.signIn(try await app.officer())
            let plain = Browser(app)
            try await plain.signIn(try await app.makeUser())
            #expect(try await plain.get("/agreements/new").status == .forbidden)
            #expect(try await browser.get("/agreements/new?lang=ko").text.contains("업무협약 등록"))
            let molit = UUIDText.string(try await app.organisationID("molit"))
            let before = try await app.count(Agreement.self)
            var fields: [(String, String)] = [("kind", "mou"), ("level", "institutional"), ("titleEn", "MOU on flood warning"), ("titleKo", "홍수 경보 협약"),
                                              ("signedOn", "2026-05"), ("placeEn", ""), ("placeKo", ""), ("expiresOn", "2026-04-30"), ("obligationsEn", ""), ("obligationsKo", ""),
                                              ("public", "on"), ("party0Organisation", molit), ("party0Country", ""), ("party0NameEn", ""), ("party0NameKo", "")]
            // Bad input: one party only and an expiry before the signing; the input stays, nothing is written.
            let bad = try await browser.post("/agreements/new?lang=en", form: fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"MOU on flood warning\""))
            #expect(bad.text.contains("at least two parties"))
            #expect(try await app.count(Agreement.self) == before)
            // Happy path: a second party described, the expiry after the signing.
            fields = fields.map { $0.0 == "expiresOn" ? ("expiresOn", "2031-05-31") : $0 }
            fields += [("party1Organisation", ""), ("party1Country", "VN"), ("party1NameEn", "A Vietnamese city (not disclosed)"), ("party1NameKo", "베트남 도시(비공개)")]
            let done = try await browser.post("/agreements/new", form: fields)
            #expect(done.status == .seeOther)
            let location = try #require(done.headers.first(name: .location))
            #expect(try await app.count(Agreement.self) == before + 1)
            #expect(try await browser.get(location + "?lang=en").text.contains("A Vietnamese city (not disclosed)"))
            // Others cannot.
            #expect(try await plain.post("/agreements/new", form: fields).status == .forbidden)
            #expect(try await app.count(Agreement.self) == before + 1)
        }
    }
}
