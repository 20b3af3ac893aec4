import Fluent
import Foundation
import SconDomain

/// The waitlist after the selection: answering an offer, declining, withdrawing. The waitlist
/// (`Waitlist`) is rebuilt from the applications under the cohort's lock, moved by the domain,
/// and its events written back: an offer makes the person's application `selected` with its
/// deadline, which their home page shows as something to do ("accept your seat by …", in
/// their language); a lapsed offer becomes `declined`.
extension TrainingStore {
    enum Answer: String, Sendable { case accept, decline, withdraw }

    /// The applicant accepts or declines their offer, leaves the waitlist, or withdraws; an
    /// officer may withdraw a trainee. A seat that frees goes down the waitlist at once.
    func answer(_ id: UUID, _ answer: Answer, by principal: Principal) async throws -> TraineeApplicationRecord {
        let record = try await application(id, by: principal)
        let facts = try record.facts
        let officer = answer == .withdraw && TrainingAccess.allows(principal, .manage)
        try principal.require(officer || TrainingAccess.allows(principal, .actAsApplicant(facts)), "answer for this official")
        let cohortID = record.cohortID
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            guard let cohort = try await TrainingCohort.find(cohortID, on: tx) else { throw DomainError.notFound("cohort") }
            let terms = try cohort.terms
            var rows = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).all()
            var events: [AuditEvent] = []
            // Offers past their deadline lapse first (their seats move on).
            var waitlist = try Self.waitlist(terms, rows)
            let expired = waitlist.expiring(now: now)
            waitlist = expired.waitlist
            try await Self.apply(expired.events, rows: &rows, terms: terms, now: now, on: tx, events: &events, actor: principal.userID)
            guard let current = rows.first(where: { $0.storedID == id }) else { throw DomainError.notFound("application") }
            var application = try current.application
            let heldSeat = waitlist.seats.contains { $0.application == id }
            switch answer {
            case .accept:
                try application.accept(at: now)
                waitlist = try waitlist.accepting(id, now: now)
            case .decline:
                try application.decline()
            case .withdraw:
                try application.withdraw(by: officer ? .officer : .applicant, terms: terms, at: now)
            }
            current.apply(application)
            try await current.update(on: tx)
            events.append(AuditEvent(actor: principal.userID, action: "application.\(answer.rawValue)", subject: "application:\(UUIDText.string(id))",
                                     details: ["state": application.state.rawValue]))
            if answer != .accept {
                if heldSeat {
                    let moved = try waitlist.next(after: id, now: now)
                    try await Self.apply(moved.events, rows: &rows, terms: terms, now: now, on: tx, events: &events, actor: principal.userID)
                }
            }
            return (current, events)
        }
    }

    /// The cohort's waitlist as the applications stand: seats held (offered or accepted) and
    /// the waitlisted in the order of their confirmed positions.
    static func waitlist(_ terms: CohortTerms, _ rows: [TraineeApplicationRecord]) throws -> Waitlist {
        var seats: [Waitlist.Seat] = []
        var queue: [(position: Int, entry: Waitlist.Entry)] = []
        for row in rows {
            let application = try row.application
            switch application.state {
            case .selected: seats.append(Waitlist.Seat(application: application.id, country: application.country, offerDeadline: application.offerDeadline))
            case .accepted, .completed, .notCompleted: seats.append(Waitlist.Seat(application: application.id, country: application.country, offerDeadline: nil))
            case .waitlisted:
                queue.append((try row.decision?.position ?? Int.max, Waitlist.Entry(application: application.id, country: application.country)))
            default: break
            }
        }
        return Waitlist(capacity: terms.capacity, quota: terms.quota, acceptanceDays: terms.acceptanceDays, offersEnd: terms.startsAt,
                        seats: seats, queue: queue.sorted { $0.position < $1.position }.map(\.entry))
    }

    /// Writes a waitlist move's events to the applications and the audit log.
    static func apply(_ moves: [Waitlist.Event], rows: inout [TraineeApplicationRecord], terms: CohortTerms, now: Date, on tx: any Database,
                      events: inout [AuditEvent], actor: UUID?) async throws {
        let cohort = rows.first.map { "cohort:\(UUIDText.string($0.cohortID))" } ?? "cohort"
        for move in moves {
            switch move {
            case .offered(let id, let deadline):
                guard let row = rows.first(where: { $0.storedID == id }) else { continue }
                var application = try row.application
                try application.offer(until: deadline)
                row.apply(application)
                try await row.update(on: tx)
                events.append(AuditEvent(actor: actor, action: "waitlist.offer", subject: "application:\(UUIDText.string(id))",
                                         details: ["deadline": AuditChain.timestamp(deadline)]))
            case .lapsed(let id):
                guard let row = rows.first(where: { $0.storedID == id }) else { continue }
                var application = try row.application
                try application.lapse(at: now)
                row.apply(application)
                try await row.update(on: tx)
                events.append(AuditEvent(actor: actor, action: "waitlist.lapse", subject: "application:\(UUIDText.string(id))", details: [String: String]()))
            case .skipped(let id, let country, let quota):
                events.append(AuditEvent(actor: actor, action: "waitlist.skip", subject: "application:\(UUIDText.string(id))",
                                         details: ["country": country.value, "quota": String(quota)]))
            case .seatLeftEmpty:
                events.append(AuditEvent(actor: actor, action: "waitlist.seatLeftEmpty", subject: cohort, details: [String: String]()))
            case .released, .closed:
                break
            }
        }
    }
}
