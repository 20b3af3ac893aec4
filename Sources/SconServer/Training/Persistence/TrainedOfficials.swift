import Fluent
import Foundation
import SconDomain

/// The officials trained — applications `completed`, by the official's country — as the portal's
/// "officials trained" figure counts them and `/training?country=TH` lists them (by cohort, as
/// numbers: who they are is the alumni directory's, for those who opted in).
enum TrainedOfficials {
    static func completed(_ country: CountryCode?, on db: any Database) async throws -> [TraineeApplicationRecord] {
        let query = TraineeApplicationRecord.query(on: db).filter(\.$state == TraineeApplicationState.completed.rawValue)
        if let country { query.filter(\.$country == country.value) }
        return try await query.sort(\.$cohortID).sort(\.$id).all()
    }

    /// The same, counted by cohort: the cohort's view and how many officials completed it.
    static func byCohort(_ country: CountryCode?, on db: any Database) async throws -> [(cohort: CohortView, count: Int, samples: Int)] {
        let rows = try await completed(country, on: db)
        var result: [(cohort: CohortView, count: Int, samples: Int)] = []
        for (cohort, records) in Dictionary(grouping: rows, by: \.cohortID) {
            let view = try await TrainingStore.cohortView(cohort, on: db)
            result.append((view, records.count, records.filter(\.sample).count))
        }
        return result.sorted { a, b in
            a.cohort.terms.dates.start != b.cohort.terms.dates.start ? b.cohort.terms.dates.start < a.cohort.terms.dates.start
                : a.cohort.cohort.storedID.uuidString < b.cohort.cohort.storedID.uuidString
        }
    }
}
