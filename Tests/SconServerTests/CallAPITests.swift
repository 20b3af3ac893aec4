import Fluent
import Foundation
import SconDomain
import SQLKit
import Testing
import VaporTesting
@testable import SconServer

@Suite struct CallAPITests {
    static var valid: [String: Any] { [
        "title": ["en": "K-SCON 2027", "ko": "K-SCON 2027 국제공모"],
        "text": ["en": "The 2027 round.", "ko": "2027년 공모."],
        "supportTypes": ["master-plan", "pre-feasibility"],
        "opensAt": "2027-03-02T09:00", "closesAt": "2099-06-30T18:00", "timeZone": "Asia/Bangkok",
        "budgets": ["master-plan": 2_000_000_000, "pre-feasibility": 1_500_000_000],
        "criteria": [["key": "need", "name": ["en": "Need", "ko": "시급성"], "weight": 60],
                     ["key": "fit", "name": ["en": "Fit", "ko": "적합성"], "weight": 40]],
        "requiredDocuments": [["en": "Proposal form", "ko": "제안서"]],
    ] }

    /// Creates a draft call as `user` and returns its id.
    static func createDraft(_ app: Application, by user: TestUser, _ body: [String: Any] = valid) async throws -> String {
        var id: String?
        try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(user.bearer), body: try Body.json(body)) { response in
            #expect(response.status == .created)
            id = response.json["id"] as? String
        }
        return try #require(id)
    }

    static func move(_ app: Application, _ id: String, to state: String, by user: TestUser?) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, "/api/v1/calls/\(id)/transitions", headers: Body.jsonHeaders.adding(user?.bearer ?? [:]),
                                     body: try Body.json(["to": state])) { result = $0 }
        return try #require(result)
    }

    @Test(arguments: TestDatabase.all)
    func anOfficerWritesADraftThatOnlyManagersSee(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let seeded = try await app.count(Call.self)
            var location: String?
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(Self.valid)) { response in
                #expect(response.status == .created)
                #expect(response.json["state"] as? String == "draft")
                #expect(response.json["eligibleCountries"] as? [String] == ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"])
                #expect(response.json["closesAtUtc"] as? String == "2099-06-30T11:00:00.000Z")
                #expect((response.json["budgets"] as? [String: Int])?["master-plan"] == 2_000_000_000)
                #expect(response.json["nextStates"] as? [String] == ["cancelled", "open"])
                #expect(response.json["totalBudget"] is NSNull)
                location = response.headers.first(name: .location)
            }
            let path = try #require(location)
            try await app.testing().test(.GET, path) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/calls") { response in
                let titles = (response.json["items"] as? [[String: Any]])?.compactMap { ($0["title"] as? [String: String])?["en"] } ?? []
                #expect(!titles.contains("K-SCON 2027"))
                #expect(titles.contains("K-SCON open call — sample round"))
            }
            try await app.testing().test(.GET, "/api/v1/calls", headers: officer.bearer) { response in
                #expect((response.json["items"] as? [[String: Any]])?.count == seeded + 1)
            }
            try await app.testing().test(.GET, path + "/audit", headers: officer.bearer) { response in
                let entries = response.json["items"] as? [[String: Any]] ?? []
                #expect(entries.map { $0["action"] as? String } == ["call.create"])
                #expect(entries.first?["actor"] as? String == officer.id.uuidString.lowercased())
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func badInputIsRefusedNamingTheFieldsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let calls = try await app.count(Call.self), entries = try await app.count(AuditRecord.self)
            var invalid = Self.valid
            invalid["timeZone"] = "Asia/Atlantis"
            invalid["budgets"] = ["master-plan": -5]
            invalid["criteria"] = [["key": "need", "name": ["en": "Need", "ko": "시급성"], "weight": 90]]
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(invalid)) { response in
                #expect(response.status == .unprocessableEntity)
                #expect(response.headers.contentType?.subType == "problem+json")
                #expect(Set(response.problemFields) == ["timeZone", "budgets.master-plan", "budgets.pre-feasibility", "criteria"])
            }
            var unknown = Self.valid
            unknown["prize"] = 1
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(unknown)) { response in
                #expect(response.status == .badRequest)
                #expect(response.problemFields == ["prize"])
            }
            var fractional = Self.valid
            fractional["budgets"] = ["master-plan": 1.5, "pre-feasibility": 1]
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(fractional)) { response in
                #expect(response.status == .badRequest)
            }
            let id = try await Self.createDraft(app, by: officer)
            let response = try await Self.move(app, id, to: "finished", by: officer)
            #expect(response.status == .unprocessableEntity)
            #expect(response.problemFields == ["to"])
            try await app.testing().test(.GET, "/api/v1/calls/not-a-uuid") { #expect($0.status == .badRequest) }
            try await app.testing().test(.GET, "/api/v1/calls/\(UUID().uuidString)") { #expect($0.status == .notFound) }
            #expect(try await app.count(Call.self) == calls + 1)
            // One entry for the call, and the registry's entry that opened the call's chain.
            #expect(try await app.count(AuditRecord.self) == entries + 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyThoseWhoManageACallChangeItAndNothingLeaks(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let member = try await app.member(of: try await app.organisationID("molit"))
            let draft = try await Self.createDraft(app, by: officer)
            let sample = try #require(try await Call.query(on: app.db).filter(\.$seedKey == "sample-round").first()?.id).uuidString
            let entries = try await app.count(AuditRecord.self)

            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(Self.valid)) {
                #expect($0.status == .forbidden)
            }
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders, body: try Body.json(Self.valid)) {
                #expect($0.status == .unauthorized)
            }
            // The open sample call is public, so changing it is forbidden; the draft is not even there.
            try await app.testing().test(.PATCH, "/api/v1/calls/\(sample)", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(["selections": 2])) {
                #expect($0.status == .forbidden)
            }
            try await app.testing().test(.PATCH, "/api/v1/calls/\(draft)", headers: Body.jsonHeaders.adding(member.bearer), body: try Body.json(["selections": 2])) {
                #expect($0.status == .notFound)
                #expect(!$0.text.contains("K-SCON 2027"))
            }
            #expect(try await Self.move(app, draft, to: "open", by: member).status == .notFound)
            #expect(try await Self.move(app, sample, to: "cancelled", by: member).status == .forbidden)
            #expect(try await Self.move(app, sample, to: "cancelled", by: nil).status == .unauthorized)
            try await app.testing().test(.GET, "/api/v1/calls/\(sample)/audit", headers: member.bearer) { #expect($0.status == .forbidden) }
            try await app.testing().test(.GET, "/api/v1/calls/\(draft)/audit") { #expect($0.status == .unauthorized) }

            // An officer of one call manages that call only.
            let callOfficer = try await app.makeUser(grants: [Grant(role: .programmeOfficer, scope: .call(sample.lowercased()))])
            try await app.testing().test(.POST, "/api/v1/calls", headers: Body.jsonHeaders.adding(callOfficer.bearer), body: try Body.json(Self.valid)) {
                #expect($0.status == .forbidden)
            }
            try await app.testing().test(.GET, "/api/v1/calls/\(draft)", headers: callOfficer.bearer) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/calls/\(sample)/audit", headers: callOfficer.bearer) { #expect($0.status == .ok) }

            #expect(try await app.count(AuditRecord.self) == entries)
            let stored = try #require(try await Call.find(UUID(uuidString: sample), on: app.db))
            #expect(stored.state == "open")
            #expect(try stored.terms().selections == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCallMovesOnlyAlongItsStatesAndEveryMoveIsAudited(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let id = try await Self.createDraft(app, by: officer)
            try await app.testing().test(.PATCH, "/api/v1/calls/\(id)", headers: Body.jsonHeaders.adding(officer.bearer),
                                         body: try Body.json(["selections": 3, "totalBudget": 3_000_000_000])) { response in
                #expect(response.status == .ok)
                #expect(response.json["selections"] as? Int == 3)
                #expect(response.json["totalBudget"] as? Int == 3_000_000_000)
            }
            let open = try await Self.move(app, id, to: "open", by: officer)
            #expect(open.status == .ok)
            #expect(open.json["state"] as? String == "open")
            try await app.testing().test(.PATCH, "/api/v1/calls/\(id)", headers: Body.jsonHeaders.adding(officer.bearer), body: try Body.json(["selections": 2])) { response in
                #expect(response.status == .conflict)
                #expect((response.json["detail"] as? String)?.contains("only a draft call can be edited") == true)
            }
            let early = try await Self.move(app, id, to: "closed", by: officer)
            #expect(early.status == .conflict)
            #expect((early.json["detail"] as? String)?.contains("2099-06-30T18:00 (Asia/Bangkok)") == true)
            #expect(try await Self.move(app, id, to: "published", by: officer).status == .conflict)
            #expect(try await Self.move(app, id, to: "cancelled", by: officer).status == .ok)
            #expect(try await Self.move(app, id, to: "open", by: officer).status == .conflict)

            try await app.testing().test(.GET, "/api/v1/calls/\(id)/audit", headers: officer.bearer) { response in
                let entries = response.json["items"] as? [[String: Any]] ?? []
                #expect(entries.map { $0["action"] as? String } == ["call.create", "call.update", "call.transition", "call.transition"])
                #expect(entries.last?["details"] as? String == #"{"from":"open","to":"cancelled"}"#)
            }
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentMovesOfOneCallSucceedOnceAndTheChainHolds(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let id = try await Self.createDraft(app, by: officer)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await Self.move(app, id, to: "open", by: officer).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 11)
            let transitions = try await AuditRecord.query(on: app.db).filter(\.$action == "call.transition").count()
            #expect(transitions == 1)
            #expect(try await app.auditLog.verify() == .intact(entries: try await app.count(AuditRecord.self)))
        }
    }

    @Test(arguments: TestDatabase.all)
    func verifyNamesTheFirstEntryThatWasChanged(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let id = try await Self.createDraft(app, by: officer)
            _ = try await Self.move(app, id, to: "open", by: officer)
            // setup: the call's own chain holds its creation and its move
            let chain = try await AuditRecord.query(on: app.db).filter(\.$chain == "call:\(id.lowercased())")
                .sort(\.$chainSequence).all().compactMap(\.id)
            #expect(chain.count == 2)
            let sql = app.db as! any SQLDatabase
            // act: change the move's details
            try await sql.raw("UPDATE audit_entries SET details = '{\"from\":\"draft\",\"to\":\"published\"}' WHERE sequence = \(literal: chain[1])").run()
            // check: verify names it
            guard case .broken(let sequence, let reason) = try await app.auditLog.verify() else {
                Issue.record("a changed entry must break the chain"); return
            }
            #expect(sequence == chain[1])
            #expect(reason.contains("changed"))
            // act: remove the creation; check: the move no longer fits
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = \(literal: chain[0])").run()
            #expect(try await app.auditLog.verify() == .broken(sequence: chain[1], reason: "expected entry 1 of its chain here (an entry is missing or out of order)"))
            // act: remove the whole chain; check: the registry entry that opened it says so
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = \(literal: chain[1])").run()
            guard case .broken(_, let gone) = try await app.auditLog.verify() else { Issue.record("a removed chain must be noticed"); return }
            #expect(gone.contains("has no entries"))
        }
    }
}
