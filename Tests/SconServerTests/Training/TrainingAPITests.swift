import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingAPITests {
    /// The contract: cohorts for officers, a cohort's certificates with their codes, and the
    /// public verification of each code (an unknown code is a 404 problem).
    @Test(arguments: TestDatabase.all)
    func certificatesAreListedAndVerifiedByTheirCode(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohorts = try await fixture.send(.GET, "/api/v1/cohorts", by: fixture.officer)
            #expect(cohorts.status == .ok)
            let codes = (cohorts.json["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.contains("SAMPLE-TR-2026-10") && codes.contains("SAMPLE-TR-2027-03"))

            let (_, certificates) = try await fixture.sampleCertificates()
            #expect(certificates.count == 4)
            let code = try #require(certificates.first)
            let verified = try await fixture.send(.GET, "/api/v1/certificates/\(code)", by: nil)
            #expect(verified.status == .ok)
            #expect(verified.json["code"] as? String == code)
            #expect(verified.json["status"] as? String == "valid")
            #expect((verified.json["programme"] as? [String: Any])?["en"] as? String == "Smart-city planning and ICT solutions (sample programme)")
            #expect(Set(verified.json.keys) == ["code", "name", "programme", "cohort", "dates", "status", "revokedOn"])
            // Typed in lower case without dashes: the same certificate.
            let typed = try await fixture.send(.GET, "/api/v1/certificates/\(code.replacingOccurrences(of: "-", with: "").lowercased())", by: nil)
            #expect(typed.json["code"] as? String == code)

            let unknown = try await fixture.send(.GET, "/api/v1/certificates/\(CertificateCode.generate().description)", by: nil)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await fixture.send(.GET, "/api/v1/certificates/NOT-A-CODE", by: nil).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheProgrammeOfficeListsCertificates(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let (cohort, _) = try await fixture.sampleCertificates()
            let plain = try await app.makeUser()
            #expect(try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/certificates", by: plain).status == .forbidden)
            #expect(try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/certificates", by: nil).status == .unauthorized)
        }
    }

    /// A revoked certificate says so publicly (with the day, not the reason); a short reason
    /// changes nothing; a second revocation is refused; other people may not revoke.
    @Test(arguments: TestDatabase.all)
    func aCertificateIsRevokedOnceWithAReason(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let (_, codes) = try await fixture.sampleCertificates()
            let code = try #require(codes.first)
            let path = "/api/v1/certificates/\(code)/revocation"

            let short = try await fixture.send(.POST, path, ["reason": "too short"], by: fixture.officer)
            #expect(short.status == .unprocessableEntity)
            #expect(short.problemFields == ["reason"])
            let plain = try await app.makeUser()
            #expect(try await fixture.send(.POST, path, ["reason": "Forged attendance records."], by: plain).status == .forbidden)
            #expect(try await fixture.send(.GET, "/api/v1/certificates/\(code)", by: nil).json["status"] as? String == "valid")

            let revoked = try await fixture.send(.POST, path, ["reason": "Forged attendance records."], by: fixture.officer)
            #expect(revoked.status == .ok)
            #expect(revoked.json["status"] as? String == "revoked")
            #expect(revoked.json["revokedOn"] as? String == "2027-01-10")
            let verified = try await fixture.send(.GET, "/api/v1/certificates/\(code)", by: nil)
            #expect(verified.json["status"] as? String == "revoked")
            #expect(!verified.text.contains("Forged"))
            #expect(try await fixture.send(.POST, path, ["reason": "Forged attendance records again."], by: fixture.officer).status == .conflict)
            let page = try await Browser(app).get("/certificates/\(code)?lang=en")
            #expect(page.text.contains("This certificate was revoked on 2027-01-10."))
            let entries = try await AuditRecord.query(on: app.db).filter(\.$action == "certificate.revoke").count()
            #expect(entries == 1)
        }
    }

    /// An official applies, their organisation nominates, their focal point ranks, the officer
    /// previews and confirms the selection; each step refuses the wrong person.
    @Test(arguments: TestDatabase.all)
    func anApplicationGoesFromSubmissionToSelection(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort()
            let (official, organisation) = try await fixture.official(of: "sample-kh-urban-ministry")
            let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: official)
            #expect(applied.status == .created)
            #expect(applied.json["state"] as? String == "submitted")
            let id = try #require(applied.json["id"] as? String)

            // Another applicant does not see it; neither does another country's focal point.
            let (other, _) = try await fixture.official(of: "sample-th-sukjai-municipality")
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: other).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: try await fixture.focalPoint("TH")).status == .notFound)
            #expect(try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: official).status == .ok)
            // The applicant's own organisation nominates, not another one.
            #expect(try await fixture.send(.POST, "/api/v1/training-applications/\(id)/nomination", by: other).status == .notFound)
            let colleague = try await app.member(of: organisation)
            let nominated = try await fixture.send(.POST, "/api/v1/training-applications/\(id)/nomination", by: colleague)
            #expect(nominated.json["state"] as? String == "nominated")

            // A focal point of Thailand may not rank Cambodia's nominees, nor put them in Thailand's list.
            let thailand = try await fixture.focalPoint("TH")
            #expect(try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/KH", ["applications": [id]], by: thailand).status == .forbidden)
            let wrongList = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/TH", ["applications": [id]], by: thailand)
            #expect(wrongList.status == .conflict)
            #expect(try await TraineeApplicationRecord.find(UUID(uuidString: id), on: app.db)?.state == "nominated")
            let cambodia = try await fixture.focalPoint("KH")
            let ranked = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/KH", ["applications": [id]], by: cambodia)
            #expect(ranked.status == .ok)
            #expect((ranked.json["items"] as? [[String: Any]])?.first?["rank"] as? Int == 1)

            #expect(try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/selection", by: official).status == .forbidden)
            let preview = try await fixture.send(.GET, "/api/v1/cohorts/\(cohort.uuidString)/selection", by: fixture.officer)
            #expect(preview.json["confirmed"] as? Bool == false)
            #expect((preview.json["decisions"] as? [[String: Any]])?.first?["outcome"] as? String == "selected")
            let confirmed = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer)
            #expect(confirmed.status == .ok)
            let after = try await fixture.send(.GET, "/api/v1/training-applications/\(id)", by: official)
            #expect(after.json["state"] as? String == "selected")
            #expect(after.json["offerDeadline"] as? String != nil)
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: fixture.officer).status == .conflict)
        }
    }

    /// Bad input writes nothing: a late application, an organisation the person is not a
    /// member of, a cohort whose session lies outside its dates.
    @Test(arguments: TestDatabase.all)
    func badInputWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort()
            let (official, organisation) = try await fixture.official(of: "sample-kh-urban-ministry")
            let applications = try await app.count(TraineeApplicationRecord.self)

            app.clock = .fixed(TrainingFixture.afterDeadline)
            let late = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: official)
            #expect(late.status == .conflict)
            #expect((late.json["detail"] as? String)?.contains("2027-01-29 (Asia/Bangkok)") == true)
            app.clock = .fixed(TrainingFixture.afterDeadline.addingTimeInterval(-1))
            let otherOrganisation = try await app.organisationID("sample-th-sukjai-municipality")
            let notMine = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(otherOrganisation), by: official)
            #expect(notMine.status == .unprocessableEntity)
            #expect(notMine.problemFields == ["organisation"])
            var unknownField = fixture.applicationBody(organisation)
            unknownField["salary"] = 1
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", unknownField, by: official).status == .badRequest)
            #expect(try await app.count(TraineeApplicationRecord.self) == applications)
            // One second before the deadline ends, the same application is in time.
            #expect(try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: official).status == .created)

            let cohorts = try await app.count(TrainingCohort.self)
            let outside = try await fixture.send(.POST, "/api/v1/cohorts", fixture.cohortBody(sessionDay: "2027-03-20"), by: fixture.officer)
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.problemFields.contains("sessions[0].day"))
            let plain = try await app.makeUser()
            #expect(try await fixture.send(.POST, "/api/v1/cohorts", fixture.cohortBody(), by: plain).status == .forbidden)
            #expect(try await app.count(TrainingCohort.self) == cohorts)
        }
    }

    /// 50 officers' confirmations at once: one confirms, the others are refused, and the seats
    /// never exceed the capacity nor a country's quota.
    @Test(arguments: TestDatabase.all)
    func fiftyConcurrentConfirmationsKeepCapacityAndQuotas(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort(capacity: 3, atMost: 1)
            var byCountry: [String: [UUID]] = [:]
            for (key, country) in [("sample-kh-urban-ministry", "KH"), ("sample-kh-tonle-municipality", "KH"), ("sample-th-sukjai-municipality", "TH"),
                                   ("sample-vn-songxanh-city", "VN"), ("sample-ph-bayanihan-city", "PH")] {
                byCountry[country, default: []].append(try await fixture.nominee(key, cohort: cohort))
            }
            for (country, ids) in byCountry {
                let ranked = try await fixture.send(.PUT, "/api/v1/cohorts/\(cohort.uuidString)/rankings/\(country)",
                                                    ["applications": ids.map(\.uuidString)], by: try await fixture.focalPoint(country))
                #expect(ranked.status == .ok, "\(ranked.text)")
            }
            let officers = try await withThrowingTaskGroup(of: TestUser.self) { group in
                for _ in 0..<50 { group.addTask { try await app.officer() } }
                var all: [TestUser] = []
                for try await officer in group { all.append(officer) }
                return all
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for officer in officers {
                    group.addTask { try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/selection", ["adjustments": []], by: officer).status }
                }
                var all: [HTTPStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 49)
            let selected = try await TraineeApplicationRecord.query(on: app.db).filter(\.$cohortID == cohort)
                .filter(\.$state == TraineeApplicationState.selected.rawValue).all()
            #expect(selected.count == 3)
            #expect(Dictionary(grouping: selected, by: \.country).values.allSatisfy { $0.count <= 1 })
            // The other two wait or are over quota, depending on the tie rule's order (random ids here).
            let others = try await TraineeApplicationRecord.query(on: app.db).filter(\.$cohortID == cohort)
                .filter(\.$state ~~ [TraineeApplicationState.waitlisted.rawValue, TraineeApplicationState.notSelected.rawValue]).count()
            #expect(others == 2)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "cohort.select").count() == 1)
        }
    }
}
