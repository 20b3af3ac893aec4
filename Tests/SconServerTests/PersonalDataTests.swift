import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// A person downloads what the platform holds about them, and erases their account without
/// breaking the audit chain.
@Suite struct PersonalDataTests {
    @Test(arguments: TestDatabase.all)
    func aPersonDownloadsTheirDataAndErasesTheirAccount(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: a reviewer with a profile, signed in on the pages, with an API token.
            let user = try await app.makeUser("erase-me@example.org", grants: [Grant(role: .reviewer, scope: .global)])
            let browser = Browser(app)
            try await browser.signIn(user)
            #expect(try await browser.post("/account/reviewer", form: [("sectors", "water"), ("countries", "TH"), ("languages", "en"), ("capacity", "5"), ("available", "yes")]).status != .forbidden)

            // The download: the account, its roles, its tokens without the token itself.
            var download = [String: Any]()
            try await app.testing().test(.GET, "/api/v1/me/data", headers: user.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                download = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]) ?? [:]
                #expect(!response.body.string.contains(user.token))
            }
            #expect((download["account"] as? [String: Any])?["email"] as? String == "erase-me@example.org")
            #expect(((download["roles"] as? [[String: Any]])?.first)?["role"] as? String == "reviewer")
            #expect((download["apiTokens"] as? [Any])?.count == 1)
            #expect(download["exportedAt"] is String)

            // Erasing: the box and the password confirm it; nothing changes otherwise.
            let unticked = try await browser.post("/account/erase", form: [("password", user.password)])
            #expect(unticked.status == .unprocessableEntity)
            let wrong = try await browser.post("/account/erase", form: [("password", "not the password"), ("confirm", "yes")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("f-password"))
            #expect(try await User.query(on: app.db).filter(\.$email == "erase-me@example.org").count() == 1)

            let erased = try await browser.post("/account/erase", form: [("password", user.password), ("confirm", "yes")])
            #expect(erased.status == .seeOther)
            // Check: the personal fields are gone, the id stays, nothing signs in any more, the audit verifies.
            let row = try #require(try await User.find(user.id, on: app.db))
            #expect(row.email != "erase-me@example.org" && row.displayName != "Test erase-me")
            #expect(try await RoleGrant.query(on: app.db).filter(\.$userID == user.id).count() == 0)
            #expect(try await ReviewerProfileRecord.query(on: app.db).filter(\.$userID == user.id).count() == 0)
            try await app.testing().test(.GET, "/api/v1/me", headers: user.bearer) { #expect($0.status == .unauthorized) }
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await Browser(app).post("/signin", form: [("email", "erase-me@example.org"), ("password", user.password)]).status == .unprocessableEntity)
            guard case .intact = try await app.auditLog.verify() else { Issue.record("the audit chain broke"); return }
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "account.erase").first())
            #expect(!entry.details.contains("erase-me"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAPIErasesWithThePassword(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            let user = try await app.makeUser()
            var headers = user.bearer
            headers.add(name: .contentType, value: "application/json")
            // Bad input: no password, or an unknown field: 400, nothing erased.
            try await app.testing().test(.DELETE, "/api/v1/me", headers: headers, body: ByteBuffer(string: #"{}"#)) {
                #expect($0.status == .badRequest)
            }
            try await app.testing().test(.DELETE, "/api/v1/me", headers: headers, body: ByteBuffer(string: #"{"password":"x","everything":true}"#)) {
                #expect($0.status == .badRequest)
            }
            try await app.testing().test(.DELETE, "/api/v1/me", headers: headers, body: ByteBuffer(string: #"{"password":"wrong password"}"#)) {
                #expect($0.status == .unprocessableEntity)
            }
            try await app.testing().test(.DELETE, "/api/v1/me", headers: headers, body: ByteBuffer(string: #"{"password":"\#(user.password)"}"#)) {
                #expect($0.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/me", headers: user.bearer) { #expect($0.status == .unauthorized) }
        }
    }
}
