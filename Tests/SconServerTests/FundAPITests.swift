import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// A fund manager, a project of the sample fund, and requests that move money.
struct FundFixture: Sendable {
    let app: Application
    let manager: TestUser
    let projectID: UUID
    let earmarkID: UUID

    static func make(_ app: Application, stage: ProjectStage = .financing) async throws -> FundFixture {
        let manager = try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)])
        let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
        project.stage = stage.rawValue
        try await project.save(on: app.db)
        let earmark = try #require(try await Earmark.query(on: app.db).filter(\.$code == "PIS-ASEAN").first())
        return FundFixture(app: app, manager: manager, projectID: try project.requireID(), earmarkID: try earmark.requireID())
    }

    func book(_ body: [String: Any], key: String? = UUID().uuidString, by user: TestUser?, project: UUID? = nil) async throws -> TestingHTTPResponse {
        var headers = Body.jsonHeaders.adding(user?.bearer ?? [:])
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/projects/\((project ?? projectID).uuidString)/bookings", headers: headers,
                                     body: try Body.json(body)) { result = $0 }
        return try #require(result)
    }

    func commitment(_ amount: String, currency: String = "KRW", instrument: String = "loan") -> [String: Any] {
        ["movement": "commitment", "amount": amount, "currency": currency, "instrument": instrument, "earmark": earmarkID.uuidString]
    }

    func get(_ path: String, by user: TestUser? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: user?.bearer ?? [:]) { result = $0 }
        return try #require(result)
    }

    /// What the ASEAN earmark can still commit, from the balances.
    func available() async throws -> Int {
        try await LedgerStore.balances([LedgerAccount.available(source: "earmark:\(UUIDText.string(earmarkID))")], on: app.db).values.first ?? 0
    }

    /// The ledger balances: every posting sums to zero and the kept balances equal the lines.
    func checkLedgerBalances() async throws {
        let lines = try await LedgerLineRecord.query(on: app.db).all()
        #expect(lines.reduce(0) { $0 + $1.amountKRW } == 0)
        var sums: [String: Int] = [:]
        for line in lines { sums[line.account, default: 0] += line.amountKRW }
        let balances = try await LedgerBalance.query(on: app.db).all()
        #expect(Dictionary(uniqueKeysWithValues: balances.map { ($0.account, $0.balance) }) == sums)
        for (transaction, group) in Dictionary(grouping: lines, by: \.transactionID) {
            #expect(group.reduce(0) { $0 + $1.amountKRW } == 0, "transaction \(transaction) does not balance")
        }
    }
}

