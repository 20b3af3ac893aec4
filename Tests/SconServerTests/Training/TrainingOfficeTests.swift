import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

/// The programme office's programmes (API and pages), the cohort form and the survey form.
@Suite struct TrainingOfficeTests {
    static func programmeBody(code: String = "TP-\(UUID().uuidString.prefix(6))", host: UUID) -> [String: Any] {
        ["code": code, "title": ["en": "Smart water management", "ko": "스마트 물관리"],
         "description": ["en": "Two weeks on water utilities.", "ko": "물 관리 기관 연수 2주."],
         "topics": ["water", "ict"], "format": "hybrid", "languages": ["en", "ko"], "lengthDays": 14, "hostOrganisation": host.uuidString,
         "call": NSNull(), "project": NSNull()]
    }

    /// The office creates a programme, reads it and changes it; each change is audited.
    @Test(arguments: TestDatabase.all)
    func theOfficeCreatesAndEditsAProgramme(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Setup
            let fixture = try await TrainingFixture.make(app)
            let host = try await app.organisationID("sample-kh-urban-ministry")
            // Act
            let created = try await fixture.send(.POST, "/api/v1/programmes", Self.programmeBody(code: "tp-water", host: host), by: fixture.officer)
            // Check
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["code"] as? String == "TP-WATER")
            #expect(created.json["topics"] as? [String] == ["water", "ict"])
            #expect(((created.json["host"] as? [String: Any])?["organisation"] as? String) == host.uuidString.lowercased())
            let read = try await fixture.send(.GET, "/api/v1/programmes/\(id)", by: nil)
            #expect(read.status == .ok)
            let listed = try await fixture.send(.GET, "/api/v1/programmes?limit=100", by: nil)
            #expect((listed.json["items"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == id })
            var body = Self.programmeBody(code: "TP-WATER", host: host)
            body["title"] = ["en": "Smart water utilities", "ko": "스마트 상수도"]
            let updated = try await fixture.send(.PUT, "/api/v1/programmes/\(id)", body, by: fixture.officer)
            #expect(updated.status == .ok, "\(updated.text)")
            #expect((updated.json["title"] as? [String: String])?["ko"] == "스마트 상수도")
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "programme.create").count() == 1)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "programme.update").count() == 1)
        }
    }

    /// Bad input is a 422 naming every field, and nothing is written or changed.
    @Test(arguments: TestDatabase.all)
    func badProgrammeInputWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let host = try await app.organisationID("sample-kh-urban-ministry")
            let before = try await app.count(TrainingProgramme.self)
            var body = Self.programmeBody(host: host)
            body["title"] = ["en": "Smart water", "ko": ""]
            body["topics"] = ["water", "cooking"]
            body["lengthDays"] = 0
            body["hostOrganisation"] = UUID().uuidString
            let refused = try await fixture.send(.POST, "/api/v1/programmes", body, by: fixture.officer)
            #expect(refused.status == .unprocessableEntity)
            let fields = Set((refused.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["title.ko", "topics[1]", "lengthDays"]), "\(refused.text)")
            // The host is checked once the terms pass.
            let unknownHost = try await fixture.send(.POST, "/api/v1/programmes", { var b = Self.programmeBody(host: host); b["hostOrganisation"] = UUID().uuidString; return b }(),
                                                     by: fixture.officer)
            #expect(unknownHost.status == .unprocessableEntity)
            #expect(unknownHost.text.contains("hostOrganisation"))
            #expect(try await app.count(TrainingProgramme.self) == before)
            // A PUT with bad input changes nothing.
            let original = try #require(try await TrainingProgramme.find(fixture.programme, on: app.db))
            let badPut = try await fixture.send(.PUT, "/api/v1/programmes/\(fixture.programme.uuidString)", body, by: fixture.officer)
            #expect(badPut.status == .unprocessableEntity)
            #expect(try await TrainingProgramme.find(fixture.programme, on: app.db)?.titleEn == original.titleEn)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action ~~ ["programme.create", "programme.update"]).count() == 0)
        }
    }

    /// Someone who is not of the programme office is refused (403), an unknown programme is a 404.
    @Test(arguments: TestDatabase.all)
    func onlyTheOfficeWritesProgrammes(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let host = try await app.organisationID("sample-kh-urban-ministry")
            let stranger = try await app.makeUser()
            let before = try await app.count(TrainingProgramme.self)
            #expect(try await fixture.send(.POST, "/api/v1/programmes", Self.programmeBody(host: host), by: stranger).status == .forbidden)
            #expect(try await fixture.send(.POST, "/api/v1/programmes", Self.programmeBody(host: host), by: nil).status == .unauthorized)
            #expect(try await fixture.send(.PUT, "/api/v1/programmes/\(fixture.programme.uuidString)", Self.programmeBody(host: host), by: stranger).status == .forbidden)
            #expect(try await fixture.send(.PUT, "/api/v1/programmes/\(UUID().uuidString)", Self.programmeBody(host: host), by: fixture.officer).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/programmes/\(UUID().uuidString)", by: nil).status == .notFound)
            #expect(try await app.count(TrainingProgramme.self) == before)
            #expect(try await TrainingProgramme.find(fixture.programme, on: app.db)?.titleEn == "Test programme")
            let browser = Browser(app)
            try await browser.signIn(stranger)
            #expect(try await browser.get("/training/programmes").status == .forbidden)
            #expect(try await browser.get("/training/cohorts/new").status == .forbidden)
        }
    }

    /// The programme form keeps what was typed and names the field in error in the page's
    /// language; a corrected form creates the programme; the edit form shows it and saves it.
    @Test(arguments: TestDatabase.all)
    func theProgrammeFormRoundTrip(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let host = try await app.organisationID("sample-kh-urban-ministry")
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            #expect(try await browser.get("/training/programmes/new?lang=ko").status == .ok)
            let before = try await app.count(TrainingProgramme.self)
            var form: [(String, String)] = [("code", "TP-FORM"), ("titleEn", "Smart transport <b>"), ("titleKo", ""), ("descriptionEn", "Buses."),
                                            ("descriptionKo", "버스."), ("topic-transport", "on"), ("format", "online"), ("language-en", "on"),
                                            ("lengthDays", "5"), ("hostOrganisation", host.uuidString), ("call", ""), ("project", "")]
            let refused = try await browser.post("/training/programmes/new?lang=ko", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Smart transport &lt;b&gt;"))
            #expect(refused.text.contains("과정명(국문): 필수 항목입니다."))
            #expect(try await app.count(TrainingProgramme.self) == before)
            form[2] = ("titleKo", "스마트 교통")
            let created = try await browser.post("/training/programmes/new", form: form)
            #expect(created.status == .seeOther)
            let programme = try #require(try await TrainingProgramme.query(on: app.db).filter(\.$code == "TP-FORM").first())
            #expect(programme.hostEn != "")
            let edit = try await browser.get("/training/programmes/\(programme.storedID.uuidString)/edit?lang=en")
            #expect(edit.status == .ok)
            #expect(edit.text.contains("스마트 교통"))
            form[5] = ("topic-water", "on")
            let saved = try await browser.post("/training/programmes/\(programme.storedID.uuidString)/edit", form: form)
            #expect(saved.status == .seeOther)
            #expect(try await TrainingProgramme.find(programme.storedID, on: app.db)?.topics == "water")
            let list = try await browser.get("/training/programmes?saved=1&lang=en")
            #expect(list.text.contains("TP-FORM"))
        }
    }

    static func cohortForm(programme: UUID, sessionDay: String) -> [(String, String)] {
        [("programme", programme.uuidString), ("code", "TC-FORM"), ("titleEn", "Form cohort"), ("titleKo", "양식 기수"), ("published", "on"),
         ("venueTimeZone", "Asia/Seoul"), ("startDay", "2027-03-08"), ("endDay", "2027-03-12"), ("capacity", "6"),
         ("quotaKind", "fixed"), ("quotaAtMost", ""), ("quotaFixed", "TH 3, VN 2"), ("country-TH", "on"), ("country-VN", "on"),
         ("level-national", "on"), ("level-local", "on"), ("noteEn", ""), ("noteKo", ""), ("documents", "Passport copy | 여권 사본\n"),
         ("applicationTimeZone", "Asia/Bangkok"), ("applicationOpens", "2027-01-04"), ("applicationDeadline", "2027-01-29"), ("rankingDeadline", ""),
         ("acceptanceDays", "5"), ("minimumAttendancePercent", "75"), ("actionPlanRequired", "on"),
         ("session-0-day", sessionDay), ("session-0-starts", "09:30"), ("session-0-ends", "12:00"), ("session-0-topicEn", "Opening"),
         ("session-0-topicKo", "개강"), ("session-0-venueEn", "Sejong"), ("session-0-venueKo", "세종"), ("session-0-link", ""),
         ("session-1-day", ""), ("session-1-starts", ""), ("session-1-ends", ""), ("session-1-topicEn", ""), ("session-1-topicKo", ""),
         ("session-1-venueEn", ""), ("session-1-venueKo", ""), ("session-1-link", "")]
    }

    /// The cohort form: a session outside the dates is refused next to it, with the input kept
    /// and nothing written; the corrected form creates the cohort with its terms.
    @Test(arguments: TestDatabase.all)
    func theCohortFormRoundTrip(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            let empty = try await browser.get("/training/cohorts/new?lang=en")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Session 1"))
            let before = try await app.count(TrainingCohort.self)
            let refused = try await browser.post("/training/cohorts/new?lang=ko", form: Self.cohortForm(programme: fixture.programme, sessionDay: "2027-03-20"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("기수 기간 밖입니다."))
            #expect(refused.text.contains("value=\"2027-03-20\""))
            #expect(refused.text.contains("TH 3, VN 2"))
            #expect(try await app.count(TrainingCohort.self) == before)
            let created = try await browser.post("/training/cohorts/new", form: Self.cohortForm(programme: fixture.programme, sessionDay: "2027-03-09"))
            #expect(created.status == .seeOther)
            let cohort = try #require(try await TrainingCohort.query(on: app.db).filter(\.$code == "TC-FORM").first())
            let terms = try cohort.terms
            #expect(terms.capacity == 6)
            #expect(terms.quota == .fixed([CountryCode("TH")!: 3, CountryCode("VN")!: 2]))
            #expect(terms.sessions.count == 1)
            #expect(terms.requiredDocuments == [LocalizedText(en: "Passport copy", ko: "여권 사본")])
            #expect(terms.acceptanceDays == 5)
            #expect(terms.window.timeZone == "Asia/Bangkok")
        }
    }

    /// The survey form saves the questions; a bad key is shown next to it with nothing saved.
    @Test(arguments: TestDatabase.all)
    func theSurveyFormRoundTrip(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort()
            let browser = Browser(app)
            try await browser.signIn(fixture.officer)
            #expect(try await browser.get("/training/cohorts/\(cohort.uuidString)/survey?lang=en").status == .ok)
            var form: [(String, String)] = [("q-0-key", "Useful!"), ("q-0-kind", "scale"), ("q-0-text.en", "How useful was it?"), ("q-0-text.ko", "유익했습니까?"),
                                            ("q-0-required", "on"), ("q-1-key", ""), ("q-1-kind", "scale"), ("q-1-text.en", ""), ("q-1-text.ko", "")]
            let refused = try await browser.post("/training/cohorts/\(cohort.uuidString)/survey?lang=en", form: form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("How useful was it?"))
            #expect(try await TrainingCohort.find(cohort, on: app.db)?.feedbackSurveyJSON == nil)
            form[0] = ("q-0-key", "useful")
            let saved = try await browser.post("/training/cohorts/\(cohort.uuidString)/survey", form: form)
            #expect(saved.status == .seeOther)
            let survey = try #require(try await TrainingCohort.find(cohort, on: app.db)?.feedbackSurvey)
            #expect(survey.questions.map(\.key) == ["useful"])
            #expect(survey.questions.first?.required == true)
            let stranger = Browser(app)
            try await stranger.signIn(try await app.makeUser())
            #expect(try await stranger.get("/training/cohorts/\(cohort.uuidString)/survey").status == .forbidden)
        }
    }
}
