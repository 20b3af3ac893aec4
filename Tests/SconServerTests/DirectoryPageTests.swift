import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct DirectoryPageTests {
    @Test(arguments: TestDatabase.all)
    func organisationListShowsTwentyRowsAndANextPage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let page = try await Browser(app).get("/organisations?lang=en")
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .html)
            #expect(page.text.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 20)
            #expect(page.text.contains("rel=\"next\""))
            #expect(page.text.contains("<html lang=\"en\">"))
            let filtered = try await Browser(app).get("/organisations?type=ministry&country=TH")
            #expect(filtered.text.contains("Ministry of Digital Economy and Society"))
            #expect(!filtered.text.contains("Ministry of Foreign Affairs"))
            #expect(try await Browser(app).get("/organisations?type=bank").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func samplesAreMarkedAsSamplesAndRealRecordsAreNot(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try #require(try await Organisation.query(on: app.db).filter(\.$sample == true).first())
            let real = try await app.organisationID("molit")
            let samplePage = try await Browser(app).get("/organisations/\(sample.id!)?lang=ko")
            #expect(samplePage.text.contains("badge-sample"))
            #expect(samplePage.text.contains("샘플"))
            let realPage = try await Browser(app).get("/organisations/\(real)?lang=ko")
            #expect(realPage.text.contains("국토교통부"))
            #expect(!realPage.text.contains("badge-sample"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func userInputIsEscapedOnEveryPage(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let hostile: [String: Any] = ["name": ["en": "<script>alert('x')</script>", "ko": "\"><img src=x onerror=alert(1)>"],
                                          "type": "company", "country": "KR", "description": ["en": "<b>bold</b>", "ko": ""]]
            var id = ""
            try await app.testing().test(.POST, "/api/v1/organisations", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(hostile)) { response in
                id = response.json["id"] as? String ?? ""
            }
            for path in ["/organisations/\(id)?lang=en", "/organisations/\(id)?lang=ko", "/organisations?q=script", "/countries/KR"] {
                let page = try await Browser(app).get(path)
                #expect(!page.text.contains("<script>alert"), "\(path)")
                #expect(!page.text.contains("<img src=x"), "\(path)")
                #expect(!page.text.contains("<b>bold</b>"), "\(path)")
            }
            #expect(try await Browser(app).get("/organisations/\(id)?lang=en").text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func memberEditsTheProfileThroughTheForm(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sejong = try await app.organisationID("sejong")
            let browser = Browser(app)
            try await browser.signIn(try await app.member(of: sejong))
            let form = try await browser.get("/organisations/\(sejong)/edit?lang=en")
            #expect(form.status == .ok)
            #expect(form.text.contains("Sejong Special Self-Governing City"))
            let fields: [(String, String)] = [("nameEn", "Sejong Special Self-Governing City"), ("nameKo", "세종특별자치시"), ("type", "local-government"),
                                              ("country", "KR"), ("sectors[]", "transport"), ("sectors[]", "energy"), ("website", "https://www.sejong.go.kr")]
            #expect(try await browser.post("/organisations/\(sejong)/edit", form: fields).status == .seeOther)
            #expect(try await Organisation.find(sejong, on: app.db)?.sectors == ",transport,energy,")
            let broken = try await browser.post("/organisations/\(sejong)/edit", form: [("nameEn", ""), ("nameKo", "세종"), ("type", "local-government"), ("country", "ZZ")])
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.text.contains("error-summary"))
            #expect(try await Organisation.find(sejong, on: app.db)?.nameEn == "Sejong Special Self-Governing City")
            // the member of Sejong may not edit MOLIT, even by posting the form directly
            let molit = try await app.organisationID("molit")
            #expect(try await browser.get("/organisations/\(molit)/edit").status == .forbidden)
            #expect(try await browser.post("/organisations/\(molit)/edit", form: fields).status == .forbidden)
            #expect(try await Organisation.find(molit, on: app.db)?.nameEn == "Ministry of Land, Infrastructure and Transport")
        }
    }

    @Test(arguments: TestDatabase.all)
    func contactDetailsOnPagesOnlyForMembersAndTheOffice(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let person = try #require(try await Person.query(on: app.db).filter(\.$email != nil).first())
            let anonymous = try await Browser(app).get("/organisations/\(person.organisationID)")
            #expect(!anonymous.text.contains(person.email!))
            let stranger = Browser(app)
            try await stranger.signIn(try await app.makeUser())
            #expect(try await !stranger.get("/organisations/\(person.organisationID)").text.contains(person.email!))
            let member = Browser(app)
            try await member.signIn(try await app.member(of: person.organisationID))
            #expect(try await member.get("/organisations/\(person.organisationID)").text.contains(person.email!))
        }
    }

    @Test(arguments: TestDatabase.all)
    func countryAndCityPages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let thailand = try await Browser(app).get("/countries/TH?lang=ko")
            #expect(thailand.status == .ok)
            #expect(thailand.text.contains("태국"))
            #expect(thailand.text.contains("방콕"))
            #expect(thailand.text.contains("디지털경제사회부"))
            #expect(try await Browser(app).get("/countries/XX").status == .notFound)
            let city = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Da Nang").first())
            let page = try await Browser(app).get("/cities/\(city.id!)?lang=en")
            #expect(page.text.contains("GeoNames"))
            #expect(try await Browser(app).get("/cities?country=VN").text.contains("Da Nang"))
            #expect(try await Browser(app).get("/cities/\(UUID())").status == .notFound)
        }
    }
}
