import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// Two-factor sign-in (TOTP), recovery codes, the roles held back without it, confirming
/// before granting roles or booking money, and sessions on sign-in and password change.
@Suite struct SecondFactorTests {
    /// RFC 6238 computed by Python's own `hmac` (an implementation independent of the app's),
    /// for the step of `date`.
    static func independentCode(base32 secret: String, at date: Date) throws -> String {
        let script = """
        import base64, hashlib, hmac, struct, sys
        key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
        mac = hmac.new(key, struct.pack(">Q", int(sys.argv[2]) // 30), hashlib.sha1).digest()
        offset = mac[-1] & 15
        print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7fffffff) % 1000000))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, secret, String(Int(date.timeIntervalSince1970))]
        let output = Pipe()
        process.standardOutput = output
        try ProcessLaunch.run(process)
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theIndependentCodeAgreesWithRFC6238AppendixB() throws {
        // The RFC's SHA-1 seed "12345678901234567890" and its 8-digit 94287082 at T = 59 s: its last six digits.
        let seed = Base32.encode(Array("12345678901234567890".utf8), padding: false)
        #expect(try Self.independentCode(base32: seed, at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(try Self.independentCode(base32: seed, at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test(arguments: TestDatabase.all)
    func settingUpThenSigningInWithTheCodeAndARecoveryCode(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an account without a second factor, signed in.
            let user = try await app.makeUser()
            let browser = Browser(app)
            try await browser.signIn(user)

            // Action: the set-up page gives a QR code and the key; a code from the app confirms it.
            let page = try await browser.get("/account/two-factor")
            #expect(page.status == .ok && page.text.contains("<svg"))
            let typed = try #require(page.text.firstMatch(of: /<code class="token">([A-Z2-7 ]+)<\/code>/)).output.1
            let secret = typed.replacingOccurrences(of: " ", with: "")
            let wrong = try await browser.post("/account/two-factor", form: [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("f-totp-error"))
            #expect(try await SecondFactorStore.hasConfirmedFactor(user.id, on: app.db) == false)
            let confirmed = try await browser.post("/account/two-factor", form: [("code", try Self.independentCode(base32: secret, at: Date()))])

            // Check: ten recovery codes shown once, only digests stored.
            #expect(confirmed.status == .created)
            let codes = confirmed.text.matches(of: /<li><code>([0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/).map { String($0.output.1) }
            #expect(codes.count == 10)
            let stored = try await RecoveryCode.query(on: app.db).filter(\.$userID == user.id).all()
            #expect(stored.count == 10 && !stored.contains { codes.contains($0.digest) })

            // Signing in again: the password leads to the code; the half-signed-in cookie signs nobody in.
            _ = try await browser.post("/signout", form: [])
            let password = try await browser.post("/signin", form: [("email", user.email), ("password", user.password), ("next", "/account")])
            #expect(password.headers.first(name: .location) == "/signin/second-factor?next=%2Faccount")
            #expect(try await browser.get("/account").status == .seeOther)
            let bad = try await browser.post("/signin/second-factor", form: [("code", "12345"), ("next", "/account")])
            #expect(bad.status == .unprocessableEntity)
            // The code already used to confirm the set-up does not work a second time.
            let lastStep = try #require(try await UserSecondFactor.query(on: app.db).filter(\.$userID == user.id).first()?.lastUsedStep)
            let replay = try await browser.post("/signin/second-factor", form: [("code", try Self.independentCode(base32: secret, at: Date(timeIntervalSince1970: Double(lastStep * 30)))), ("next", "/account")])
            #expect(replay.status == .unprocessableEntity)
            let recovery = try await browser.post("/signin/second-factor", form: [("code", codes[3].uppercased()), ("next", "/account")])
            #expect(recovery.status == .seeOther && recovery.headers.first(name: .location) == "/account")
            #expect(try await browser.get("/account").status == .ok)

            // A recovery code works once.
            _ = try await browser.post("/signout", form: [])
            _ = try await browser.post("/signin", form: [("email", user.email), ("password", user.password)])
            #expect(try await browser.post("/signin/second-factor", form: [("code", codes[3])]).status == .unprocessableEntity)
            #expect(try await RecoveryCode.query(on: app.db).filter(\.$userID == user.id).filter(\.$usedAt != nil).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func wrongCodesSlowTheAccountDown(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // On a stopped clock, so that a slow machine does not wait the slow-down out between attempts.
            app.clock = .fixed(Date())
            let officer = try await app.officer()
            let browser = Browser(app)
            _ = try await browser.post("/signin", form: [("email", officer.email), ("password", officer.password)])
            var statuses: [HTTPStatus] = []
            for _ in 0..<7 { statuses.append(try await browser.post("/signin/second-factor", form: [("code", "999999")]).status) }
            #expect(statuses.first == .unprocessableEntity)
            #expect(statuses.last == .tooManyRequests)
            #expect(try await UserSession.query(on: app.db).filter(\.$userID == officer.id).filter(\.$pending == false).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func rolesThatNeedASecondFactorWaitUntilOneIsSetUp(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an administrator without a second factor.
            var admin = try await app.admin()
            try await UserSecondFactor.query(on: app.db).filter(\.$userID == admin.id).delete()
            admin.totpSecret = nil
            let browser = Browser(app)

            // Action: signing in leads to setting one up; meanwhile the role does nothing in the browser.
            let signedIn = try await browser.post("/signin", form: [("email", admin.email), ("password", admin.password), ("next", "/admin/users")])
            #expect(signedIn.headers.first(name: .location) == "/account/two-factor?next=%2Fadmin%2Fusers")
            let users = try await browser.get("/admin/users")
            #expect(users.status == .forbidden)
            let home = try await browser.get("/account")
            #expect(home.text.contains("need two-factor sign-in"))
            // Operators' tokens keep their roles.
            try await app.testing().test(.GET, "/admin/users", headers: admin.bearer) { #expect($0.status == .ok) }

            // Setting it up gives the role back.
            let page = try await browser.get("/account/two-factor")
            let secret = String(try #require(page.text.firstMatch(of: /<code class="token">([A-Z2-7 ]+)<\/code>/)).output.1).replacingOccurrences(of: " ", with: "")
            let totp = try SconDomain.TOTP(secret: try #require(Base32.decode(secret)))
            #expect(try await browser.post("/account/two-factor", form: [("code", totp.code(at: app.clock.now())), ("next", "/admin/users")]).status == .created)
            #expect(try await browser.get("/admin/users").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func grantingRolesAsksToConfirmAfterTenMinutes(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an administrator signed in 11 minutes ago, and an account to give a role.
            let admin = try await app.admin()
            let someone = try await app.makeUser()
            let browser = Browser(app)
            try await browser.signIn(admin)
            try await UserSession.query(on: app.db).filter(\.$userID == admin.id)
                .set(\.$authenticatedAt, to: app.clock.now().addingTimeInterval(-660)).update()
            let grants = try await app.count(RoleGrant.self)
            let grant = [("role", "reviewer"), ("scopeKind", "global"), ("scopeID", "")]

            // Action: granting is refused with the confirmation form, nothing written.
            let asked = try await browser.post("/admin/users/\(someone.id)/grants", form: grant)
            #expect(asked.status == .forbidden && asked.text.contains("action=\"/account/confirm\""))
            #expect(try await app.count(RoleGrant.self) == grants)
            // A wrong password is refused; the password and a code confirm.
            let wrong = try await browser.post("/account/confirm", form: [("password", "not it"), ("code", "123456"), ("next", "/admin/users")])
            #expect(wrong.status == .unprocessableEntity)
            let secret = try #require(admin.totpSecret)
            let code = try SconDomain.TOTP(secret: secret).code(at: app.clock.now().addingTimeInterval(30))
            let confirmed = try await browser.post("/account/confirm", form: [("password", admin.password), ("code", code), ("next", "/admin/users")])
            #expect(confirmed.status == .seeOther && confirmed.headers.first(name: .location) == "/admin/users")

            // Check: now it goes through.
            #expect(try await browser.post("/admin/users/\(someone.id)/grants", form: grant).status == .seeOther)
            #expect(try await app.count(RoleGrant.self) == grants + 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func changingThePasswordEndsEveryOtherSession(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: one account signed in on two browsers.
            let user = try await app.makeUser()
            let here = Browser(app), there = Browser(app)
            try await here.signIn(user)
            try await there.signIn(user)
            let hash = try await User.find(user.id, on: app.db)?.passwordHash

            // Bad input: a wrong current password, two new ones that differ; nothing changes.
            let wrong = try await here.post("/account/password", form: [("current", "not it at all"), ("new", "amber kettle lighthouse"), ("repeat", "amber kettle lighthouse")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("f-current-error"))
            let differ = try await here.post("/account/password", form: [("current", user.password), ("new", "amber kettle lighthouse"), ("repeat", "amber kettle lighthous")])
            #expect(differ.status == .unprocessableEntity && differ.text.contains("f-repeat-error"))
            #expect(try await User.find(user.id, on: app.db)?.passwordHash == hash)
            #expect(try await there.get("/account").status == .ok)

            // Action.
            let changed = try await here.post("/account/password", form: [("current", user.password), ("new", "amber kettle lighthouse"), ("repeat", "amber kettle lighthouse")])

            // Check: this browser carries on with a new session, the other is signed out, the old password fails.
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/account").status == .ok)
            #expect(try await there.get("/account").status == .seeOther)
            #expect(try await app.count(UserSession.self) == 1)
            #expect(try await Browser(app).post("/signin", form: [("email", user.email), ("password", user.password)]).status == .unprocessableEntity)
            #expect(try await Browser(app).post("/signin", form: [("email", user.email), ("password", "amber kettle lighthouse")]).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signingInAgainReplacesTheSession(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let user = try await app.makeUser()
            let browser = Browser(app)
            try await browser.signIn(user)
            let first = try #require(browser.cookies[SessionCookie.name])
            try await browser.signIn(user)
            #expect(browser.cookies[SessionCookie.name] != first)
            #expect(try await UserSession.query(on: app.db).filter(\.$userID == user.id).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func bookingThroughASessionAsksToConfirmToo(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let manager = try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)])
            let browser = Browser(app)
            try await browser.signIn(manager)
            try await UserSession.query(on: app.db).filter(\.$userID == manager.id)
                .set(\.$authenticatedAt, to: app.clock.now().addingTimeInterval(-3_600)).update()
            let project = try #require(try await Project.query(on: app.db).first()?.id)
            func book() async throws -> HTTPStatus {
                var headers: HTTPHeaders = ["Content-Type": "application/json", "Idempotency-Key": UUID().uuidString]
                headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                headers.add(name: CSRFProtection.headerName, value: try await browser.formToken())
                var status = HTTPStatus.ok
                try await app.testing().test(.POST, "/api/v1/projects/\(project)/bookings", headers: headers, body: ByteBuffer(string: "{}")) { status = $0.status }
                return status
            }
            // An hour after signing in: refused before the body is even read.
            #expect(try await book() == .forbidden)
            let code = try SconDomain.TOTP(secret: try #require(manager.totpSecret)).code(at: app.clock.now().addingTimeInterval(30))
            #expect(try await browser.post("/account/confirm", form: [("password", manager.password), ("code", code)]).status == .seeOther)
            // Confirmed: the same request reaches the booking rules (an empty body is refused there).
            let after = try await book()
            #expect(after != .forbidden && after.code >= 400 && after.code < 500, "after confirming: \(after.code)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func newRecoveryCodesAndTurningOffNeedACurrentCode(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: an officer (with an authenticator), signed in; someone else without one.
            let officer = try await app.officer()
            let browser = Browser(app)
            try await browser.signIn(officer)
            let before = Set(try await RecoveryCode.query(on: app.db).filter(\.$userID == officer.id).all().map(\.digest))

            // Bad input: a wrong code renews nothing and turns nothing off.
            let wrong = try await browser.post("/account/two-factor/recovery-codes", form: [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("f-totp-renew-error"))
            #expect(try await browser.post("/account/two-factor/disable", form: [("code", "not-a-code")]).status == .unprocessableEntity)
            #expect(Set(try await RecoveryCode.query(on: app.db).filter(\.$userID == officer.id).all().map(\.digest)) == before)
            #expect(try await SecondFactorStore.hasConfirmedFactor(officer.id, on: app.db))

            // Happy path: ten new codes with a recovery code; then off with another.
            let renewed = try await browser.post("/account/two-factor/recovery-codes", form: [("code", officer.recoveryCodes[0])])
            #expect(renewed.status == .created)
            let codes = renewed.text.matches(of: /<li><code>([0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/).map { String($0.output.1) }
            #expect(codes.count == 10)
            #expect(Set(try await RecoveryCode.query(on: app.db).filter(\.$userID == officer.id).all().map(\.digest)).isDisjoint(with: before))
            #expect(try await browser.post("/account/two-factor/disable", form: [("code", codes[0])]).status == .seeOther)
            #expect(try await SecondFactorStore.hasConfirmedFactor(officer.id, on: app.db) == false)
            #expect(try await app.count(RecoveryCode.self) == 0)

            // Wrong user: an account without an authenticator has nothing to renew or turn off (409),
            // and a visitor is sent to sign in.
            let plain = try await app.makeUser()
            let other = Browser(app)
            try await other.signIn(plain)
            #expect(try await other.post("/account/two-factor/disable", form: [("code", "123456")]).status == .conflict)
            let visitor = try await Browser(app).post("/account/two-factor/disable", form: [("code", "123456")])
            #expect(visitor.status == .unauthorized || visitor.headers.first(name: .location)?.hasPrefix("/signin") == true)
        }
    }
}