@Suite struct FundAPITests {
    @Test(arguments: TestDatabase.all)
    func aCommitmentIsBookedOnceWhateverTheRetries(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await FundFixture.make(app)
            let before = try await fixture.available()
            #expect(before == 300_000_000_000 - 24_000_000_000 - 5_000_000_000)
            let key = UUID().uuidString
            let first = try await fixture.book(fixture.commitment("7000000000"), key: key, by: fixture.manager)
            #expect(first.status == .created)
            #expect(first.json["amountKRW"] as? Int == 7_000_000_000)
            #expect(first.json["movement"] as? String == "commitment")
            let count = try await app.count(LedgerTransaction.self)
            // A retry with the same key: the same answer, nothing booked twice.
            let retry = try await fixture.book(fixture.commitment("7000000000"), key: key, by: fixture.manager)
            #expect(retry.status == .created)
            #expect(retry.headers.first(name: "Idempotency-Replayed") == "true")
            #expect(retry.text == first.text)
            #expect(try await app.count(LedgerTransaction.self) == count)
            #expect(try await fixture.available() == before - 7_000_000_000)
            // The same key for another request is refused.
            let reused = try await fixture.book(fixture.commitment("1"), key: key, by: fixture.manager)
            #expect(reused.status == .unprocessableEntity)
            #expect(reused.json["type"] as? String == "urn:kscon:problem:idempotency-key-reused")
            // USD at the recorded rate (1,400 KRW): 1,000.50 USD is 1,400,700 KRW; the original stays.
            let usd = try await fixture.book(["movement": "disbursement", "amount": "1000.50", "currency": "USD", "earmark": fixture.earmarkID.uuidString],
                                             by: fixture.manager)
            #expect(usd.status == .created)
            #expect(usd.json["amountKRW"] as? Int == 1_400_700)
            #expect(usd.json["amount"] as? String == "1000.50")
            #expect((usd.json["rate"] as? [String: Any])?["krwPerUnit"] as? String == "1400")
            let finance = try await fixture.get("/api/v1/projects/\(fixture.projectID.uuidString)/finance")
            #expect(finance.json["committed"] as? Int == 12_000_000_000)
            #expect(finance.json["disbursed"] as? Int == 1_400_700)
            try await fixture.checkLedgerBalances()
            let audit = try await AuditLog(db: app.db, writers: app.auditWriters).verify()
            #expect("\(audit)".contains("intact"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badMoneyIsRefusedAndNothingIsBooked(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await FundFixture.make(app)
            let count = try await app.count(LedgerTransaction.self)
            let cases: [([String: Any], String)] = [
                (fixture.commitment("0"), "amount"), (fixture.commitment("-5"), "amount"), (fixture.commitment("1.234", currency: "USD"), "amount"),
                (fixture.commitment("12", currency: "EUR"), "currency"), (fixture.commitment("1e6"), "amount"),
                (["movement": "commitment", "amount": "10", "currency": "KRW"], "instrument"),
                (["movement": "gift", "amount": "10", "currency": "KRW"], "movement"),
                (["movement": "disbursement", "amount": "10", "currency": "KRW", "instrument": "loan"], "instrument"),
                (["movement": "disbursement", "amount": "10", "currency": "KRW", "valueDay": "2999-01-01"], "valueDay"),
            ]
            for (body, field) in cases {
                let response = try await fixture.book(body, by: fixture.manager)
                #expect(response.status == .unprocessableEntity, "\(body)")
                #expect(response.problemFields == [field], "\(body)")
            }
            // Business rules: 409 with the reason.
            let overDisbursed = try await fixture.book(["movement": "disbursement", "amount": "5000000001", "currency": "KRW",
                                                        "earmark": fixture.earmarkID.uuidString], by: fixture.manager)
            #expect(overDisbursed.status == .conflict)
            #expect((overDisbursed.json["detail"] as? String)?.contains("exceeds the commitment not yet paid out") == true)
            let notLoan = try await fixture.book(["movement": "repayment", "amount": "10", "currency": "KRW", "earmark": fixture.earmarkID.uuidString],
                                                 by: fixture.manager)
            #expect(notLoan.status == .conflict)
            let tooMuch = try await fixture.book(fixture.commitment("271000000001"), by: fixture.manager)
            #expect(tooMuch.status == .conflict)
            #expect((tooMuch.json["detail"] as? String)?.contains("exceeds what is available") == true)
            // The header, the user, the project.
            #expect(try await fixture.book(fixture.commitment("10"), key: nil, by: fixture.manager).status == .badRequest)
            #expect(try await fixture.book(fixture.commitment("10"), key: "bad key with spaces", by: fixture.manager).status == .badRequest)
            let company = try await app.member(of: try await app.organisationID("sample-hanbit-mobility"))
            #expect(try await fixture.book(fixture.commitment("10"), by: company).status == .forbidden)
            #expect(try await fixture.book(fixture.commitment("10"), by: try await app.officer()).status == .forbidden)
            #expect(try await fixture.book(fixture.commitment("10"), by: nil).status == .unauthorized)
            #expect(try await fixture.book(fixture.commitment("10"), by: fixture.manager, project: UUID()).status == .notFound)
            #expect(try await app.count(LedgerTransaction.self) == count)
            #expect(try await app.count(IdempotencyRecord.self) == 0)
        }
    }

    /// 200 concurrent commitments race for the last 10 units of the earmark: exactly 10 are
    /// booked, the other 190 get 409, and the ledger balances.
    @Test(arguments: TestDatabase.all)
    func concurrentCommitmentsNeverOverCommit(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await FundFixture.make(app)
            let unit = 1_000_000_000
            let left = try await fixture.available()
            let first = try await fixture.book(fixture.commitment(String(left - 10 * unit)), by: fixture.manager)
            #expect(first.status == .created)
            #expect(try await fixture.available() == 10 * unit)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<200 {
                    group.addTask { try await fixture.book(fixture.commitment(String(unit)), by: fixture.manager).status }
                }
                var all: [HTTPStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .created }.count == 10)
            #expect(statuses.filter { $0 == .conflict }.count == 190)
            #expect(try await fixture.available() == 0)
            try await fixture.checkLedgerBalances()
        }
    }

    @Test(arguments: TestDatabase.all)
    func ratesReportsAndTheCSVRoundTrip(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await FundFixture.make(app)
            // Rates: fund managers record them, once per currency and day.
            let path = "/api/v1/exchange-rates"
            var headers = Body.jsonHeaders.adding(fixture.manager.bearer)
            var recorded: TestingHTTPResponse?
            let rate: [String: Any] = ["currency": "THB", "day": "2026-11-20", "krwPerUnit": "41.25", "source": "Bank of Korea, basic rate"]
            try await app.testing().test(.POST, path, headers: headers, body: try Body.json(rate)) { recorded = $0 }
            #expect(recorded?.status == .created)
            try await app.testing().test(.POST, path, headers: headers, body: try Body.json(rate)) { #expect($0.status == .conflict) }
            try await app.testing().test(.POST, path, headers: headers, body: try Body.json(["currency": "THB", "day": "2026-11-21", "krwPerUnit": "-1", "source": "x"])) {
                #expect(Set($0.problemFields) == ["krwPerUnit", "source"])
            }
            headers = Body.jsonHeaders.adding(try await app.officer().bearer)
            try await app.testing().test(.POST, path, headers: headers, body: try Body.json(rate.merging(["day": "2026-11-22"]) { $1 })) {
                #expect($0.status == .forbidden)
            }
            // A THB disbursement after the new rate uses it: 100,000.00 THB × 41.25 = 4,125,000 KRW.
            let thb = try await fixture.book(["movement": "disbursement", "amount": "100000", "currency": "THB", "earmark": fixture.earmarkID.uuidString,
                                              "valueDay": "2026-11-25"], by: fixture.manager)
            #expect(thb.json["amountKRW"] as? Int == 4_125_000)

            // Reports: by earmark, country, stage; in USD at the latest rate.
            let byEarmark = try await fixture.get("/api/v1/fund?by=earmark")
            let rows = try #require(byEarmark.json["rows"] as? [[String: Any]])
            let asean = try #require(rows.first { $0["key"] as? String == "PIS-ASEAN" })
            #expect(asean["allocated"] as? String == "300000000000")
            #expect(asean["committed"] as? String == "29000000000")
            #expect(asean["available"] as? String == "271000000000")
            #expect(rows.first { $0["key"] as? String == "PIS" }?["available"] as? String == "1200000000000")
            #expect(byEarmark.json["capital"] as? String == "1500000000000")
            let byCountry = try await fixture.get("/api/v1/fund?by=country&currency=USD")
            let khmer = try #require((byCountry.json["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "KH" })
            #expect(khmer["committed"] as? String == "3571428.57")
            #expect(try await fixture.get("/api/v1/fund?by=planet").status == .badRequest)
            #expect(try await fixture.get("/api/v1/fund?currency=THB").status == .badRequest)

            // The CSV export re-imports into an empty ledger and exports the same.
            #expect(try await fixture.get("/api/v1/fund/transactions.csv").status == .unauthorized)
            #expect(try await fixture.get("/api/v1/fund/transactions.csv", by: try await app.member(of: try await app.organisationID("molit"))).status == .forbidden)
            let export = try await fixture.get("/api/v1/fund/transactions.csv", by: fixture.manager)
            #expect(export.headers.contentType?.subType == "csv")
            let csv = export.text
            #expect(csv.hasPrefix("number,booked_at,movement,fund,earmark,project"))
            try await IdempotencyRecord.query(on: app.db).delete()
            try await LedgerLineRecord.query(on: app.db).delete()
            try await LedgerBalance.query(on: app.db).delete()
            try await LedgerTransaction.query(on: app.db).delete()
            let audit = AuditLog(db: app.db, writers: app.auditWriters)
            #expect(try await LedgerCSV(db: app.db).importCSV(csv, audit: audit, actor: nil) == 6)
            let again = try await LedgerCSV(db: app.db).export()
            let differences = zip(again.split(separator: "\r\n"), csv.split(separator: "\r\n")).filter { $0.0 != $0.1 }
            #expect(again == csv, "lines that differ after the round trip: \(differences)")
            #expect(try await LedgerCSV(db: app.db).importCSV(csv, audit: audit, actor: nil) == 0)
            try await fixture.checkLedgerBalances()
            // A tampered line (KRW that does not follow from the rate) stops the whole import, naming its line.
            try await IdempotencyRecord.query(on: app.db).delete()
            try await LedgerLineRecord.query(on: app.db).delete()
            try await LedgerBalance.query(on: app.db).delete()
            try await LedgerTransaction.query(on: app.db).delete()
            let tampered = csv.replacingOccurrences(of: ",4125000,", with: ",4125001,")
            await #expect(throws: LedgerCSV.LineError.self) { try await LedgerCSV(db: app.db).importCSV(tampered, audit: audit, actor: nil) }
            #expect(try await app.count(LedgerTransaction.self) == 0)
        }
    }
}
