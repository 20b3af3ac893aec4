import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The project and fund pages, as officers, fund managers, participants and visitors use them.
@Suite struct ProjectPageTests {
    @Test(arguments: TestDatabase.all)
    func officersMoveAndRecordParticipantsAddVersionsAndClosedGatesSayWhy(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let path = "/projects/\(try project.requireID().uuidString.lowercased())"
            let officer = Browser(app)
            try await officer.signIn(try await app.officer())
            // The next gate is open (the fund has committed money): the page offers the move, in Korean.
            let korean = try await officer.get(path + "?lang=ko")
            #expect(korean.status == .ok)
            #expect(korean.text.contains("‘본사업 시행 중’ 단계로 진행"))
            let refused = try await officer.post(path + "/stage?lang=ko", form: [("to", "completed")])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("한 단계씩"))
            #expect(try await Project.find(project.id, on: app.db)?.stage == "financing")
            // Recording: a milestone with a bad day is refused on the page, a good one is saved.
            let bad = try await officer.post(path + "/edit/milestone?lang=en", form: [("titleEn", "Survey"), ("titleKo", "조사"), ("planned", "soon")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await app.count(Milestone.self) == 0)
            let saved = try await officer.post(path + "/edit/milestone?lang=en", form: [("titleEn", "Survey"), ("titleKo", "조사"), ("planned", "2026-12-01")])
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Saved."))
            #expect(try await app.count(Milestone.self) == 1)
            let deliverable = try await officer.post(path + "/edit/deliverable?lang=en", form: [("kind", "study-report"), ("title", "Flood study")])
            #expect(deliverable.status == .ok)
            // The lead organisation's member adds a version; a company's member cannot.
            let member = Browser(app)
            try await member.signIn(try await app.member(of: project.organisationID))
            let deliverableID = try #require(try await Deliverable.query(on: app.db).first()?.requireID())
            // A file that is not a PDF, PNG or JPEG is refused, nothing written; a PDF is kept with its hash.
            let text = try await member.post(path + "/edit/version?lang=en", fields: [("deliverable", deliverableID.uuidString), ("note", "First draft")],
                                             file: ("file", "notes.txt", "text/plain", Array("just text".utf8)))
            #expect(text.status == .unprocessableEntity)
            #expect(try await app.count(DeliverableVersion.self) == 0)
            let version = try await member.post(path + "/edit/version?lang=en", fields: [("deliverable", deliverableID.uuidString), ("note", "First draft")],
                                                file: ("file", "flood-study.pdf", "application/pdf", AttachmentTests.pdf))
            #expect(version.status == .ok)
            #expect(try await app.count(DeliverableVersion.self) == 1)
            let stored = try #require(try await DeliverableVersion.query(on: app.db).first())
            #expect(stored.filename == "flood-study.pdf")
            #expect(stored.size == AttachmentTests.pdf.count)
            // The file: for the participant, not for a visitor (the deliverable is not public).
            let file = "/api/v1/projects/\(try project.requireID().uuidString)/deliverables/\(deliverableID.uuidString)/versions/1/file"
            let download = try await member.get(file)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == AttachmentTests.pdf)
            #expect(download.headers.first(name: .eTag) == "\"\(stored.sha256 ?? "")\"")
            #expect(try await Browser(app).get(file).status == .notFound)
            #expect(try await member.get(file.replacingOccurrences(of: "/versions/1/", with: "/versions/2/")).status == .notFound)
            let outsider = Browser(app)
            try await outsider.signIn(try await app.member(of: try await app.organisationID("sample-hanbit-mobility")))
            #expect(try await outsider.post(path + "/edit/version?lang=en", form: [("deliverable", deliverableID.uuidString), ("note", "Mine")]).status == .forbidden)
            #expect(try await outsider.post(path + "/stage?lang=en", form: [("to", "implementation")]).status == .forbidden)
            #expect(try await app.count(DeliverableVersion.self) == 1)
            // Readiness: a justification on the page needs a real reason; an outsider cannot give one.
            #expect(try await officer.post(path + "/readiness?lang=en", form: [("flag", "no-indicators"), ("reason", "x")]).status == .unprocessableEntity)
            #expect(try await outsider.post(path + "/readiness?lang=en", form: [("flag", "no-indicators"), ("reason", "Indicators come with the F/S.")]).status == .forbidden)
            #expect(try await app.count(ReadinessJustification.self) == 0)
            let justified = try await officer.post(path + "/readiness?lang=ko", form: [("flag", "no-indicators"), ("reason", "Indicators come with the F/S.")])
            #expect(justified.status == .ok)
            #expect(justified.text.contains("사유 기록됨"))
            // The officer approves it from the page; without CSRF nothing happens.
            let approval = "\(path)/deliverables/\(deliverableID.uuidString.lowercased())/approval?lang=en"
            #expect(try await officer.post(approval, form: [], csrf: false).status == .forbidden)
            #expect(try await officer.post(approval, form: []).status == .ok)
            #expect(try await DeliverableVersion.query(on: app.db).first()?.approvedAt != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBookingFormSentTwiceBooksOnce(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let project = try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first())
            let path = "/projects/\(try project.requireID().uuidString.lowercased())"
            let manager = Browser(app)
            try await manager.signIn(try await app.makeUser(grants: [Grant(role: .fundManager, scope: .global)]))
            let page = try await manager.get(path + "?lang=en")
            let key = try #require(page.text.firstMatch(of: /name="idempotencyKey" value="([0-9a-f-]+)"/)?.1)
            let earmark = try #require(try await Earmark.query(on: app.db).first()?.requireID())
            let form: [(String, String)] = [("idempotencyKey", String(key)), ("movement", "disbursement"), ("amount", "250000.00"), ("currency", "USD"),
                                            ("instrument", ""), ("earmark", earmark.uuidString), ("valueDay", "2026-11-20"), ("memo", "Second tranche")]
            let count = try await app.count(LedgerTransaction.self)
            let first = try await manager.post(path + "/bookings?lang=en", form: form)
            #expect(first.status == .ok)
            #expect(first.text.contains("Booked: number"))
            let again = try await manager.post(path + "/bookings?lang=en", form: form)
            #expect(again.status == .ok)
            #expect(try await app.count(LedgerTransaction.self) == count + 1)
            // Above the commitment: refused in Korean, nothing booked.
            let korean = try await manager.post(path + "/bookings?lang=ko", form: [("idempotencyKey", UUID().uuidString), ("movement", "disbursement"),
                                                                                   ("amount", "9000000000"), ("currency", "KRW"), ("earmark", earmark.uuidString)])
            #expect(korean.status == .conflict)
            #expect(korean.text.contains("미집행 약정액"))
            // The refusal is shown at the form, which keeps what was typed (movement and amount too).
            let atForm = korean.text.components(separatedBy: "id=\"book\"").last ?? ""
            #expect(atForm.contains("미집행 약정액"))
            #expect(atForm.contains("value=\"disbursement\" selected"))
            #expect(atForm.contains("value=\"9000000000\""))
            // Thousands separators are taken out on the page.
            let separated = try await manager.post(path + "/bookings?lang=en", form: [("idempotencyKey", UUID().uuidString), ("movement", "disbursement"),
                                                                                      ("amount", "1,000"), ("currency", "KRW"), ("earmark", earmark.uuidString)])
            #expect(separated.status == .ok)
            #expect(try await app.count(LedgerTransaction.self) == count + 2)
            // A programme officer sees no booking form and cannot book.
            let officer = Browser(app)
            try await officer.signIn(try await app.officer())
            #expect(try await officer.get(path + "?lang=en").text.contains("idempotencyKey") == false)
            #expect(try await officer.post(path + "/bookings?lang=en", form: form.map { $0.0 == "idempotencyKey" ? ($0.0, UUID().uuidString) : $0 }).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFundPageShowsThePositionInBothLanguagesAndCurrencies(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let visitor = Browser(app)
            let korean = try await visitor.get("/fund?lang=ko")
            #expect(korean.status == .ok)
            #expect(korean.text.contains("아세안 스마트시티 사업"))
            #expect(korean.text.contains("271,000,000,000원"))
            let english = try await visitor.get("/fund?lang=en&currency=USD")
            #expect(english.text.contains("USD 193,571,428.57"))
            #expect(english.text.contains("Sample rate for the demo"))
            #expect(english.text.contains("transactions.csv") == false)
        }
    }
}
