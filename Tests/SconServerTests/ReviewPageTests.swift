import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct ReviewPageTests {
    func path(for pair: ReviewAssignment) -> String { "/reviews/\(pair.proposalID.uuidString.lowercased())" }

    @Test(arguments: TestDatabase.all)
    func anOfficerAssignsAndAReviewerScoresThroughThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let callID = fixture.base.callID
            let officer = Browser(app)
            try await officer.signIn(fixture.base.officer)
            #expect(try await officer.get("/calls/\(callID)?lang=en").text.contains("Reviewers and assignment"))
            let page = try await officer.get("/calls/\(callID)/assignment?lang=ko")
            #expect(page.text.contains("심사위원 풀"))
            let run = try await officer.post("/calls/\(callID)/assignment?lang=en", form: [("reviewsPerProposal", "2"), ("loadBalancing", "0")])
            #expect(run.status == .ok)
            #expect(run.text.contains("6 pairs assigned"))
            #expect(run.text.contains("certificate proves it optimal."))
            let impossible = try await officer.post("/calls/\(callID)/assignment?lang=en", form: [("reviewsPerProposal", "9")])
            #expect(impossible.status == .conflict)

            let pair = try #require(try await ReviewAssignment.query(on: app.db).filter(\.$status == ReviewAssignment.assigned).first())
            let reviewer = try #require(fixture.reviewers.first { $0.id == pair.reviewerID })
            let browser = Browser(app)
            try await browser.signIn(reviewer)
            let due = try await browser.get("/?lang=ko")
            #expect(due.text.contains("해야 할 일"))
            #expect(due.text.contains(path(for: pair)))
            let list = try await browser.get("/reviews?state=pending&lang=en")
            #expect(list.text.contains("KSCON-2026-TH-0"))
            let path = "/reviews/\(pair.proposalID.uuidString.lowercased())"
            #expect(try await browser.get(path + "?lang=ko").text.contains("신청 기관에 전달될 의견"))
            let incomplete = try await browser.post(path + "?lang=en", form: [("scores[need]", "4"), ("comment", "Good."), ("action", "submit")])
            #expect(incomplete.status == .unprocessableEntity)
            // What was typed stays (the score chosen, the comment), and no raw key is shown.
            #expect(incomplete.text.contains("value=\"4\" selected"))
            #expect(incomplete.text.contains(">Good.</textarea>"))
            #expect(!incomplete.text.contains("field."))
            let korean = try await browser.post(path + "?lang=ko", form: [("scores[need]", "4"), ("action", "submit")])
            #expect(korean.text.contains("value=\"4\" selected"))
            #expect(!korean.text.contains("field."))
            let draft = try await browser.post(path + "?lang=en", form: [("scores[need]", "4"), ("note", "ask about land"), ("action", "save")])
            #expect(draft.text.contains("The draft is saved."))
            // Submitting asks first, carrying what was typed, and writes nothing.
            let asked = try await browser.post(path + "?lang=en", form: [("scores[fit]", "5"), ("comment", "Good <b>."), ("action", "submit")])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Submit this review?"))
            #expect(asked.text.contains("<input type=\"hidden\" name=\"scores[fit]\" value=\"5\">"))
            #expect(asked.text.contains("<input type=\"hidden\" name=\"comment\" value=\"Good &lt;b&gt;.\">"))
            #expect(try await Review.query(on: app.db).filter(\.$proposalID == pair.proposalID).filter(\.$reviewerID == pair.reviewerID).first()?.state == "draft")
            let submitted = try await browser.post(path + "?lang=en", form: [("scores[fit]", "5"), ("comment", "Good."), ("action", "submit"), ("confirm", "yes")])
            #expect(submitted.text.contains("The review is submitted."))
            #expect(submitted.text.contains("85.00 / 100"))
            #expect(try await browser.get("/calls/\(callID)/assignment").status == .forbidden)
            let standings = try await officer.get("/calls/\(callID)/assignment?lang=en")
            #expect(standings.text.contains("85.00"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReviewerKeepsItsProfileAndDeclaresConflicts(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await ReviewFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(fixture.reviewers[3])
            let saved = try await browser.post("/account/reviewer?lang=en", form: [("sectors[]", "water"), ("countries[]", "TH"), ("languages[]", "ko"), ("capacity", "4"), ("available", "on")])
            #expect(saved.text.contains("Your reviewer profile is saved."))
            let profile = try #require(try await ReviewerProfileRecord.query(on: app.db).filter(\.$userID == fixture.reviewers[3].id).first())
            #expect(profile.capacity == 4 && profile.languages == "ko" && profile.countries == "TH")
            let bad = try await browser.post("/account/reviewer?lang=en", form: [("capacity", "999")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await ReviewerProfileRecord.query(on: app.db).filter(\.$userID == fixture.reviewers[3].id).first()?.capacity == 4)
            // A bad period: the form comes back with every box as ticked and the rule in words.
            let badPeriod = try await browser.post("/account/reviewer?lang=ko", form: [("sectors[]", "water"), ("sectors[]", "energy"), ("countries[]", "VN"),
                                                                                       ("languages[]", "en"), ("capacity", "7"), ("unavailable", "2026-13-45 until later")])
            #expect(badPeriod.status == .unprocessableEntity)
            for ticked in ["value=\"water\" checked", "value=\"energy\" checked", "value=\"VN\" checked", "value=\"en\" checked"] {
                #expect(badPeriod.text.contains(ticked), "\(ticked) is kept")
            }
            #expect(!badPeriod.text.contains("value=\"ko\" checked") && !badPeriod.text.contains("name=\"available\" value=\"on\" checked"))
            #expect(badPeriod.text.contains("value=\"7\"") && badPeriod.text.contains("2026-13-45 until later"))
            #expect(badPeriod.text.contains("YYYY-MM-DD/YYYY-MM-DD 형식으로"))
            #expect(try await ReviewerProfileRecord.query(on: app.db).filter(\.$userID == fixture.reviewers[3].id).first()?.capacity == 4)

            let sheet = try await browser.get("/calls/\(fixture.base.callID)/conflicts?lang=en")
            #expect(sheet.text.contains("Conflicts of interest"))
            let target = fixture.proposals[1]
            let declared = try await browser.post("/calls/\(fixture.base.callID)/conflicts?lang=en", form: [("conflict[\(target)]", "on"), ("reason[\(target)]", "My brother leads it.")])
            #expect(declared.text.contains("Your conflicts are saved."))
            #expect(try await ReviewConflict.query(on: app.db).count() == 1)
            // Applicants are not in the pool.
            let applicant = Browser(app)
            try await applicant.signIn(fixture.base.member)
            #expect(try await applicant.get("/calls/\(fixture.base.callID)/conflicts").status == .forbidden)
        }
    }
}
