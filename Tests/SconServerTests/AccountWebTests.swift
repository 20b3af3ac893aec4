import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SconServer

@Suite struct AccountWebTests {
    @Test(arguments: TestDatabase.all)
    func signUpSignsInWithASafeCookieAndSignOutEndsIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            let form = try await browser.get("/signup")
            #expect(form.text.contains("name=\"_csrf\""))
            let response = try await browser.post("/signup", form: [("email", "Nguyen@Example.org"), ("displayName", "Nguyen"),
                                                                  ("password", "lotus river bicycle"), ("language", "ko")])
            // On to the sign-in form, the address filled in; no session yet.
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/signin?created=1&email=nguyen%40example.org")
            #expect(response.headers[.setCookie].allSatisfy { !$0.hasPrefix("scon_session=") })
            let signInPage = try await browser.get("/signin?created=1&email=nguyen%40example.org")
            #expect(signInPage.text.contains("value=\"nguyen@example.org\""))
            let signedIn = try await browser.post("/signin", form: [("email", "nguyen@example.org"), ("password", "lotus river bicycle")])
            #expect(signedIn.status == .seeOther)
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("scon_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "nguyen@example.org").first())
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains("lotus"))
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.text.contains("nguyen@example.org"))
            #expect(try await app.count(UserSession.self) == 1)
            #expect(try await browser.post("/signout", form: []).status == .seeOther)
            #expect(try await app.count(UserSession.self) == 0)
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badSignUpsAreRefusedAndWriteNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let existing = try await app.makeUser("taken@example.org")
            let browser = Browser(app)
            let weak = try await browser.post("/signup", form: [("email", "new@example.org"), ("displayName", "N"), ("password", "password1234")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.text.contains("f-password"))
            // An address that has an account: the same answer as a new one, and nothing changes.
            let hashBefore = try await User.query(on: app.db).filter(\.$email == existing.email).first()?.passwordHash
            let taken = try await browser.post("/signup", form: [("email", existing.email), ("displayName", "N"), ("password", "lotus river bicycle")])
            let fresh = try await browser.post("/signup", form: [("email", "fresh@example.org"), ("displayName", "N"), ("password", "lotus river bicycle")])
            #expect(taken.status == .seeOther && fresh.status == .seeOther)
            #expect(taken.headers.first(name: .location)?.replacingOccurrences(of: "taken", with: "fresh") == fresh.headers.first(name: .location))
            #expect(taken.headers[.setCookie].isEmpty == fresh.headers[.setCookie].isEmpty)
            #expect(try await User.query(on: app.db).filter(\.$email == existing.email).first()?.passwordHash == hashBefore)
            try await User.query(on: app.db).filter(\.$email == "fresh@example.org").delete()
            let forged = try await Browser(app).post("/signup", form: [("email", "csrf@example.org"), ("displayName", "N"), ("password", "lotus river bicycle")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await app.count(User.self) == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInIsRateLimitedAfterFiveFailures(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // A stopped clock: the slow-down's window does not pass however slow the machine is.
            app.clock = .fixed(Date())
            let user = try await app.makeUser()
            let browser = Browser(app)
            for _ in 0..<5 {
                let wrong = try await browser.post("/signin", form: [("email", user.email), ("password", "not the password")])
                #expect(wrong.status == .unprocessableEntity)
            }
            let blocked = try await browser.post("/signin", form: [("email", user.email), ("password", user.password)])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: .retryAfter) != nil)
            #expect(blocked.headers[.setCookie].allSatisfy { !$0.hasPrefix("scon_session=") })
            let other = try await app.makeUser()
            try await Browser(app).signIn(other)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInGoesBackToTheLocalPageOnly(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            let browser = Browser(app)
            let back = try await browser.post("/signin", form: [("email", user.email), ("password", user.password), ("next", "/organisations?type=company")])
            #expect(back.headers.first(name: .location) == "/organisations?type=company")
            let away = try await Browser(app).post("/signin", form: [("email", user.email), ("password", user.password), ("next", "//evil.example")])
            #expect(away.headers.first(name: .location) == "/home")
        }
    }

    @Test(arguments: TestDatabase.all)
    func personalTokensWorkOnceShownAndStopWhenRevoked(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            let browser = Browser(app)
            try await browser.signIn(user)
            let created = try await browser.post("/account/tokens", form: [("name", "my script")])
            #expect(created.status == .created)
            let token = try #require(created.text.range(of: "scon_[A-Za-z0-9_-]{43}", options: .regularExpression).map { String(created.text[$0]) })
            let stored = try #require(try await APIToken.query(on: app.db).filter(\.$name == "my script").first())
            #expect(stored.tokenHash != token && stored.tokenHash == SecureToken.hash(token))
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                #expect(response.json["email"] as? String == user.email)
            }
            // another user cannot revoke it
            let other = Browser(app)
            try await other.signIn(try await app.makeUser())
            #expect(try await other.post("/account/tokens/\(stored.id!)/revoke", form: []).status == .notFound)
            #expect(try await browser.post("/account/tokens/\(stored.id!)/revoke", form: []).status == .seeOther)
            try await app.testing().test(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"]) { #expect($0.status == .unauthorized) }
            try await app.testing().test(.GET, "/api/v1/me") { #expect($0.status == .unauthorized) }
            #expect(try await browser.post("/account/tokens", form: [("name", "")]).status == .unprocessableEntity)
        }
    }
}
