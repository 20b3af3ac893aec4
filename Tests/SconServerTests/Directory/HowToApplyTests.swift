import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A newcomer finds the way: the open call's "How to apply" and its one button (sign up and
/// back, join an organisation, or start a proposal), the home page's open-call block, and
/// the help page with the contact the programme has made public (and no invented one).
@Suite struct HowToApplyTests {
    @Test(arguments: TestDatabase.all)
    func theCallPageLeadsEachPersonToTheirNextStep(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let path = "/calls/\(fixture.callID)"
            // A visitor: how to apply, the eligible countries, and sign up that comes back here.
            let visitor = Browser(app)
            let page = try await visitor.get(path + "?lang=en")
            #expect(page.text.contains("id=\"how-to-apply\""))
            #expect(page.text.contains("Create an account to apply"))
            #expect(page.text.contains("/signup?next=\(PercentEncoding.queryValue(path))"))
            #expect(page.text.contains("Thailand"))
            let korean = try await visitor.get(path + "?lang=ko")
            #expect(korean.text.contains("지원 방법") && korean.text.contains("회원가입 후 지원하기"))
            let signUp = try await visitor.get("/signup?next=\(PercentEncoding.queryValue(path))")
            #expect(signUp.text.contains("name=\"next\" value=\"\(path)\""))
            let created = try await visitor.post("/signup", form: [("email", "newcomer@example.org"), ("displayName", "Newcomer"),
                                                                   ("password", "lotus river bicycle"), ("language", "en"), ("next", path)])
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location)?.contains("next=\(PercentEncoding.queryValue(path))") == true)
            // Signed in without an organisation: to the join form.
            let newcomer = Browser(app)
            try await newcomer.signIn(try await app.makeUser())
            let joinFirst = try await newcomer.get(path + "?lang=en")
            #expect(joinFirst.text.contains("Join or register your organisation"))
            #expect(joinFirst.text.contains("/account/organisations#join"))
            // A member of an eligible organisation: to the draft form.
            let member = Browser(app)
            try await member.signIn(fixture.member)
            let start = try await member.get(path + "?lang=en")
            #expect(start.text.contains("Start a proposal"))
            #expect(!start.text.contains("Join or register your organisation"))
            // The home page mentions the open call, with a link to its how-to-apply.
            let home = try await visitor.get("/?lang=en")
            #expect(home.text.contains("Open call — apply now"))
            #expect(home.text.contains("\(path)#how-to-apply"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theHelpPageSaysOnlyWhatIsPublicAndEveryPageLinksToIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            let english = try await browser.get("/help?lang=en")
            #expect(english.status == .ok)
            for section in ["about", "roles", "apply", "join", "contact", "developers"] { #expect(english.text.contains("id=\"\(section)\"")) }
            #expect(english.text.contains("Not disclosed"))
            #expect(english.text.contains("Ministry of Land, Infrastructure and Transport"))
            #expect(english.text.contains("/openapi.json") && english.text.contains("href=\"/data\""))
            #expect(!english.text.contains("@") && !english.text.contains("tel:"))
            let korean = try await browser.get("/help?lang=ko")
            #expect(korean.text.contains("공개되지 않음") && korean.text.contains("국토교통부"))
            for page in ["/", "/organisations", "/calls"] {
                #expect(try await browser.get(page).text.contains("href=\"/help\""))
            }
        }
    }
}
