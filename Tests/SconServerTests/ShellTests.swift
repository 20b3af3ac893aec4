import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct ShellTests {
    @Test(arguments: TestDatabase.all)
    func languageComesFromTheSwitchThenTheBrowser(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            browser.acceptLanguage = "ko-KR,ko;q=0.9,en;q=0.5"
            #expect(try await browser.get("/").text.contains("<html lang=\"ko\">"))
            let switched = try await browser.get("/language/en?next=%2Fcities")
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/cities")
            let cities = try await browser.get("/cities")
            #expect(cities.text.contains("<html lang=\"en\">"))
            #expect(cities.text.contains("Cities"))
            #expect(try await browser.get("/language/en?next=https%3A%2F%2Fevil.example").headers.first(name: .location) == "/")
            #expect(try await browser.get("/language/fr").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyPageHasTheAccessibleShell(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for path in ["/", "/countries", "/cities", "/organisations", "/signin", "/signup", "/marketplace"] {
                let page = try await Browser(app).get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains("class=\"skip-link\" href=\"#main\""), "\(path)")
                #expect(page.text.contains("<main id=\"main\""), "\(path)")
                #expect(!page.text.contains("<script"), "\(path)")
                #expect(!page.text.contains("https://cdn"), "\(path)")
                #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true, "\(path)")
            }
            let css = try await Browser(app).get("/assets/kscon.css")
            #expect(css.status == .ok)
            #expect(css.text.contains(":focus-visible"))
        }
    }

    @Test func stringTablesHaveTheSameKeysAndNoEmptyText() throws {
        let english = Strings.english.table
        let korean = Strings.korean.table
        #expect(english.count > 150)
        #expect(Set(english.keys) == Set(korean.keys))
        #expect(english.values.allSatisfy { !$0.isEmpty })
        #expect(korean.values.allSatisfy { !$0.isEmpty })
        #expect(Strings.catalogue.duplicates.isEmpty, "keys defined by two contexts: \(Strings.catalogue.duplicates)")
    }
}
