import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingPersonalDataTests {
    /// An applicant's download holds their applications; erasing the account unlinks them
    /// and empties their texts.
    @Test(arguments: TestDatabase.all)
    func anApplicantDownloadsAndErasesTheirApplications(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            let cohort = try await fixture.createCohort()
            let (official, organisation) = try await fixture.official(of: "sample-kh-urban-ministry")
            let applied = try await fixture.send(.POST, "/api/v1/cohorts/\(cohort.uuidString)/applications", fixture.applicationBody(organisation), by: official)
            let id = try #require(UUID(uuidString: applied.json["id"] as? String ?? ""))
            let download = try await fixture.send(.GET, "/api/v1/me/data", by: official)
            #expect(download.status == .ok)
            #expect(((download.json["trainingApplications"] as? [[String: Any]])?.first)?["motivation"] as? String == "To learn smart-city planning.")
            try await TrainingContext().erasePersonalData(of: official.id, on: app.db)
            let row = try #require(try await TraineeApplicationRecord.find(id, on: app.db))
            #expect(row.userID == nil && row.motivation.isEmpty && row.traineeName.isEmpty)
        }
    }
}
