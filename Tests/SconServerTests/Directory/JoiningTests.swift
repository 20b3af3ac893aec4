import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Asking to join an organisation and proposing a new one: through the API and the pages,
/// bad input and the wrong people (nothing written), and what an approval makes possible.
@Suite struct JoiningTests {
    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, by user: TestUser?, _ body: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        let headers = (body == nil ? HTTPHeaders() : Body.jsonHeaders).adding(user?.bearer ?? [:])
        try await app.testing().test(method, path, headers: headers, body: try body.map { try Body.json($0) }) { result = $0 }
        return try #require(result)
    }

    static func isMember(_ app: Application, _ user: TestUser, of organisation: UUID) async throws -> Bool {
        try await JoinStore.isMember(user.id, of: organisation, on: app.db)
    }

    static func audit(_ app: Application, _ action: String) async throws -> Int {
        try await AuditRecord.query(on: app.db).filter(\.$action == action).count()
    }

    @Test(arguments: TestDatabase.all)
    func aNewcomerAsksAMemberApprovesAndTheNewcomerDraftsAProposal(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ProposalFixture.make(app)
            let newcomer = try await app.makeUser()
            let path = "/api/v1/organisations/\(fixture.applicantID)/join-requests"
            // Before: no membership, so no draft.
            #expect(try await fixture.post("/api/v1/calls/\(fixture.callID)/proposals", by: newcomer, fixture.proposal).status == .forbidden)
            let asked = try await Self.call(app, .POST, path, by: newcomer, ["message": "Kim, urban data officer at MDES."])
            #expect(asked.status == .created)
            #expect(asked.json["state"] as? String == "pending")
            let id = try #require(asked.json["id"] as? String)
            // The person's data download names the request (and fits its documented schema).
            let data = try await Self.call(app, .GET, "/api/v1/me/data", by: newcomer)
            #expect(data.status == .ok && (data.json["joinRequests"] as? [[String: Any]])?.first?["state"] as? String == "pending")
            // One pending request per person and organisation.
            #expect(try await Self.call(app, .POST, path, by: newcomer, ["message": "Again."]).status == .conflict)
            // The member sees it among those they may decide, and in what is due.
            let listed = try await Self.call(app, .GET, "/api/v1/join-requests?state=pending", by: fixture.member)
            #expect(listed.status == .ok)
            #expect(((listed.json["items"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == id })
            let memberPrincipal = Principal(userID: fixture.member.id, grants: [Grant(role: .organisationMember, scope: .organisation(fixture.applicantID.uuidString.lowercased()))])
            let due = try await DirectoryContext().due(for: memberPrincipal, on: app.db, now: Date())
            #expect(due.contains { $0.kind == "due.joinRequest" })
            // …and in their inbox at once; the newcomer gets nothing yet.
            let told = try await NoticeRecord.query(on: app.db).filter(\.$userID == fixture.member.id).all()
            #expect(told.map(\.kindText) == ["joinRequest"])
            #expect(told.first?.textKo.contains("가입을 요청했습니다") == true && told.first?.link.hasPrefix("/organisations/\(fixture.applicantID.uuidString.lowercased())?request=") == true)
            // The daily sweep finds the same due item and does not tell the member twice.
            _ = try await NoticeSweep(app: app).run()
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == fixture.member.id).count() == 1)
            #expect(try await NoticeRecord.query(on: app.db).filter(\.$userID == newcomer.id).count() == 0)
            // A refusal needs a reason; nothing changes.
            let noReason = try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: fixture.member, ["decision": "refuse"])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.problemFields == ["reason"])
            // The member approves.
            let approved = try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: fixture.member, ["decision": "approve"])
            #expect(approved.status == .ok)
            #expect(approved.json["state"] as? String == "approved")
            #expect(approved.json["decidedBy"] as? String == fixture.member.id.uuidString.lowercased())
            #expect(try await Self.isMember(app, newcomer, of: fixture.applicantID))
            #expect(try await Self.audit(app, "organisation.join.request") == 1)
            #expect(try await Self.audit(app, "organisation.join.approve") == 1)
            // The newcomer is told, in both languages.
            let decided = try await NoticeRecord.query(on: app.db).filter(\.$userID == newcomer.id).all()
            #expect(decided.map(\.kindText) == ["decision"])
            #expect(decided.first?.textEn.contains("approved your request to join") == true && decided.first?.textKo.contains("승인되었습니다") == true)
            // Deciding again: 409.
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: fixture.member, ["decision": "refuse", "reason": "x"]).status == .conflict)
            // A member asking again: 409.
            #expect(try await Self.call(app, .POST, path, by: newcomer, ["message": "Again."]).status == .conflict)
            // And now the newcomer drafts a proposal for the organisation.
            _ = try await fixture.draft(by: newcomer)
            // The newcomer's own list shows the approved request.
            let mine = try await Self.call(app, .GET, "/api/v1/join-requests", by: newcomer)
            #expect(((mine.json["items"] as? [[String: Any]]) ?? []).map { $0["state"] as? String } == ["approved"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func nobodyDecidesTheirOwnRequestAndStrangersSeeNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let molit = try await app.organisationID("molit")
            let officer = try await app.officer()
            let stranger = try await app.member(of: molit)
            let requester = try await app.makeUser()
            let asked = try await Self.call(app, .POST, "/api/v1/organisations/\(busan)/join-requests", by: requester, ["message": "Park, Busan smart city team."])
            let id = try #require(asked.json["id"] as? String)
            // An officer asking to join is refused deciding their own request.
            let officerAsked = try await Self.call(app, .POST, "/api/v1/organisations/\(molit)/join-requests", by: officer, ["message": "Officer."])
            let officerRequest = try #require(officerAsked.json["id"] as? String)
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(officerRequest)/decision", by: officer, ["decision": "approve"]).status == .forbidden)
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: requester, ["decision": "approve"]).status == .forbidden)
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: stranger, ["decision": "approve"]).status == .notFound)
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: nil, ["decision": "approve"]).status == .unauthorized)
            let strangerList = try await Self.call(app, .GET, "/api/v1/join-requests", by: stranger)
            // (The stranger is a member of MOLIT: they see the officer's request to join it, not Busan's.)
            #expect(((strangerList.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == [officerRequest])
            #expect(try await Self.call(app, .GET, "/api/v1/join-requests", by: nil).status == .unauthorized)
            // Nothing was decided, nobody became a member.
            #expect(try await JoinRequestRecord.query(on: app.db).filter(\.$state != "pending").count() == 0)
            #expect(try await !Self.isMember(app, requester, of: busan))
            #expect(try await !Self.isMember(app, officer, of: molit))
            // The programme office decides (a refusal, with its reason).
            let refused = try await Self.call(app, .POST, "/api/v1/join-requests/\(id)/decision", by: officer, ["decision": "refuse", "reason": "Not a Busan official."])
            #expect(refused.status == .ok)
            #expect(refused.json["reason"] as? String == "Not a Busan official.")
            #expect(try await Self.audit(app, "organisation.join.refuse") == 1)
            let told = try await NoticeRecord.query(on: app.db).filter(\.$userID == requester.id).all()
            #expect(told.map(\.textEn) == [told.first?.textEn ?? ""] && told.first?.textEn.hasSuffix("refused your request to join: Not a Busan official.") == true)
            #expect(try await !Self.isMember(app, requester, of: busan))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badRequestsAreRefusedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let user = try await app.makeUser()
            let before = try await app.count(JoinRequestRecord.self)
            let path = "/api/v1/organisations/\(busan)/join-requests"
            let empty = try await Self.call(app, .POST, path, by: user, ["message": "   "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.problemFields == ["message"])
            #expect(try await Self.call(app, .POST, path, by: user, ["message": String(repeating: "a", count: 1_001)]).problemFields == ["message"])
            #expect(try await Self.call(app, .POST, path, by: user, [:]).problemFields == ["message"])
            #expect(try await Self.call(app, .POST, path, by: user, ["message": "Hi", "role": "administrator"]).problemFields == ["role"])
            #expect(try await Self.call(app, .POST, "/api/v1/organisations/\(UUID())/join-requests", by: user, ["message": "Hi"]).status == .notFound)
            #expect(try await Self.call(app, .POST, path, by: nil, ["message": "Hi"]).status == .unauthorized)
            #expect(try await Self.call(app, .GET, "/api/v1/join-requests?state=maybe", by: user).status == .badRequest)
            #expect(try await Self.call(app, .POST, "/api/v1/join-requests/\(UUID())/decision", by: user, ["decision": "approve"]).status == .notFound)
            #expect(try await app.count(JoinRequestRecord.self) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func throughThePagesAskDecideAndSeeTheState(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let member = try await app.member(of: busan)
            let newcomer = try await app.makeUser()
            let visitor = Browser(app)
            try await visitor.signIn(newcomer)
            let account = try await visitor.get("/account?lang=en")
            #expect(account.text.contains("Join an organisation"))
            #expect(account.text.contains("action=\"/organisations/join\""))
            // A broken form comes back with its error next to the field and the input kept.
            let before = try await app.count(JoinRequestRecord.self)
            let broken = try await visitor.post("/organisations/join", form: [("organisation", busan.uuidString), ("message", "")])
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.text.contains("f-message-error"))
            #expect(broken.text.contains("selected>"))
            let noOrganisation = try await visitor.post("/organisations/join", form: [("organisation", ""), ("message", "Kept text")])
            #expect(noOrganisation.status == .unprocessableEntity)
            #expect(noOrganisation.text.contains("Kept text"))
            #expect(try await app.count(JoinRequestRecord.self) == before)
            // The request is sent and shows as waiting.
            let sent = try await visitor.post("/organisations/join", form: [("organisation", busan.uuidString), ("message", "Lee, Busan data team.")])
            #expect(sent.status == .seeOther)
            #expect(try await visitor.get("/account/organisations?lang=en").text.contains("Waiting for a decision"))
            #expect(try await visitor.post("/organisations/join", form: [("organisation", busan.uuidString), ("message", "Again")]).status == .conflict)
            let request = try #require(try await JoinRequestRecord.query(on: app.db).filter(\.$userID == newcomer.id).first())
            // Another signed-in person sees no requests on the organisation's page.
            let other = Browser(app)
            try await other.signIn(try await app.makeUser())
            #expect(!(try await other.get("/organisations/\(busan)?lang=en").text.contains("Lee, Busan data team.")))
            #expect(try await other.post("/join-requests/\(request.storedID)/decision", form: [("decision", "approve")]).status == .notFound)
            // The member sees it on the organisation's page and approves.
            let deciding = Browser(app)
            try await deciding.signIn(member)
            let page = try await deciding.get("/organisations/\(busan)?lang=en")
            #expect(page.text.contains("Lee, Busan data team."))
            #expect(page.text.contains("Approve"))
            let refusedEmpty = try await deciding.post("/join-requests/\(request.storedID)/decision", form: [("decision", "refuse"), ("reason", "")])
            #expect(refusedEmpty.status == .unprocessableEntity)
            #expect(refusedEmpty.text.contains("reason-\(UUIDText.string(request.storedID))-error"))
            #expect(try await deciding.post("/join-requests/\(request.storedID)/decision", form: [("decision", "approve")]).status == .seeOther)
            let after = try await visitor.get("/account/organisations?lang=ko")
            #expect(after.text.contains("승인됨"))
            #expect(try await Self.isMember(app, newcomer, of: busan))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aProposedOrganisationIsReviewedByTheOffice(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let proposer = try await app.makeUser()
            let hanoi = try #require(try await City.query(on: app.db).filter(\.$nameEn == "Hanoi").first()?.id)
            let organisations = try await app.count(Organisation.self)
            let body: [String: Any] = ["name": ["en": "Hanoi Urban Data Centre", "ko": "하노이 도시데이터센터"], "type": "public-institution", "country": "VN",
                                       "city": hanoi.uuidString, "website": "https://example.org"]
            // Bad input: every broken rule, nothing written.
            var bad = body
            bad["country"] = "TH"
            bad["name"] = ["en": "", "ko": "x"]
            let refused = try await Self.call(app, .POST, "/api/v1/organisation-registrations", by: proposer, bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(refused.problemFields) == ["name.en", "city"])
            #expect(try await app.count(OrganisationRegistrationRecord.self) == 0)
            #expect(try await Self.call(app, .POST, "/api/v1/organisation-registrations", by: nil, body).status == .unauthorized)
            // Proposed: pending, not in the directory.
            let proposed = try await Self.call(app, .POST, "/api/v1/organisation-registrations", by: proposer, body)
            #expect((try await Self.call(app, .GET, "/api/v1/me/data", by: proposer).json["organisationRegistrations"] as? [[String: Any]])?.count == 1)
            #expect(proposed.status == .created)
            let id = try #require(proposed.json["id"] as? String)
            #expect(try await Self.call(app, .POST, "/api/v1/organisation-registrations", by: proposer, body).status == .conflict)
            #expect(try await app.count(Organisation.self) == organisations)
            let officerPrincipal = Principal(userID: officer.id, grants: [Grant(role: .programmeOfficer, scope: .global)])
            #expect(try await DirectoryContext().due(for: officerPrincipal, on: app.db, now: Date()).contains { $0.kind == "due.registration" })
            // The proposer cannot approve it; another person does not see it.
            #expect(try await Self.call(app, .POST, "/api/v1/organisation-registrations/\(id)/decision", by: proposer, ["decision": "approve"]).status == .forbidden)
            let other = try await app.makeUser()
            #expect(try await Self.call(app, .POST, "/api/v1/organisation-registrations/\(id)/decision", by: other, ["decision": "approve"]).status == .notFound)
            #expect(((try await Self.call(app, .GET, "/api/v1/organisation-registrations", by: other).json["items"] as? [Any]) ?? [1]).isEmpty)
            #expect(((try await Self.call(app, .GET, "/api/v1/organisation-registrations?state=pending", by: officer).json["items"] as? [Any]) ?? []).count == 1)
            // The office approves: the organisation joins the directory and the proposer is its member.
            let approved = try await Self.call(app, .POST, "/api/v1/organisation-registrations/\(id)/decision", by: officer, ["decision": "approve"])
            #expect(approved.status == .ok)
            let organisation = try #require(UUID(uuidString: approved.json["organisation"] as? String ?? ""))
            #expect(try await Self.call(app, .GET, "/api/v1/organisations/\(organisation)", by: nil).status == .ok)
            #expect(try await Self.isMember(app, proposer, of: organisation))
            #expect(try await Self.audit(app, "organisation.register.approve") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func throughThePagesProposeAndRefuseWithAReason(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let officer = try await app.officer()
            let proposer = Browser(app)
            try await proposer.signIn(try await app.makeUser())
            let broken = try await proposer.post("/organisations/register", form: [("nameEn", "Sample Yangon Works"), ("nameKo", ""), ("type", "company"), ("country", "MM")])
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.text.contains("Sample Yangon Works"))
            #expect(try await app.count(OrganisationRegistrationRecord.self) == 0)
            #expect(try await proposer.post("/organisations/register", form: [("nameEn", "Sample Yangon Works"), ("nameKo", "(샘플) 양곤 웍스"), ("type", "company"), ("country", "MM")]).status == .seeOther)
            #expect(try await proposer.get("/account/organisations?lang=en").text.contains("Under review"))
            #expect(try await proposer.get("/organisations/registrations").status == .forbidden)
            let office = Browser(app)
            try await office.signIn(officer)
            let list = try await office.get("/organisations/registrations?lang=en")
            #expect(list.text.contains("Sample Yangon Works"))
            let record = try #require(try await OrganisationRegistrationRecord.query(on: app.db).first())
            #expect(try await office.post("/organisations/registrations/\(record.storedID)/decision", form: [("decision", "refuse"), ("reason", "")]).status == .unprocessableEntity)
            #expect(try await office.post("/organisations/registrations/\(record.storedID)/decision", form: [("decision", "refuse"), ("reason", "Duplicate of an existing entry.")]).status == .seeOther)
            let mine = try await proposer.get("/account/organisations?lang=en").text
            #expect(mine.contains("Refused") && mine.contains("Duplicate of an existing entry."))
            #expect(try await Self.audit(app, "organisation.register.refuse") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPersonsRequestsAreInTheirDataAndGoWithTheirAccount(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let busan = try await app.organisationID("busan")
            let user = try await app.makeUser()
            #expect(try await Self.call(app, .POST, "/api/v1/organisations/\(busan)/join-requests", by: user, ["message": "Choi, Busan."]).status == .created)
            let body: [String: Any] = ["name": ["en": "Sample Cebu Mobility Lab", "ko": "(샘플) 세부 모빌리티 랩"], "type": "company", "country": "PH"]
            #expect(try await Self.call(app, .POST, "/api/v1/organisation-registrations", by: user, body).status == .created)
            let sections = try await DirectoryContext().personalData(of: user.id, on: app.db)
            #expect(Set(sections.keys) == ["joinRequests", "organisationRegistrations"])
            try await DirectoryContext().erasePersonalData(of: user.id, on: app.db)
            let request = try #require(try await JoinRequestRecord.query(on: app.db).first())
            #expect(request.userID == nil && request.message.isEmpty && request.state == "withdrawn")
            let registration = try #require(try await OrganisationRegistrationRecord.query(on: app.db).first())
            #expect(registration.proposerID == nil && registration.state == "refused")
            #expect(try await DirectoryContext().personalData(of: user.id, on: app.db).isEmpty)
        }
    }
}
