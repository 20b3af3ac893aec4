import Fluent
import Foundation
import SconDomain

/// The alumni directory: completed trainees, filtered in SQL by `TrainingAccess.alumniVisibility`,
/// with what their organisation did after the training, computed from the records.
struct AlumniQuery: Sendable {
    let db: any Database

    struct Alumnus: Sendable {
        var record: TraineeApplicationRecord
        var organisation: Organisation?
        var cohort: CohortView
        /// Proposals of the organisation submitted after the cohort ended.
        var proposalsAfter: Int
        /// Projects the organisation takes part in that the reader may see.
        var projects: [Project]
        /// Events they later took part in: the events context is not built yet; this stays
        /// empty until it is (the hook is here).
        var events: [String] = []
    }

    func page(_ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<Alumnus> {
        let visibility = TrainingAccess.alumniVisibility(for: principal)
        let query = TraineeApplicationRecord.query(on: db).filter(\.$state == TraineeApplicationState.completed.rawValue)
        if !visibility.everything {
            query.group(.or) { or in
                or.filter(\.$alumniOptIn == true)
                if let own = visibility.own { or.filter(\.$userID == own) }
            }
        }
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter(\.$traineeName > cursor.key)
                or.group(.and) { $0.filter(\.$traineeName == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let rows = try await query.sort(\.$traineeName).sort(\.$id).limit(page.limit + 1).all()
        let visibleProjects = try await ProjectQuery(db: db).all(ProjectQuery.Filter(), for: principal)
        var cohorts: [UUID: CohortView] = [:]
        var alumni: [Alumnus] = []
        for row in rows {
            if cohorts[row.cohortID] == nil { cohorts[row.cohortID] = try await TrainingStore.cohortView(row.cohortID, on: db) }
            guard let cohort = cohorts[row.cohortID] else { continue }
            let organisation = try await Organisation.find(row.organisationID, on: db)
            let proposals = try await Proposal.query(on: db).filter(\.$organisationID == row.organisationID)
                .filter(\.$submittedAt >= cohort.terms.endsAt).count()
            let participating = Set(try await ProjectParticipant.query(on: db).filter(\.$organisationID == row.organisationID).all(\.$projectID))
            alumni.append(Alumnus(record: row, organisation: organisation, cohort: cohort, proposalsAfter: proposals,
                                  projects: visibleProjects.filter { participating.contains($0.storedID) }))
        }
        return SconDomain.Page.from(rows: alumni, limit: page.limit) { PageCursor(key: $0.record.traineeName, id: $0.record.storedID) }
    }
}
