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
        /// Networking events of the Centres context they or their organisation later took part
        /// in (a validated registration, the event's first day after the cohort's last), that
        /// the reader may see, by first day.
        var events: [Event] = []
    }

    struct Event: Sendable, Hashable {
        var id: UUID
        var title: LocalizedText
        var firstDay: String
    }

    /// The events an alumnus went to after the cohort: registrations validated by the organisers,
    /// made by the alumnus's account or in the name of their organisation (the registration's
    /// organisation text is its English or Korean name as the directory writes it), at events whose
    /// first day is after `after`; only those whose event and registration the reader may see.
    func events(of record: TraineeApplicationRecord, organisation: Organisation?, after: CalendarDay, for principal: Principal) async throws -> [Event] {
        let names = [organisation?.nameEn, organisation?.nameKo].compactMap { $0 }.filter { !$0.isEmpty }
        guard record.userID != nil || !names.isEmpty else { return [] }
        let query = EventRegistration.query(on: db).filter(\.$status == RegistrationStatus.validated.rawValue)
        query.group(.or) { or in
            if let user = record.userID { or.filter(\.$userID == user) }
            for name in names { or.filter(\.$organisation == name) }
        }
        let registrations = try await query.all()
        guard !registrations.isEmpty else { return [] }
        let events = try await CentreEvent.query(on: db).filter(\.$id ~~ Array(Set(registrations.map(\.eventID))))
            .filter(\.$firstDay > after.description).sort(\.$firstDay).sort(\.$id).all()
        var result: [Event] = []
        for event in events {
            let facts = try event.facts
            guard CentreAccess.allows(principal, .seeEvent(facts)),
                  registrations.contains(where: { $0.eventID == event.storedID && CentreAccess.allows(principal, .seeRegistration(facts, $0.facts)) })
            else { continue }
            result.append(Event(id: event.storedID, title: event.title, firstDay: event.firstDay))
        }
        return result
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
            let events = try await events(of: row, organisation: organisation, after: cohort.terms.dates.end, for: principal)
            alumni.append(Alumnus(record: row, organisation: organisation, cohort: cohort, proposalsAfter: proposals,
                                  projects: visibleProjects.filter { participating.contains($0.storedID) }, events: events))
        }
        return SconDomain.Page.from(rows: alumni, limit: page.limit) { PageCursor(key: $0.record.traineeName, id: $0.record.storedID) }
    }
}
