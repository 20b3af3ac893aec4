import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The open data of the centres, events and trained-officials lists: the exact filtered view of
/// `/centres?country=…` and `/training?country=…#trained` as CSV and JSON, counted as the figures count.
@Suite struct PortalListDataTests {
    /// A CSV download: its BOM, its header and its records.
    static func csv(_ app: Application, _ path: String) async throws -> CSVTable {
        let response = try await Browser(app).get(path)
        #expect(response.status == .ok, "\(path)")
        #expect(Array(response.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(path): UTF-8 BOM")
        #expect(response.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
        return try CSVTable(parsing: String(response.text.dropFirst()))
    }

    static func items(_ app: Application, _ path: String) async throws -> [[String: Any]] {
        let response = try await Browser(app).get(path)
        #expect(response.status == .ok, "\(path)")
        let json = response.json
        #expect(json.keys.sorted() == ["items", "nextCursor"] && json["nextCursor"] is NSNull, "\(path)")
        return json["items"] as? [[String: Any]] ?? []
    }

    @Test(arguments: TestDatabase.all)
    func theFilesHoldExactlyThePagesRecordsAndTheFiguresCountThem(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a centre hosted in a city of the directory, one in another country, each with events held and to come;
            // a held ministry event; three officials who completed a cohort, two of them of the first centre's country.
            let city = try #require(try await City.query(on: app.db).filter(\.$countryCode == "TH").first())
            func centre(_ name: String, _ country: String, city: String?) async throws -> UUID {
                let row = Centre()
                row.apply(try CentreDraft(nameEn: name, nameKo: name, hostCity: city, hostCountry: country, covers: [country], hostOrganisation: nil,
                                          contact: nil, openedOn: nil, status: "planned").validated())
                row.sample = false
                try await row.create(on: app.db)
                return row.storedID
            }
            func event(_ centre: UUID?, _ state: EventState, _ title: String) async throws {
                let row = CentreEvent()
                row.id = UUID()
                row.centreID = centre
                row.apply(try EventDraft(type: "seminar", titleEn: title, titleKo: title, venue: "Hall", timeZone: "Asia/Bangkok", firstDay: "2026-05-10",
                                         lastDay: "2026-05-10", slotTimes: ["10:00"], slotMinutes: 30, tables: 1, registrationOpens: "2026-04-01",
                                         registrationCloses: "2026-05-01", capacity: 10, b2b: true).validated())
                row.state = state.rawValue
                row.sample = false
                try await row.create(on: app.db)
            }
            let thai = try await centre("Data centre TH", "TH", city: city.nameEn), vietnamese = try await centre("Data centre VN", "VN", city: nil)
            try await event(thai, .held, "Thai held"); try await event(thai, .closed, "Thai closed"); try await event(thai, .open, "Thai open")
            try await event(vietnamese, .held, "Viet held"); try await event(nil, .held, "Ministry held")
            let applications = try await TraineeApplicationRecord.query(on: app.db).limit(3).all()
            #expect(applications.count == 3)
            for (row, country) in zip(applications, ["TH", "TH", "VN"]) {
                row.state = TraineeApplicationState.completed.rawValue
                row.country = country
                try await row.update(on: app.db)
            }
            let browser = Browser(app)
            for country in ["", "TH", "VN", "LA"] {
                let query = country.isEmpty ? "" : "?country=\(country)"
                let home = try await browser.get("/?lang=en" + (country.isEmpty ? "" : "&country=\(country)")).text
                // The home page's downloads carry the filter.
                #expect(home.contains("href=\"/data/centres.csv\(query)\"") && home.contains("href=\"/data/trained.json\(query)\""))

                // Centres: the CSV's rows = the page's records = the figure, and the JSON the same records.
                let centresFigure = try PortalContextFigureTests.figure(home, "cooperation centres")
                let centresPage = try await browser.get(centresFigure.link).text
                let centres = try await Self.csv(app, "/data/centres.csv" + query)
                #expect(centres.header == PortalDataset.centres.columns)
                #expect(centres.rows.count == centresFigure.value, "centres \(country)")
                #expect(centresPage.components(separatedBy: "data-record=\"centre\"").count - 1 == centres.rows.count, "centres \(country)")
                #expect(centres.records.allSatisfy { centresPage.contains("/centres/\($0["id"] ?? "-")") })
                let centreItems = try await Self.items(app, "/data/centres.json" + query)
                #expect(centreItems.map { $0["id"] as? String ?? "" } == centres.records.map { $0["id"] ?? "" })
                // The host city's coordinates where the directory has it.
                if let row = centres.records.first(where: { $0["name_en"] == "Data centre TH" }) {
                    #expect(row["latitude"] == GeoJSONPoints.number(city.latitude) && row["longitude"] == GeoJSONPoints.number(city.longitude))
                    let item = try #require(centreItems.first { $0["id"] as? String == row["id"] })
                    #expect(item["latitude"] as? Double == city.latitude && (item["name"] as? [String: Any])?["en"] as? String == "Data centre TH")
                }
                #expect(centres.records.first { $0["name_en"] == "Data centre VN" }?["latitude"] == (country.isEmpty || country == "VN" ? "" : nil))

                // Events: those held are the "events held" figure and the page's held records; the others its upcoming ones.
                let heldFigure = try PortalContextFigureTests.figure(home, "events held")
                let heldPage = try await browser.get(heldFigure.link).text
                let events = try await Self.csv(app, "/data/events.csv" + query)
                #expect(events.header == PortalDataset.events.columns)
                let held = events.records.filter { $0["held"] == "true" }
                #expect(held.count == heldFigure.value, "held \(country)")
                #expect(heldPage.components(separatedBy: "data-record=\"held\"").count - 1 == held.count, "held \(country)")
                #expect(events.records.allSatisfy { heldPage.contains("/events/\($0["id"] ?? "-")") }, "events \(country)")
                let upcoming = try await CentreCountryFilter.upcomingEvents(try CentreCountryFilter.parse(country.isEmpty ? nil : country), by: .anonymous,
                                                                             limit: 1_000, on: app.db)
                #expect(events.rows.count - held.count == upcoming.count)
                #expect(events.records.contains { $0["title_en"] == "Ministry held" } == country.isEmpty)
                let eventItems = try await Self.items(app, "/data/events.json" + query)
                #expect(eventItems.map { $0["id"] as? String ?? "" } == events.records.map { $0["id"] ?? "" })
                #expect(eventItems.filter { $0["held"] as? Bool == true }.count == held.count)

                // Trained officials: one row per cohort of the page, summing to the figure.
                let trainedFigure = try PortalContextFigureTests.figure(home, "officials trained")
                let trainedPage = try await browser.get(trainedFigure.link).text
                let trained = try await Self.csv(app, "/data/trained.csv" + query)
                #expect(trained.header == PortalDataset.trained.columns)
                #expect(trained.records.reduce(0) { $0 + (Int($1["trained"] ?? "") ?? 0) } == trainedFigure.value, "trained \(country)")
                #expect(trained.rows.count == trainedPage.components(separatedBy: "data-trained=").count - 1, "trained \(country)")
                // Each list's page links its own files under its filter.
                #expect(centresPage.contains("href=\"/data/centres.csv\(query)\"") && centresPage.contains("href=\"/data/centres.json\(query)\""))
                #expect(heldPage.contains("href=\"/data/events.csv\(query)\"") && heldPage.contains("href=\"/data/events.json\(query)\""))
                #expect(trainedPage.contains("href=\"/data/trained.csv\(query)\"") && trainedPage.contains("href=\"/data/trained.json\(query)\""))
                let trainedItems = try await Self.items(app, "/data/trained.json" + query)
                #expect(trainedItems.reduce(0) { $0 + ($1["trained"] as? Int ?? 0) } == trainedFigure.value)
                #expect(trainedItems.allSatisfy { ($0["country"] as? String) == (country.isEmpty ? nil : country) })
                if country == "TH" { #expect(trainedFigure.value >= 2) }
            }
            // The catalogue lists the three datasets with their files.
            let catalogue = try await browser.get("/data?lang=ko").text
            for file in ["centres.csv", "centres.json", "events.csv", "events.json", "trained.csv", "trained.json"] {
                #expect(catalogue.contains("href=\"/data/\(file)\""), "\(file)")
            }
            #expect(catalogue.contains("연수 수료 공무원") && catalogue.contains("<code>held</code>"))
            #expect(try await browser.get("/centres?country=TH&lang=ko").text.contains("이 목록 내려받기:"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFilesAreCacheableAndABadCountryIsRefused(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for file in [PortalData.centresCSV, .centresJSON, .eventsCSV, .eventsJSON, .trainedCSV, .trainedJSON] {
                var first: TestingHTTPResponse?
                try await app.testing().test(.GET, file.path + "?country=TH") { first = $0 }
                #expect(first?.status == .ok)
                let etag = try #require(first?.headers.first(name: .eTag))
                #expect(first?.headers.first(name: .cacheControl)?.contains("public") == true)
                try await app.testing().test(.GET, file.path + "?country=TH", headers: ["If-None-Match": etag]) { response in
                    #expect(response.status == .notModified, "\(file.rawValue)")
                    #expect(response.body.readableBytes == 0)
                }
                // A country that is not an ISO code: a 400 problem.
                try await app.testing().test(.GET, file.path + "?country=Thailand") { response in
                    #expect(response.status == .badRequest, "\(file.rawValue)")
                }
            }
            // The datasets' last change is read from their records' audit entries (the seeded centres have theirs).
            #expect(try await PortalDataset.centres.lastChange(on: app.db) != nil)
        }
    }
}
