import Fluent
import Foundation
import SconDomain
import Testing
import VaporTesting
@testable import SconServer

@Suite struct TrainingAlumniTests {
    /// The directory lists the alumni who opted in; a visitor does not see the others, the
    /// programme office does, and an alumnus opts in themselves.
    @Test(arguments: TestDatabase.all)
    func aVisitorSeesOnlyOptedInAlumni(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await TrainingFixture.make(app)
            func names(_ user: TestUser?) async throws -> [String] {
                let listed = try await fixture.send(.GET, "/api/v1/alumni", by: user)
                #expect(listed.status == .ok)
                return (listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            }
            #expect(try await names(nil) == ["Sample Trainee A (Cambodia)", "Sample Trainee B (Thailand)"])
            #expect(try await names(fixture.officer).count == 4)
            let page = try await Browser(app).get("/training/alumni?lang=en")
            #expect(page.text.contains("Sample Trainee A (Cambodia)"))
            #expect(!page.text.contains("Sample Trainee C (Viet Nam)"))

            // An alumnus (a completed trainee with an account) opts in; a stranger may not do it for them.
            let (official, organisation) = try await fixture.official(of: "sample-vn-songxanh-city")
            let record = try #require(try await TraineeApplicationRecord.query(on: app.db).filter(\.$traineeName == "Sample Trainee C (Viet Nam)").first())
            record.userID = official.id
            try await record.update(on: app.db)
            #expect(try await names(official).contains("Sample Trainee C (Viet Nam)"))
            let path = "/api/v1/training-applications/\(record.storedID.uuidString)/alumni"
            #expect(try await fixture.send(.PUT, path, ["optIn": true], by: try await app.member(of: organisation)).status == .forbidden)
            #expect(try await fixture.send(.PUT, path, ["optIn": true], by: official).json["alumniOptIn"] as? Bool == true)
            #expect(try await names(nil).contains("Sample Trainee C (Viet Nam)"))
        }
    }
}
