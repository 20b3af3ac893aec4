import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// Actions that cannot be undone ask first (Components.confirmStep): the first POST answers a
/// page in the page's language and writes nothing; only the POST with `confirm=yes` acts. Actions
/// that no longer apply are gone from their pages, and the server still refuses them.
@Suite struct ConfirmationPageTests {
    @Test(arguments: TestDatabase.all)
    func movingACallAsksFirstInBothLanguagesAndWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(try await app.officer())
            let created = try await browser.post("/calls/new", form: CallPageTests.form)
            let path = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last!)))
            let entries = try await app.count(AuditRecord.self)
            let token = try await browser.formToken()
            for (lang, question, yes) in [("ko", "이 공모를 개시할까요?", "예, 공모를 개시합니다"), ("en", "Open this call?", "Yes, open the call")] {
                let asked = try await browser.post(path + "/state?lang=\(lang)", form: [("to", "open")])
                #expect(asked.status == .ok)
                #expect(asked.text.contains("<h1 id=\"confirm-title\">\(question)</h1>"))
                #expect(asked.text.contains("<button type=\"submit\" class=\"button\">\(yes)</button>"))
                #expect(asked.text.contains(lang == "ko" ? "K-SCON 2028 국제공모" : "K-SCON 2028 &lt;b&gt;round&lt;/b&gt;"))
                // The same form again: the fields carried, a fresh CSRF field, confirm=yes; and Back.
                #expect(asked.text.contains("<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\"><input type=\"hidden\" name=\"to\" value=\"open\"><input type=\"hidden\" name=\"confirm\" value=\"yes\">"))
                #expect(asked.text.contains("<form method=\"post\" action=\"\(path)/state?lang=\(lang)\">"))
                #expect(asked.text.contains("class=\"button-back\" href=\"/calls/"))
                #expect(!asked.text.contains("confirm."))
            }
            #expect(try await Call.find(id, on: app.db)?.state == "draft")
            #expect(try await app.count(AuditRecord.self) == entries)
            let opened = try await browser.post(path + "/state?lang=en", form: [("to", "open"), ("confirm", "yes")])
            #expect(opened.status == .ok)
            #expect(opened.text.contains("The call is now: Open."))
            #expect(try await Call.find(id, on: app.db)?.state == "open")
            // Cancelling is destructive: its button is red; asking still changes nothing.
            let cancel = try await browser.post(path + "/state?lang=en", form: [("to", "cancelled")])
            #expect(cancel.text.contains("<button type=\"submit\" class=\"button danger\">Yes, cancel the call</button>"))
            #expect(try await Call.find(id, on: app.db)?.state == "open")
            // A move that would be refused is refused at once, without asking.
            let refused = try await browser.post(path + "/state?lang=en", form: [("to", "published")])
            #expect(refused.status == .conflict)
            #expect(!refused.text.contains("confirm-title"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func confirmingTheSelectionAsksFirstAndTheAssignmentFormGoesAfterTheDecision(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let callID = fixture.base.callID.lowercased()
            let officer = Browser(app)
            try await officer.signIn(fixture.base.officer)
            let decisions = try await app.count(CallDecision.self), entries = try await app.count(AuditRecord.self)
            for (lang, question, yes) in [("ko", "이 공모의 선정 결과를 확정할까요?", "예, 선정을 확정합니다"), ("en", "Confirm the selection for this call?", "Yes, confirm the selection")] {
                let asked = try await officer.post("/calls/\(callID)/decision?lang=\(lang)", form: [])
                #expect(asked.status == .ok)
                #expect(asked.text.contains(question))
                #expect(asked.text.contains(yes))
                #expect(asked.text.contains("class=\"button-back\" href=\"/calls/\(callID)/assignment\""))
                #expect(!asked.text.contains("confirm."))
            }
            #expect(try await app.count(CallDecision.self) == decisions)
            #expect(try await app.count(AuditRecord.self) == entries)
            #expect(try await Call.find(UUID(uuidString: callID)!, on: app.db)?.state == "in-review")
            // Someone who may not decide is refused at once, as before (no confirmation page).
            let member = Browser(app)
            try await member.signIn(fixture.base.member)
            #expect(try await member.post("/calls/\(callID)/decision?lang=en", form: []).status == .forbidden)

            // In review the assignment form is there; once decided it is gone, and its POST refused.
            #expect(try await officer.get("/calls/\(callID)/assignment?lang=en").text.contains("<form method=\"post\" action=\"/calls/\(callID)/assignment\""))
            let call = try #require(try await Call.find(UUID(uuidString: callID)!, on: app.db))
            call.state = CallState.decided.rawValue
            try await call.update(on: app.db)
            for (lang, note) in [("ko", "선정이 확정되어 심사위원 배정은 더 이상 바꿀 수 없습니다."), ("en", "The selection is confirmed: the assignment can no longer change.")] {
                let decided = try await officer.get("/calls/\(callID)/assignment?lang=\(lang)")
                #expect(decided.status == .ok)
                #expect(decided.text.contains(note))
                #expect(!decided.text.contains("action=\"/calls/\(callID)/assignment\""))
                #expect(!decided.text.contains("action=\"/calls/\(callID)/assignment/pair\""))
            }
            let pairs = try await app.count(ReviewAssignment.self)
            #expect(try await officer.post("/calls/\(callID)/assignment?lang=en", form: [("reviewsPerProposal", "2")]).status == .conflict)
            #expect(try await app.count(ReviewAssignment.self) == pairs)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withdrawIsGoneAfterTheDeadlineAndStillRefused(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let proposal = fixture.proposals[0].lowercased()
            let applicant = Browser(app)
            try await applicant.signIn(fixture.base.member)
            // Before the deadline the applicant may withdraw: the button is there, red.
            let before = try await applicant.get("/proposals/\(proposal)?lang=en")
            #expect(before.text.contains("action=\"/proposals/\(proposal)/withdraw\""))
            #expect(before.text.contains("class=\"button danger\">Withdraw the proposal</button>"))
            // After the deadline (review, decision, results): gone, and the POST refused as before.
            app.clock = .fixed(try #require(AuditChain.date("2100-01-02T00:00:00Z")))
            let late = Browser(app)
            try await late.signIn(fixture.base.member)
            for lang in ["ko", "en"] {
                let page = try await late.get("/proposals/\(proposal)?lang=\(lang)")
                #expect(page.status == .ok)
                #expect(!page.text.contains("/withdraw\""))
            }
            #expect(try await late.post("/proposals/\(proposal)/withdraw?lang=en", form: []).status == .conflict)
            #expect(try await late.post("/proposals/\(proposal)/withdraw?lang=en", form: [("confirm", "yes")]).status == .conflict)
            #expect(try await Proposal.find(UUID(uuidString: proposal)!, on: app.db)?.state == "submitted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func droppingAProjectAsksFirstWithTheReasonCarried(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let path = "/projects/\(try project.requireID().uuidString.lowercased())"
            let officer = Browser(app)
            try await officer.signIn(try await app.officer())
            #expect(try await officer.get(path + "?lang=en").text.contains("<button type=\"submit\" class=\"button danger\">Drop the project</button>"))
            let entries = try await app.count(AuditRecord.self)
            let reason = "The city withdrew its counterpart <funding>."
            for (lang, question) in [("ko", "이 사업을 중단할까요?"), ("en", "Drop this project?")] {
                let asked = try await officer.post(path + "/stage?lang=\(lang)", form: [("to", "dropped"), ("reason", reason)])
                #expect(asked.status == .ok)
                #expect(asked.text.contains(question))
                #expect(asked.text.contains("<input type=\"hidden\" name=\"reason\" value=\"The city withdrew its counterpart &lt;funding&gt;.\">"))
                #expect(asked.text.contains("class=\"confirm-step confirm-danger\""))
                #expect(!asked.text.contains("confirm."))
            }
            #expect(try await Project.find(project.id, on: app.db)?.stage == "financing")
            #expect(try await app.count(AuditRecord.self) == entries)
            // Without a reason the store refuses at once (422), as before: no confirmation page.
            let bare = try await officer.post(path + "/stage?lang=en", form: [("to", "dropped"), ("reason", "")])
            #expect(bare.status == .unprocessableEntity || bare.status == .conflict)
            #expect(!bare.text.contains("confirm-title"))
            let dropped = try await officer.post(path + "/stage?lang=en", form: [("to", "dropped"), ("reason", reason), ("confirm", "yes")])
            #expect(dropped.status == .ok)
            #expect(try await Project.find(project.id, on: app.db)?.stage == "dropped")
            // Someone who may not manage projects is refused at once.
            let member = Browser(app)
            try await member.signIn(try await app.member(of: try await app.organisationID("molit")))
            let other = try #require(try await Project.query(on: app.db).filter(\.$stage != "dropped").first())
            let refused = try await member.post("/projects/\(try other.requireID().uuidString.lowercased())/stage?lang=en", form: [("to", "dropped"), ("reason", reason)])
            #expect(refused.status == .forbidden || refused.status == .notFound)
            #expect(!refused.text.contains("confirm-title"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func revokingACertificateAsksFirstAndTheFormGoesOnceRevoked(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let code = try #require(try await fixture.sampleCertificates().codes.first)
            let officer = Browser(app)
            try await officer.signIn(fixture.officer)
            let page = try await officer.get("/certificates/\(code)?lang=en")
            #expect(page.text.contains("<button type=\"submit\" class=\"button danger\">Revoke the certificate</button>"))
            let entries = try await app.count(AuditRecord.self)
            let reason = "Issued to the wrong participant by mistake."
            for (lang, question) in [("ko", "이 수료증을 취소할까요?"), ("en", "Revoke this certificate?")] {
                let asked = try await officer.post("/certificates/\(code)/revoke?lang=\(lang)", form: [("reason", reason)])
                #expect(asked.status == .ok)
                #expect(asked.text.contains(question))
                #expect(!asked.text.contains("confirm."))
            }
            #expect(try await app.count(AuditRecord.self) == entries)
            #expect(try await Browser(app).get("/certificates/\(code)?lang=en").text.contains("This certificate is valid."))
            // A stranger is refused at once, without a confirmation page.
            let stranger = Browser(app)
            try await stranger.signIn(try await app.makeUser())
            let refused = try await stranger.post("/certificates/\(code)/revoke?lang=en", form: [("reason", reason)])
            #expect(refused.status == .forbidden || refused.status == .notFound)
            #expect(!refused.text.contains("confirm-title"))
            let revoked = try await officer.post("/certificates/\(code)/revoke?lang=en", form: [("reason", reason), ("confirm", "yes")])
            #expect(revoked.status == .seeOther)
            let after = try await officer.get("/certificates/\(code)?lang=en")
            #expect(!after.text.contains("This certificate is valid."))
            #expect(!after.text.contains("/revoke\""))
        }
    }

    @Test(arguments: TestDatabase.all)
    func movingAnEventOnAsksFirst(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let f = try await CentresFixture.make(app)
            let created = try await f.call(.POST, "/api/v1/events", f.eventBody(), by: f.staff)
            let eventID = try #require(created.json["id"] as? String)
            let event = try #require(UUID(uuidString: eventID))
            let organiser = Browser(app)
            try await organiser.signIn(f.staff)
            for (lang, question) in [("ko", "이 행사를 ‘참가 등록 중’ 단계로 옮길까요?"), ("en", "Move this event to “Open for registration”?")] {
                let asked = try await organiser.post("/events/\(event.uuidString)/state?lang=\(lang)", form: [("to", "open")])
                #expect(asked.status == .ok)
                #expect(asked.text.contains(question))
                #expect(!asked.text.contains("confirm."))
            }
            #expect(try await CentreEvent.find(event, on: app.db)?.state == "draft")
            // A move that is not the next one is refused at once, as before.
            #expect(try await organiser.post("/events/\(event.uuidString)/state?lang=en", form: [("to", "held")]).status == .conflict)
            #expect(try await organiser.post("/events/\(event.uuidString)/state?lang=en", form: [("to", "open"), ("confirm", "yes")]).status == .ok)
            #expect(try await CentreEvent.find(event, on: app.db)?.state == "open")
        }
    }
}
