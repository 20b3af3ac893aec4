import Fluent
import Foundation
import NIOCore
import SconDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// What the attack test found (issue 15), each with the test that failed before the fix.
@Suite struct HardeningTests {
    @Test(arguments: TestDatabase.all)
    func proposalCodesAreUniqueAcrossTheCallsOfOneYear(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: two calls that open in 2026, a Thai draft in each.
            let first = try await ProposalFixture.make(app)
            let second = try await ProposalFixture.make(app)
            let one = try await first.draft()
            let two = try await second.draft()
            // Action and check: one sequence per year and country, across the calls.
            #expect(try await first.post("/api/v1/proposals/\(one)/submit", by: first.member).json["code"] as? String == "KSCON-2026-TH-01")
            let submitted = try await second.post("/api/v1/proposals/\(two)/submit", by: second.member)
            #expect(submitted.status == .ok)
            #expect(submitted.json["code"] as? String == "KSCON-2026-TH-02")
        }
    }

    private struct TakenValue: DatabaseError, Error {
        var isSyntaxError: Bool { false }
        var isConnectionClosed: Bool { false }
        var isConstraintFailure: Bool { true }
    }

    @Test func aUniqueValueTakenIsAConflictNeverA500() {
        let mapped = ProblemMapping.map(TakenValue(), path: "/api/v1/proposals/x/submit")
        #expect(mapped.status == .conflict)
        #expect(mapped.problem.status == 409)
    }

    @Test(arguments: TestDatabase.all)
    func redirectsStayOnThisSite(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            let browser = Browser(app)
            let hostile = ["/%09/evil.example", "/%0A/evil.example", "/%5C/evil.example", "/%5C%5Cevil.example", "//evil.example",
                           "/%20/evil.example", "https%3A%2F%2Fevil.example", "/%E2%80%8B/evil.example", "/\\%09evil.example"]
            for next in hostile {
                #expect(try await browser.get("/language/en?next=\(next)").headers.first(name: .location) == "/", "next=\(next)")
            }
            #expect(try await browser.get("/language/en?next=%2Fcities%3Fcountry%3DTH").headers.first(name: .location) == "/cities?country=TH")
            // The sign-in form does not carry a hostile `next` either.
            let page = try await browser.get("/signin?next=/%09/evil.example")
            #expect(page.text.contains("<input type=\"hidden\" name=\"next\" value=\"/\">"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func moneyMovesOnlyAtStagesThatAllowIt(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for stage in [ProjectStage.lead, .selected, .feasibilityStudy, .dropped, .completed] {
                // Setup: the sample project at that stage.
                let fixture = try await FundFixture.make(app, stage: stage)
                let before = try await app.count(LedgerTransaction.self)
                // Action: a commitment, and a disbursement.
                let commitment = try await fixture.book(fixture.commitment("10000000"), by: fixture.manager)
                var disbursement = fixture.commitment("1000")
                disbursement["movement"] = "disbursement"; disbursement["instrument"] = nil
                let paid = try await fixture.book(disbursement, by: fixture.manager)
                // Check: 409 saying why, nothing booked.
                #expect(commitment.status == .conflict, "\(stage)")
                #expect(paid.status == .conflict, "\(stage)")
                let detail = commitment.json["detail"] as? String ?? ""
                #expect(detail.contains(stage.rawValue), "\(detail)")
                #expect(try await app.count(LedgerTransaction.self) == before)
            }
            // From financing on, the same commitment books.
            let financing = try await FundFixture.make(app, stage: .financing)
            #expect(try await financing.book(financing.commitment("10000000"), by: financing.manager).status == .created)
        }
    }

    @Test func onlyOpeningAndSettlingMovementsDependOnTheStage() {
        #expect(LedgerRules.stageRefusal(.commitment, stage: .lead) == .beforeFinancing(stage: "lead"))
        #expect(LedgerRules.stageRefusal(.disbursement, stage: .dropped) == .projectClosed(stage: "dropped"))
        #expect(LedgerRules.stageRefusal(.commitment, stage: .implementation) == nil)
        #expect(LedgerRules.stageRefusal(.cancellation, stage: .dropped) == nil)
        #expect(LedgerRules.stageRefusal(.repayment, stage: .completed) == nil)
    }

    @Test(arguments: TestDatabase.all)
    func errorPagesAndSignedInAnswersCarryTheirHeaders(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            try await app.testing().test(.GET, "/no-such-page", headers: ["Accept": "text/html"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
            let user = try await app.makeUser()
            try await app.testing().test(.GET, "/api/v1/countries", headers: user.bearer) { #expect($0.headers.first(name: .cacheControl) == "no-store") }
            try await app.testing().test(.GET, "/api/v1/countries") { #expect($0.headers.first(name: .cacheControl) != "no-store") }
        }
    }

    @Test(arguments: TestDatabase.all)
    func metricsAnswerLoopbackAndTheTokenOnly(_ database: TestDatabase) async throws {
        let token = "metrics-token-0123456789abcdef"
        try await withTestApp(database, seed: false, config: { $0.metricsToken = token }) { app in
            // In process there is no client address: not loopback.
            try await app.testing().test(.GET, "/metrics") { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/metrics", headers: ["X-Metrics-Token": "wrong-token-0123456789abcdef"]) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/metrics", headers: ["X-Metrics-Token": token]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("# TYPE http_requests_total counter"))
            }
            // Over a socket from 127.0.0.1: allowed, unless a proxy says it forwards someone else.
            // (HEAD: the test process's one registry holds every test app's series, more than
            // the test client reads.)
            try await app.testing(method: .running(port: 0)).test(.HEAD, "/metrics") { #expect($0.status == .ok) }
            try await app.testing(method: .running(port: 0)).test(.HEAD, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]) { #expect($0.status == .notFound) }
        }
    }

    @Test func theSQLiteFileIsPrivateAndEveryConnectionWritesThrough() async throws {
        try await withTestApp(.sqlite, seed: false) { app in
            let path = String(app.sconConfig.databaseURL.dropFirst("sqlite:".count))
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            for eventLoop in app.eventLoopGroup.makeIterator() {
                for _ in 0..<3 {
                    let db = try #require(app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase)
                    let row = try await db.raw("PRAGMA synchronous").first()
                    #expect(try row?.decode(column: "synchronous", as: Int.self) == 2)  // FULL
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func csrfTokensAreBoundToTheSessionNotToAPlantedCookie(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            let user = try await app.makeUser()
            // A planted visitor cookie with the same value in the form (the old double submit): refused.
            let planted = Browser(app)
            planted.cookies[CSRFProtection.cookieName] = "planted-value"
            let refused = try await planted.post("/signin", form: [("email", user.email), ("password", user.password), ("_csrf", "planted-value")], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(planted.cookies[SessionCookie.name] == nil)

            // Two people signed in: one's form token does not work in the other's session.
            let alice = Browser(app), bob = Browser(app)
            try await alice.signIn(user)
            try await bob.signIn(try await app.makeUser())
            let bobsToken = try await bob.formToken()
            #expect(try await alice.formToken() != bobsToken)
            #expect(try await alice.post("/signout", form: [("_csrf", bobsToken)], csrf: false).status == .forbidden)
            // The page's own token works: the form on the page carries it.
            let page = try await alice.get("/account")
            let token = try #require(page.text.firstMatch(of: /name="_csrf" value="([A-Za-z0-9_-]+)"/)?.1)
            #expect(try await alice.post("/signout", form: [("_csrf", String(token))], csrf: false).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditVerifyFindsAChangedMoneyRow(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup: two commitments booked through the API.
            let fixture = try await FundFixture.make(app)
            for amount in ["1000000", "2000000"] {
                #expect(try await fixture.book(fixture.commitment(amount), by: fixture.manager).status == .created)
            }
            let sql = app.db as! any SQLDatabase
            let booked = try await LedgerTransaction.query(on: app.db).filter(\.$sample == false).sort(\.$number).all()
            let second = try #require(booked.last)
            guard case .intact = try await app.auditLog.verify() else { Issue.record("intact before"); return }

            // A line of the second booking changed in the database: named.
            try await sql.raw("UPDATE ledger_lines SET amount_krw = amount_krw + 1 WHERE transaction_id = \(bind: second.id!) AND amount_krw > 0").run()
            guard case .broken(_, let reason) = try await app.auditLog.verify() else { Issue.record("a changed line went unnoticed"); return }
            #expect(reason.contains("ledger transaction \(second.number)"))
            try await sql.raw("UPDATE ledger_lines SET amount_krw = amount_krw - 1 WHERE transaction_id = \(bind: second.id!) AND amount_krw > 1").run()
            guard case .intact = try await app.auditLog.verify() else { Issue.record("intact after the repair"); return }

            // The transaction's own row changed (its memo): named.
            try await sql.raw("UPDATE ledger_transactions SET memo = 'changed' WHERE number = \(bind: second.number)").run()
            guard case .broken(_, let memo) = try await app.auditLog.verify() else { Issue.record("a changed memo went unnoticed"); return }
            #expect(memo.contains("ledger transaction \(second.number)"))
            try await sql.raw("UPDATE ledger_transactions SET memo = \(bind: second.memo) WHERE number = \(bind: second.number)").run()

            // A balance that is not the sum of its lines: named.
            try await sql.raw("UPDATE ledger_balances SET balance = balance + 5 WHERE account = (SELECT MIN(account) FROM ledger_balances)").run()
            guard case .broken(_, let balance) = try await app.auditLog.verify() else { Issue.record("a changed balance went unnoticed"); return }
            #expect(balance.contains("is not the sum of its lines"))
        }
    }

    @Test func behindATrustedProxyEachClientIsThrottledOnItsOwn() async throws {
        try await withTestApp(.sqlite, seed: false, config: { $0.trustedProxies = ["127.0.0.1"] }) { app in
            func request(from peer: String, forwardedFor: String) throws -> Request {
                Request(application: app, method: .POST, url: "/signin", headers: ["X-Forwarded-For": forwardedFor],
                        remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), on: app.eventLoopGroup.next())
            }
            func attempt(client: String, email: String) async throws -> DomainError? {
                do {
                    _ = try await AccountStore(request: try request(from: "127.0.0.1", forwardedFor: client)).signIn(email: email, password: "wrong")
                    return nil
                } catch let error as DomainError {
                    return error
                }
            }
            // The client is the last hop that is not a trusted proxy; what it wrote before does not count.
            #expect(try request(from: "127.0.0.1", forwardedFor: "10.9.9.9, 203.0.113.5").clientAddress == "203.0.113.5")
            #expect(try request(from: "127.0.0.1", forwardedFor: "203.0.113.5, 127.0.0.1").clientAddress == "203.0.113.5")
            // A peer that is not a trusted proxy is the client, whatever it says.
            #expect(try request(from: "192.0.2.1", forwardedFor: "203.0.113.5").clientAddress == "192.0.2.1")

            // 20 failures from one client on 20 accounts: that client waits, another client does not.
            for number in 0..<20 {
                guard case .invalid = try await attempt(client: "203.0.113.5", email: "nobody\(number)@example.org") else {
                    Issue.record("attempt \(number) was not just refused"); return
                }
            }
            guard case .rateLimited = try await attempt(client: "203.0.113.5", email: "someone@example.org") else {
                Issue.record("the 21st attempt from one client was not slowed down"); return
            }
            guard case .invalid = try await attempt(client: "198.51.100.9", email: "someone@example.org") else {
                Issue.record("another client behind the same proxy was held up"); return
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func signUpsFromOneAddressAreLimited(_ database: TestDatabase) async throws {
        try await withTestApp(database, seed: false) { app in
            let browser = Browser(app)
            for number in 0..<SignUpThrottle().perHour {
                let answer = try await browser.post("/signup", form: [("email", "n\(number)@example.org"), ("displayName", "N"), ("password", "lotus river bicycle")])
                #expect(answer.status == .seeOther)
            }
            let refused = try await browser.post("/signup", form: [("email", "one-more@example.org"), ("displayName", "N"), ("password", "lotus river bicycle")])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: .retryAfter) != nil)
            #expect(refused.text.contains("one-more@example.org"))  // the form keeps what was typed
            #expect(try await User.query(on: app.db).filter(\.$email == "one-more@example.org").count() == 0)
        }
    }

    @Test func aRepeatedNameIsFoundWhereverItIs() {
        #expect(DuplicateKeys.first(in: Array(#"{"amount":"1","amount":"2"}"#.utf8)) == "amount")
        #expect(DuplicateKeys.first(in: Array(#"{"name":{"en":"a","ko":"b","en":"c"}}"#.utf8)) == "name.en")
        #expect(DuplicateKeys.first(in: Array(#"{"a\u006dount":"1","amount":"2"}"#.utf8)) == "amount")
        #expect(DuplicateKeys.first(in: Array(#"{"items":[{"a":1},{"a":2}],"note":"a \"a\": 1, \"a\": 2"}"#.utf8)) == nil)
        #expect(DuplicateKeys.first(in: Array(#"[{"a":1,"b":{"a":2}}]"#.utf8)) == nil)
    }

    @Test(arguments: TestDatabase.all)
    func lenientInputIsRefusedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await FundFixture.make(app)
            let before = try await app.count(LedgerTransaction.self)
            let path = "/api/v1/projects/\(fixture.projectID.uuidString)/bookings"
            var headers = fixture.manager.bearer
            headers.add(name: .contentType, value: "application/json")
            headers.add(name: "Idempotency-Key", value: UUID().uuidString)
            // An empty body: 400, saying so.
            try await app.testing().test(.POST, path, headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["detail"] as? String)?.contains("empty") == true)
            }
            // A name given twice: 400 naming it.
            let twice = #"{"movement":"commitment","amount":"1","amount":"9000000","currency":"KRW","instrument":"loan"}"#
            try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: twice)) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["amount"])
            }
            // null where the document does not allow it: 400 naming the field; where it does, accepted.
            let nullMemo = #"{"movement":"commitment","amount":"1000000","currency":"KRW","instrument":"loan","memo":null}"#
            try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: nullMemo)) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["memo"])
                #expect((response.json["detail"] as? String)?.contains("must not be null") == true)
            }
            // An amount with spaces, a value day in 1900: 422 naming the field.
            var spaced = fixture.commitment(" 1000000")
            #expect(try await fixture.book(spaced, by: fixture.manager).problemFields == ["amount"])
            spaced = fixture.commitment("1000000"); spaced["valueDay"] = "1900-01-01"
            #expect(try await fixture.book(spaced, by: fixture.manager).problemFields == ["valueDay"])
            #expect(try await app.count(LedgerTransaction.self) == before)
            // A rate dated 1000-01-01.
            #expect(throws: DomainError.self) {
                try ExchangeRate.validated(currency: "USD", day: "1000-01-01", krwPerUnit: "1400", source: "Bank of Korea", today: CalendarDay("2026-12-01")!)
            }
        }
    }

    @Test func dueTimesKeepTheirLetters() {
        #expect(DueText.readable("2026-12-21 (UTC)") == "2026-12-21 (UTC)")
        #expect(DueText.readable("2026-12-21T18:00 (Asia/Bangkok)") == "2026-12-21 18:00 (Asia/Bangkok)")
    }
}
