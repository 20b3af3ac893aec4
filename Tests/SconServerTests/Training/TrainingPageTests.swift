import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingPageTests {
    /// The programme page lists the sample programme and its cohorts, marked Sample, in both
    /// languages; the home's placeholder for training is gone.
    @Test(arguments: TestDatabase.all)
    func theTrainingPageListsProgrammesAndCohorts(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let en = try await Browser(app).get("/training?lang=en")
            #expect(en.status == .ok)
            #expect(en.text.contains("Smart-city planning and ICT solutions (sample programme)"))
            #expect(en.text.contains("Sample cohort, March 2027"))
            #expect(en.text.contains("badge-sample"))
            #expect(!en.text.contains("not built yet"))
            let ko = try await Browser(app).get("/training?lang=ko")
            #expect(ko.text.contains("스마트시티 계획과 ICT 솔루션(샘플 과정)"))
            #expect(ko.text.contains("초청연수"))
        }
    }

    /// The public verification page and the printable certificate carry the QR code of the
    /// page's absolute address as inline SVG; the printable one is for its holder and officers.
    @Test(arguments: TestDatabase.all)
    func aCertificatePageCarriesItsQRCode(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let code = try #require(try await fixture.sampleCertificates().codes.first)
            for language in ["en", "ko"] {
                let page = try await Browser(app).get("/certificates/\(code)?lang=\(language)")
                #expect(page.status == .ok)
                #expect(page.text.contains("<svg"))
                #expect(page.text.contains(code))
                #expect(page.text.contains(language == "en" ? "This certificate is valid." : "유효한 수료증입니다."))
            }
            let anonymous = try await Browser(app).get("/certificates/\(code)/print")
            #expect(anonymous.status == .seeOther)
            let stranger = Browser(app)
            try await stranger.signIn(try await app.makeUser())
            #expect(try await stranger.get("/certificates/\(code)/print").status == .notFound)
            let officer = Browser(app)
            try await officer.signIn(fixture.officer)
            let printable = try await officer.get("/certificates/\(code)/print?lang=ko")
            #expect(printable.status == .ok)
            #expect(printable.text.contains("class=\"certificate\""))
            #expect(printable.text.contains("<svg"))
            #expect(printable.text.contains("수료증"))
            // Looking a code up from the training page leads to its verification page.
            let lookup = try await Browser(app).get("/training?code=\(code.lowercased())")
            #expect(lookup.status == .seeOther)
            #expect(try await Browser(app).get("/certificates/AAAA-BBBB-CCCC").status == .notFound)
        }
    }

    /// The application form keeps the input and names the field in error; a complete form
    /// submits; the focal point's ranking page ranks the nominee.
    @Test(arguments: TestDatabase.all)
    func anOfficialAppliesAndTheFocalPointRanksOnThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort()
            let (official, organisation) = try await fixture.official(of: "sample-kh-urban-ministry")
            let browser = Browser(app)
            try await browser.signIn(official)
            let form = try await browser.get("/training/cohorts/\(cohort.uuidString)/apply?lang=en")
            #expect(form.status == .ok)
            #expect(form.text.contains("Nominating organisation"))
            let before = try await app.count(TraineeApplicationRecord.self)
            let incomplete = try await browser.post("/training/cohorts/\(cohort.uuidString)/apply?lang=en",
                                                    form: [("organisation", organisation.uuidString), ("level", "national"), ("motivation", "Smart cities."), ("actionPlanIdea", "")])
            #expect(incomplete.status == .conflict)
            #expect(incomplete.text.contains("Smart cities."))
            #expect(try await app.count(TraineeApplicationRecord.self) == before)
            let submitted = try await browser.post("/training/cohorts/\(cohort.uuidString)/apply",
                                                   form: [("organisation", organisation.uuidString), ("level", "national"), ("motivation", "Smart cities."),
                                                          ("actionPlanIdea", "A flood warning system.")])
            #expect(submitted.status == .seeOther)
            let application = try #require(try await TraineeApplicationRecord.query(on: app.db).filter(\.$userID == official.id).first())
            let colleague = Browser(app)
            try await colleague.signIn(try await app.member(of: organisation))
            #expect(try await colleague.post("/training/applications/\(application.storedID.uuidString)/nominate", form: []).status == .seeOther)

            let focal = Browser(app)
            try await focal.signIn(try await fixture.focalPoint("KH"))
            let page = try await focal.get("/training/cohorts/\(cohort.uuidString)/ranking/KH?lang=ko")
            #expect(page.status == .ok)
            #expect(page.text.contains("캄보디아 (KH) 추천자 순위 정하기"))
            let saved = try await focal.post("/training/cohorts/\(cohort.uuidString)/ranking/KH",
                                             form: [("rank-\(UUIDText.string(application.storedID))", "1")])
            #expect(saved.status == .seeOther)
            #expect(try await TraineeApplicationRecord.find(application.id, on: app.db)?.rank == 1)
            let other = Browser(app)
            try await other.signIn(try await fixture.focalPoint("TH"))
            #expect(try await other.get("/training/cohorts/\(cohort.uuidString)/ranking/KH").status == .forbidden)
        }
    }
}
