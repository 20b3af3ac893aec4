import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Requests on one project of the pipeline.
struct PipelineClient: Sendable {
    let app: Application
    var project: UUID

    func send(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil, by user: TestUser?, key: String? = nil) async throws -> TestingHTTPResponse {
        var headers = Body.jsonHeaders.adding(user?.bearer ?? [:])
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        var result: TestingHTTPResponse?
        let url = path.hasPrefix("/") ? path : "/api/v1/projects/\(project.uuidString)/\(path)"
        if let body {
            try await app.testing().test(method, url, headers: headers, body: try Body.json(body)) { result = $0 }
        } else {
            try await app.testing().test(method, url, headers: headers) { result = $0 }
        }
        return try #require(result)
    }

    func move(_ to: String, reason: String? = nil, by user: TestUser) async throws -> TestingHTTPResponse {
        var body: [String: Any] = ["to": to]
        if let reason { body["reason"] = reason }
        return try await send(.POST, "stage", body, by: user)
    }
}

@Suite struct PipelineAPITests {
    /// A lead found by a cooperation centre goes through every gate to completion; each gate
    /// is closed (409, with its reason) until what it needs is there.
    @Test(arguments: TestDatabase.all)
    func aLeadTravelsThroughEveryGate(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let centre = try await app.makeUser(grants: [Grant(role: .centreStaff, scope: .centre(UUID().uuidString.lowercased()))])
            let manager = try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)])
            let city = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Da Nang").first())
            let beneficiary = try await app.organisationID("sample-vn-songxanh-city")
            var client = PipelineClient(app: app, project: UUID())
            // The lead: bad input first, nothing written.
            let projects = try await app.count(Project.self)
            let bad = try await client.send(.POST, "/api/v1/projects", ["organisation": beneficiary.uuidString, "city": UUID().uuidString, "title": "x",
                                                                         "supportType": "rocket", "sectors": ["space"]], by: officer)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.problemFields) == ["city", "title", "supportType", "sectors[0]"])
            let company = try await app.member(of: try await app.organisationID("sample-hanbit-mobility"))
            let lead: [String: Any] = ["organisation": beneficiary.uuidString, "city": city.id!.uuidString, "title": "Da Nang smart parking",
                                       "supportType": "master-plan", "descriptionEn": "Parking guidance for the centre.", "sectors": ["transport"]]
            #expect(try await client.send(.POST, "/api/v1/projects", lead, by: company).status == .forbidden)
            // A centre's staff record leads on their own centre's board (Centres), not here.
            #expect(try await client.send(.POST, "/api/v1/projects", lead, by: centre).status == .forbidden)
            #expect(try await client.send(.POST, "/api/v1/projects", lead, by: nil).status == .unauthorized)
            #expect(try await app.count(Project.self) == projects)
            let created = try await client.send(.POST, "/api/v1/projects", lead, by: officer)
            #expect(created.status == .created)
            let project = try #require(created.json["project"] as? [String: Any])
            #expect(project["code"] as? String == "KSCON-LEAD-VN-01")
            #expect(project["stage"] as? String == "lead")
            client.project = try #require(UUID(uuidString: project["id"] as? String ?? ""))
            // A lead is internal: an anonymous reader, a company and the beneficiary city do not see it (docs/pipeline.md).
            #expect(try await client.send(.GET, "dossier", by: nil).status == .notFound)
            #expect(try await client.send(.GET, "dossier", by: company).status == .notFound)
            #expect(try await client.send(.GET, "dossier", by: try await app.member(of: beneficiary)).status == .notFound)

            // lead → selected (no gate); no skipping; a company cannot move it.
            #expect(try await client.move("study-in-progress", by: officer).status == .conflict)
            #expect(try await client.move("selected", by: company).status == .notFound)
            #expect(try await client.move("selected", by: officer).status == .ok)
            #expect(try await client.send(.GET, "dossier", by: nil).status == .ok)
            #expect(try await client.move("selected", by: company).status == .forbidden)
            #expect(try await client.move("warp", by: officer).problemFields == ["to"])

            // selected → study: the tender must be awarded, to a Korean consultancy.
            let closed = try await client.move("study-in-progress", by: officer)
            #expect(closed.status == .conflict)
            #expect((closed.json["detail"] as? String)?.contains("tender") == true)
            #expect(try await client.send(.POST, "tender", ["terms": "short", "agreedOn": "2026-11-20", "closesOn": "2026-11-01"], by: officer).problemFields.sorted()
                    == ["closesOn", "terms"])
            #expect(try await client.send(.POST, "tender", ["terms": "Terms of reference for the master plan, agreed with the city.", "agreedOn": "2026-11-10",
                                                            "closesOn": "\(CalendarDay(Date()).adding(days: 30))"], by: officer).status == .created)
            let nuri = try await app.organisationID("sample-nuri-engineering")
            #expect(try await client.send(.POST, "tender/bids", ["organisation": beneficiary.uuidString, "amountKRW": 100, "technicalScore": 50], by: officer)
                    .problemFields == ["organisation"])
            let bid = try await client.send(.POST, "tender/bids", ["organisation": nuri.uuidString, "amountKRW": 480_000_000, "technicalScore": 87], by: officer)
            let bidID = try #require(((bid.json["tender"] as? [String: Any])?["bids"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await client.send(.POST, "tender/award", ["bid": UUID().uuidString], by: officer).problemFields == ["bid"])
            #expect(try await client.send(.POST, "tender/award", ["bid": bidID], by: officer).status == .ok)
            #expect(try await client.move("study-in-progress", by: officer).status == .ok)

            // study → completed: an approved study report; the consultancy (now a participant) submits it.
            let consultant = try await app.member(of: nuri)
            let withReport = try await client.send(.POST, "deliverables", ["kind": "study-report", "title": "Master plan report"], by: officer)
            let reportID = try #require((withReport.json["deliverables"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/approval", by: officer).status == .conflict)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/versions", ["note": "First draft"], by: company).status == .forbidden)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/versions", ["note": "First draft"], by: consultant).status == .created)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/approval", by: consultant).status == .forbidden)
            // Non-public deliverables: the consultant sees the report, an anonymous reader does not.
            #expect((try await client.send(.GET, "dossier", by: nil).json["deliverables"] as? [Any])?.isEmpty == true)
            #expect((try await client.send(.GET, "dossier", by: consultant).json["deliverables"] as? [Any])?.count == 1)
            #expect(try await client.move("study-completed", by: officer).status == .conflict)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/approval", by: officer).status == .ok)
            // A newer version, not yet approved, reopens the question.
            #expect(try await client.send(.POST, "deliverables/\(reportID)/versions", ["note": "Second draft"], by: consultant).status == .created)
            #expect(try await client.move("study-completed", by: officer).status == .conflict)
            #expect(try await client.send(.POST, "deliverables/\(reportID)/approval", by: officer).status == .ok)
            #expect(try await client.move("study-completed", by: officer).status == .ok)

            // → feasibility study: readiness flags must be green or justified.
            let flags = try await client.send(.GET, "dossier", by: officer)
            let red = (flags.json["readiness"] as? [[String: Any]] ?? []).filter { $0["state"] as? String == "red" }.compactMap { $0["flag"] as? String }
            #expect(Set(red) == ["no-lead", "no-description", "no-milestones"])
            let gate = try await client.move("feasibility-study", by: officer)
            #expect(gate.status == .conflict)
            #expect((gate.json["detail"] as? String)?.contains("no-lead") == true)
            #expect(try await client.send(.POST, "readiness/no-lead", ["reason": "short"], by: officer).problemFields == ["reason"])
            #expect(try await client.send(.POST, "readiness/no-such-flag", ["reason": "a long enough reason"], by: officer).status == .notFound)
            #expect(try await client.send(.POST, "participants", ["organisation": beneficiary.uuidString, "role": "lead"], by: officer).status == .created)
            #expect(try await client.send(.PUT, "profile", ["descriptionEn": "Parking guidance.", "descriptionKo": "주차 안내."], by: officer).status == .ok)
            #expect(try await client.send(.POST, "milestones", ["titleEn": "Survey", "titleKo": "조사", "planned": "2026-12-15"], by: officer).status == .created)
            #expect(try await client.send(.POST, "milestones", ["titleEn": "Opening", "titleKo": "개통", "planned": "tomorrow"], by: officer).problemFields == ["planned"])
            #expect(try await client.move("feasibility-study", by: officer).status == .ok)

            // → financing: an approved feasibility report and a results indicator (or its justification).
            let fs = try await client.send(.POST, "deliverables", ["kind": "feasibility-report", "title": "F/S", "public": true], by: officer)
            let fsID = try #require((fs.json["deliverables"] as? [[String: Any]])?.first { $0["kind"] as? String == "feasibility-report" }?["id"] as? String)
            _ = try await client.send(.POST, "deliverables/\(fsID)/versions", ["note": "Final"], by: consultant)
            _ = try await client.send(.POST, "deliverables/\(fsID)/approval", by: officer)
            let noIndicators = try await client.move("financing", by: officer)
            #expect((noIndicators.json["detail"] as? String)?.contains("no-indicators") == true)
            let indicator: [String: Any] = ["resultType": "outcome", "titleEn": "Minutes spent looking for parking", "titleKo": "주차 탐색 시간(분)",
                                            "measure": "unit", "baselineYear": 2026, "baselineValue": "18",
                                            "periods": [["start": "2027-01-01", "end": "2027-12-31", "target": "12"]]]
            #expect(try await client.send(.POST, "indicators", indicator.merging(["baselineYear": 1200]) { $1 }, by: officer).problemFields == ["baselineYear"])
            #expect(try await client.send(.POST, "indicators", indicator, by: consultant).status == .created)
            #expect(try await client.move("financing", by: officer).status == .ok)

            // → implementation: the fund has committed money.
            #expect((try await client.move("implementation", by: officer).json["detail"] as? String)?.contains("committed") == true)
            let earmark = try #require(try await Earmark.query(on: app.db).first())
            let booking = try await client.send(.POST, "bookings", ["movement": "commitment", "amount": "2000000000", "currency": "KRW", "instrument": "loan",
                                                                    "earmark": earmark.id!.uuidString], by: manager, key: UUID().uuidString)
            #expect(booking.status == .created)
            #expect(try await client.move("implementation", by: officer).status == .ok)

            // → completed: every milestone has its actual day.
            let milestoneID = try #require(((try await client.send(.GET, "dossier", by: officer)).json["milestones"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await client.move("completed", by: officer).status == .conflict)
            #expect(try await client.send(.PUT, "milestones/\(milestoneID)", ["actual": "2999-01-01"], by: consultant).problemFields == ["actual"])
            #expect(try await client.send(.PUT, "milestones/\(milestoneID)", ["actual": "2026-11-20"], by: consultant).status == .ok)
            let done = try await client.move("completed", by: officer)
            #expect(done.status == .ok)
            #expect((done.json["project"] as? [String: Any])?["stage"] as? String == "completed")
            #expect((done.json["timeline"] as? [[String: Any]])?.contains { $0["kind"] as? String == "money-commitment" } == true)
            // Finished projects do not move, not even to dropped.
            #expect(try await client.move("dropped", reason: "Too late to drop it now.", by: officer).status == .conflict)

            // Every move is in the audit log, and the chain holds.
            let moves = try await AuditRecord.query(on: app.db).filter(\.$action == "project.stage").count()
            #expect(moves == 7)
            #expect("\(try await app.auditLog.verify())".contains("intact"))

            // The export publishes it with its transactions and results, and validates.
            var xml: TestingHTTPResponse?
            try await app.testing().test(.GET, "/api/v1/export/iati.xml") { xml = $0 }
            let document = try #require(xml?.body.string)
            #expect(xml?.headers.contentType?.subType == "xml")
            #expect(document.contains("KR-GOV-999-KSCON-LEAD-VN-01"))
            #expect(document.contains("<activity-status code=\"3\""))
            #expect(document.contains("<transaction-type code=\"2\""))
            #expect(document.contains("Minutes spent looking for parking"))
            try IATIValidation.validate(document)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDroppedProjectNeedsAReason(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let client = PipelineClient(app: app, project: try project.requireID())
            let stages = try await app.count(AuditRecord.self)
            let none = try await client.move("dropped", by: officer)
            #expect(none.status == .conflict)
            #expect((none.json["detail"] as? String)?.contains("reason") == true)
            #expect(try await app.count(AuditRecord.self) == stages)
            #expect(try await client.move("dropped", reason: "The city chose another financier.", by: officer).status == .ok)
            let entry = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "project.stage").first())
            #expect(entry.entry.details.contains("another financier"))
            #expect(try await client.move("financing", by: officer).status == .conflict)
        }
    }

    /// Every write of the pipeline: bad input is a 422 naming the fields, an outsider a 403,
    /// an anonymous caller a 401, and none of them writes anything.
    @Test(arguments: TestDatabase.all)
    func everyWriteRefusesBadInputAndOutsidersWritingNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let company = try await app.member(of: try await app.organisationID("sample-hanbit-mobility"))
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let client = PipelineClient(app: app, project: try project.requireID())
            let created = try await client.send(.POST, "deliverables", ["kind": "other", "title": "Field notes"], by: officer)
            let deliverable = try #require((created.json["deliverables"] as? [[String: Any]])?.first?["id"] as? String)
            let cases: [(HTTPMethod, String, valid: [String: Any], bad: [String: Any], fields: Set<String>)] = [
                (.PUT, "profile", ["descriptionEn": "Flood alerts."], ["sectors": ["space"]], ["sectors[0]"]),
                (.POST, "participants", ["organisation": UUIDText.string(try await app.organisationID("molit")), "role": "partner"],
                 ["role": "boss"], ["organisation", "role"]),
                (.POST, "deliverables", ["kind": "other", "title": "More notes"], ["kind": "x", "title": ""], ["kind", "title"]),
                (.POST, "deliverables/\(deliverable)/versions", ["note": "First"], ["note": ""], ["note"]),
                (.POST, "milestones", ["titleEn": "Survey", "titleKo": "조사", "planned": "2026-12-01"], ["titleEn": "", "planned": "x"],
                 ["titleEn", "titleKo", "planned"]),
                (.PUT, "milestones/\(UUID().uuidString)", ["actual": "2026-11-01"], ["actual": "later"], ["actual"]),
                (.POST, "tender", ["terms": "Terms of reference agreed with the city.", "agreedOn": "2026-11-01", "closesOn": "2026-12-31"],
                 ["terms": "x"], ["terms", "agreedOn", "closesOn"]),
                (.POST, "tender/bids", ["organisation": UUIDText.string(try await app.organisationID("sample-nuri-engineering")), "amountKRW": 1, "technicalScore": 1],
                 ["amountKRW": 0], ["organisation", "amountKRW", "technicalScore"]),
                (.POST, "tender/award", ["bid": UUID().uuidString], [:], ["bid"]),
                (.POST, "indicators", ["resultType": "output", "titleEn": "Gauges", "titleKo": "관측소", "measure": "unit", "baselineYear": 2026, "baselineValue": "0"],
                 ["resultType": "x", "measure": "x"], ["resultType", "titleEn", "titleKo", "measure", "baselineYear", "baselineValue"]),
                (.POST, "readiness/no-milestones", ["reason": "The works are planned by the city."], ["reason": "x"], ["reason"]),
                (.POST, "stage", ["to": "implementation"], ["to": "x"], ["to"]),
            ]
            func counts() async throws -> [Int] {
                [try await app.count(ProjectParticipant.self), try await app.count(Deliverable.self), try await app.count(DeliverableVersion.self),
                 try await app.count(Milestone.self), try await app.count(Tender.self), try await app.count(Bid.self), try await app.count(Indicator.self),
                 try await app.count(ReadinessJustification.self), try await app.count(AuditRecord.self)]
            }
            let before = try await counts()
            for (method, path, valid, bad, fields) in cases {
                #expect(try await client.send(method, path, valid, by: company).status == .forbidden, "\(path) by a company")
                #expect(try await client.send(method, path, valid, by: nil).status == .unauthorized, "\(path) anonymously")
                let refused = try await client.send(method, path, bad, by: officer)
                #expect(refused.status == .unprocessableEntity, "\(path) with bad input")
                #expect(Set(refused.problemFields) == fields, "\(path)")
            }
            #expect(try await counts() == before)

            // A version with its file over the API: the officer's PDF is kept; a text file is refused; a company may not.
            func upload(_ bytes: [UInt8], type: String, by user: TestUser?) async throws -> TestingHTTPResponse {
                var result: TestingHTTPResponse?
                var headers = HTTPHeaders([("Content-Type", type)]).adding(user?.bearer ?? [:])
                headers.add(name: "Accept", value: "application/json")
                try await app.testing().test(.POST, "/api/v1/projects/\(project.id!.uuidString)/deliverables/\(deliverable)/versions/file?filename=notes.pdf&note=Scanned",
                                             headers: headers, body: ByteBuffer(bytes: bytes)) { result = $0 }
                return try #require(result)
            }
            #expect(try await upload(AttachmentTests.pdf, type: "application/pdf", by: company).status == .forbidden)
            #expect(try await upload(Array("text".utf8), type: "text/plain", by: officer).problemFields == ["file"])
            #expect(try await counts() == before)
            let kept = try await upload(AttachmentTests.pdf, type: "application/pdf", by: officer)
            #expect(kept.status == .created)
            let versions = (kept.json["deliverables"] as? [[String: Any]])?.first?["versions"] as? [[String: Any]]
            #expect(versions?.first?["filename"] as? String == "notes.pdf")
        }
    }

    @Test(arguments: TestDatabase.all)
    func readsOfRatesFinanceAndOpenData(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let client = PipelineClient(app: app, project: UUID())
            let rates = try await client.send(.GET, "/api/v1/exchange-rates", by: nil)
            #expect((rates.json["items"] as? [[String: Any]])?.contains { $0["currency"] as? String == "USD" && $0["krwPerUnit"] as? String == "1400" } == true)
            let lead = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-LEAD-PH-01").first())
            #expect(try await client.send(.GET, "/api/v1/projects/\(lead.id!.uuidString)/finance", by: nil).status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/projects/\(lead.id!.uuidString)/finance", by: try await app.officer()).status == .ok)
            #expect(try await client.send(.GET, "/api/v1/projects/not-a-uuid/finance", by: nil).status == .badRequest)
            // Only sample projects so far: nothing to publish.
            #expect(try await client.send(.GET, "/api/v1/export/iati.xml", by: nil).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aClosedTenderTakesNoBids(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let client = PipelineClient(app: app, project: try project.requireID())
            let yesterday = CalendarDay(Date()).adding(days: -1).description
            #expect(try await client.send(.POST, "tender", ["terms": "Terms of reference for the early-warning network.", "agreedOn": "2026-11-01",
                                                            "closesOn": yesterday], by: officer).status == .created)
            let late = try await client.send(.POST, "tender/bids", ["organisation": try await app.organisationID("sample-nuri-engineering").uuidString,
                                                                    "amountKRW": 300_000_000, "technicalScore": 80], by: officer)
            #expect(late.status == .conflict)
            #expect((late.json["detail"] as? String)?.contains("closed on \(yesterday)") == true)
            #expect(try await app.count(Bid.self) == 0)
        }
    }
}

/// Runs xmllint against the IATI 2.03 schema kept in data/iati.
enum IATIValidation {
    static func validate(_ document: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("iati-\(UUID().uuidString).xml")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--schema", root.appendingPathComponent("data/iati/iati-activities-schema.xsd").path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try ProcessLaunch.run(process)
        process.waitUntilExit()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "xmllint: \(output)")
    }
}
