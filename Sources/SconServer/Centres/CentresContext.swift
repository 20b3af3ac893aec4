import Fluent
import Foundation
import SconDomain
import Vapor

/// Measure 3: cooperation centres, their networking events, registrations, meeting requests
/// and the optimal meeting schedule (docs/centres.md, docs/schedule.md).
struct CentresContext: SconContext {
    let name = "Centres"

    var migrations: [any Migration] { [CreateCentresTables(), AddLeadProposal(), CreateEventLinks()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: CentresPagesController())
        try routes.app.register(collection: CentresAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 55, label: "nav.centres", route: CentresURL.centres)]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Centre.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in try await DemoData.seedCentres(db) }
        return true
    }

    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        try await CentresDue.items(for: principal, on: db, now: now)
    }

    var tools: ContextTools {
        ContextTools(solvers: ["schedule": { try ScheduleCommandLine.solve($0) }],
                     benchmarks: ["schedule": { options, context in
                         context.console.print(ScheduleBenchmark.markdown(ScheduleBenchmark.run(runs: max(1, options.runs ?? 3))))
                     }])
    }
}

/// `scon solve schedule < event.json`: the meeting schedule (docs/schedule.md) as a filter.
enum ScheduleCommandLine {
    static func solve(_ input: Data) throws(CommandFailure) -> Data {
        let instance: ScheduleInstance
        do {
            instance = try JSONDecoder().decode(ScheduleInstance.self, from: input)
        } catch {
            throw CommandFailure("invalid instance: the input is not a schedule instance in JSON (\(describe(error)))")
        }
        let solution: ScheduleSolution
        do {
            solution = try MeetingScheduler.solve(instance)
        } catch {
            throw CommandFailure(error.description)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ((try? encoder.encode(solution)) ?? Data()) + Data("\n".utf8)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "missing \(path)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "\(error)"
        }
    }
}

/// What a person has to do in the centres: meeting requests waiting for their answer (with
/// the deadline), registrations waiting for an organiser's decision, and notices of changes.
enum CentresDue {
    static func items(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard let user = principal.userID else { return [] }
        var items: [DueItem] = []
        let mine = try await EventRegistration.query(on: db).filter(\.$userID == user).all()
        for registration in mine {
            guard let event = try await CentreEvent.find(registration.eventID, on: db), try event.eventState == .matchmaking else { continue }
            let waiting = try await MeetingRequestRecord.query(on: db).filter(\.$toID == registration.storedID)
                .filter(\.$state == MeetingRequestState.requested.rawValue).all()
            for request in waiting where try request.effectiveState(answerHours: event.answerHours, now: now) == .requested {
                let deadline = MeetingRequestState.answerDeadline(createdAt: request.createdAt, answerHours: event.answerHours)
                items.append(DueItem(kind: "due.meetingRequest", title: event.titleEn, due: deadline, dueText: AuditChain.timestamp(deadline),
                                     path: CentresURL.event(.value(event.storedID)).path))
            }
        }
        let organised = try await CentreEvent.query(on: db).filter(\.$state ~~ [EventState.open.rawValue, EventState.matchmaking.rawValue]).all()
        for event in organised where CentreAccess.allows(principal, .organise(centre: event.centreID)) {
            let pending = try await EventRegistration.query(on: db).filter(\.$eventID == event.storedID)
                .filter(\.$status == RegistrationStatus.pending.rawValue).count()
            if pending > 0 {
                items.append(DueItem(kind: "due.registrations", title: "\(event.titleEn) (\(pending))", due: nil, dueText: nil,
                                     path: CentresURL.event(.value(event.storedID)).path))
            }
        }
        // Next actions on the boards of this person's centres that are past their day.
        let today = CalendarDay(now)
        for centre in CentreAccess.centres(of: principal) {
            for lead in try await CentreLead.query(on: db).filter(\.$centreID == centre).filter(\.$dueOn < today.description).all() {
                guard let due = try lead.dueDay, LeadBoardDraft.overdue(due, today: today),
                      let project = try await Project.find(lead.projectID, on: db) else { continue }
                items.append(DueItem(kind: "due.leadAction", title: "\(project.title): \(lead.nextAction)", due: due.start, dueText: due.description,
                                     path: CentresURL.centre(.value(centre)).path))
            }
        }
        return items
    }
}

/// What the centres hold about a person: their registrations and the notices sent to them.
extension CentresContext {
    struct RegistrationSection: Encodable, Sendable {
        var event: String; var organisation: String; var country: String; var person: String; var contact: String; var status: String
    }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        let rows = try await EventRegistration.query(on: db).filter(\.$userID == user).all()
        let notices = try await CentreNotice.query(on: db).filter(\.$userID == user).all()
        guard !rows.isEmpty || !notices.isEmpty else { return [:] }
        return ["eventRegistrations": PersonalDataSection(rows.map {
                    RegistrationSection(event: UUIDText.string($0.eventID), organisation: $0.organisation, country: $0.country, person: $0.person,
                                        contact: $0.contact, status: $0.status)
                }),
                "eventNotices": PersonalDataSection(notices.map { $0.textEn })]
    }

    /// The registration stays (the other side's agenda and the event's numbers refer to it)
    /// without the person: no name, no contact, no account, a new feed secret.
    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        for row in try await EventRegistration.query(on: db).filter(\.$userID == user).all() {
            row.userID = nil
            row.person = "—"
            row.contact = "—"
            row.feedToken = SecureToken.random()
            try await row.save(on: db)
        }
        try await CentreNotice.query(on: db).filter(\.$userID == user).delete()
    }
}
