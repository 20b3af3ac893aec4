import Fluent
import Foundation
import SconDomain
import Vapor

/// The meeting schedule of an event: the organiser runs `MeetingScheduler` on the validated
/// participants and accepted requests (locked meetings stay, the published schedule is the
/// tie-break so few meetings move), locks meetings, re-solves, publishes. Publishing again
/// bumps the calendar sequence of the meetings that moved or were dropped and leaves a notice
/// for the people concerned, in their language.
struct ScheduleStore: Sendable {
    let db: any Database
    let audit: AuditLog

    var events: EventStore { EventStore(db: db, audit: audit) }

    /// The instance of the event as it stands (ids are the registrations' and requests' UUIDs).
    static func instance(_ event: CentreEvent, registrations: [EventRegistration], requests: [MeetingRequestRecord]) throws -> ScheduleInstance {
        let plan = try event.plan
        let validated = registrations.filter { $0.status == RegistrationStatus.validated.rawValue }
        let present = Set(validated.map(\.storedID))
        let participants = try validated.map {
            ScheduleInstance.Participant(id: UUIDText.string($0.storedID), maxMeetings: $0.maxMeetings, available: try $0.availableSlots)
        }
        let accepted = requests.filter { $0.state == MeetingRequestState.accepted.rawValue && present.contains($0.fromID) && present.contains($0.toID) }
        let meetings = accepted.map {
            ScheduleInstance.Request(id: UUIDText.string($0.storedID), between: [UUIDText.string($0.fromID), UUIDText.string($0.toID)], priority: $0.priority)
        }
        let locked = accepted.compactMap { row -> ScheduleInstance.LockedMeeting? in
            guard row.locked, let slot = row.slot else { return nil }
            return .init(request: UUIDText.string(row.storedID), slot: slot, table: row.tableNo)
        }
        let previous = accepted.compactMap { row in row.published.map { ScheduledMeeting(request: UUIDText.string(row.storedID), slot: $0.slot, table: $0.table) } }
        return ScheduleInstance(slots: plan.slotCount, tables: plan.tables, participants: participants, requests: meetings, locked: locked, previous: previous)
    }

    /// Runs the schedule and keeps its placements (not yet published) and its reasons.
    func run(_ id: UUID, by principal: Principal, now: Date? = nil) async throws -> ScheduleSolution {
        let now = now ?? audit.clock.now()
        let event = try await events.organised(id, by: principal, "run the schedule")
        let state = try event.eventState
        guard state.schedules else { throw EventRefusal.wrongState(step: .schedule, state: state) }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await CentreEvent.find(id, on: tx) else { throw DomainError.notFound("event") }
            let store = EventStore(db: tx, audit: audit)
            let requests = try await store.requests(of: row)
            let instance = try Self.instance(row, registrations: try await store.registrations(of: row), requests: requests)
            let solution: ScheduleSolution
            do { solution = try MeetingScheduler.solve(instance) } catch let error as ScheduleError { throw DomainError.invalid([error.issue]) }
            let placed = Dictionary(uniqueKeysWithValues: solution.meetings.map { ($0.request, $0) })
            for request in requests {
                let meeting = placed[UUIDText.string(request.storedID)]
                guard request.slot != meeting?.slot || request.tableNo != meeting?.table else { continue }
                request.slot = meeting?.slot
                request.tableNo = meeting?.table
                try await request.save(on: tx)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            row.scheduleResult = String(decoding: try encoder.encode(solution), as: UTF8.self)
            row.scheduleRunAt = now
            try await row.save(on: tx)
            return (solution, [AuditEvent(actor: principal.userID, action: "event.schedule.run", subject: "event:\(UUIDText.string(id))",
                                          details: ["placed": String(solution.meetings.count), "unscheduled": String(solution.unscheduled.count),
                                                    "objective": String(solution.objective), "bound": String(solution.bound)])])
        }
    }

    /// Locks an accepted meeting in a slot (and at a table, when given), or unlocks it.
    func lock(_ id: UUID, request requestID: UUID, locked: Bool?, slot: Int?, table: Int?, by principal: Principal) async throws -> MeetingRequestRecord {
        let event = try await events.organised(id, by: principal, "lock meetings")
        let state = try event.eventState
        guard state.schedules else { throw EventRefusal.wrongState(step: .schedule, state: state) }
        guard let locked else { throw DomainError.invalid([FieldIssue(field: "locked", code: "required", detail: "locked is true or false.")]) }
        guard let request = try await MeetingRequestRecord.find(requestID, on: db), request.eventID == id,
              request.state == MeetingRequestState.accepted.rawValue else { throw DomainError.notFound("meeting") }
        let plan = try event.plan
        var slotValue = slot ?? request.slot, tableValue = table
        if locked {
            // The lock must make a valid instance: the domain's checks name what is wrong (a slot
            // out of range, someone not available then, two locked meetings of one person at once…).
            guard let chosen = slotValue else {
                throw DomainError.invalid([FieldIssue(field: "slot", code: "required", detail: "slot is required for a meeting the schedule has not placed.")])
            }
            var instance = try Self.instance(event, registrations: try await events.registrations(of: event), requests: try await events.requests(of: event))
            instance.locked.removeAll { $0.request == UUIDText.string(requestID) }
            instance.locked.append(.init(request: UUIDText.string(requestID), slot: chosen, table: tableValue))
            do { _ = try instance.validated() } catch {
                let issue = error.issue
                let field = issue.field.hasPrefix("locked") ? (issue.detail.contains("table") ? "table" : "slot") : issue.field
                throw DomainError.invalid([FieldIssue(field: field, code: issue.code, detail: issue.detail)])
            }
            slotValue = chosen
        } else {
            tableValue = request.tableNo
        }
        _ = plan
        let finalSlot = slotValue, finalTable = tableValue
        return try await audit.record(.event(id)) { tx in
            guard let row = try await MeetingRequestRecord.find(requestID, on: tx) else { throw DomainError.notFound("meeting") }
            row.locked = locked
            if locked { let kept = row.slot == finalSlot ? row.tableNo : nil; row.slot = finalSlot; row.tableNo = finalTable ?? kept }
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: locked ? "event.meeting.lock" : "event.meeting.unlock",
                                     subject: "event:\(UUIDText.string(id))",
                                     details: ["request": UUIDText.string(requestID), "slot": row.slot.map(String.init) ?? "", "table": row.tableNo.map(String.init) ?? ""])])
        }
    }

    /// Publishes the schedule as last run: the event moves to "schedule published"; on a later
    /// publication, the people whose meetings moved or were dropped get a notice.
    func publish(_ id: UUID, by principal: Principal, now: Date? = nil) async throws -> CentreEvent {
        let now = now ?? audit.clock.now()
        let event = try await events.organised(id, by: principal, "publish the schedule")
        let state = try event.eventState
        guard state.schedules else { throw EventRefusal.wrongState(step: .publish, state: state) }
        guard event.scheduleRunAt != nil else { throw EventRefusal.nothingToPublish }
        return try await audit.record(.event(id)) { tx in
            guard let row = try await CentreEvent.find(id, on: tx) else { throw DomainError.notFound("event") }
            let store = EventStore(db: tx, audit: audit)
            let plan = try row.plan
            let registrations = Dictionary(uniqueKeysWithValues: try await store.registrations(of: row).map { ($0.storedID, $0) })
            let republishing = row.publishedAt != nil
            var changed = 0
            for request in try await store.requests(of: row) where request.state == MeetingRequestState.accepted.rawValue || request.published != nil {
                let placed = request.state == MeetingRequestState.accepted.rawValue ? request.placed : nil
                let change = SchedulePublication.change(published: request.published, now: placed)
                guard change != .unchanged else { continue }
                let wasPublished = request.publishedSlot != nil
                request.sequence = SchedulePublication.sequence(request.sequence, after: change, wasPublished: wasPublished)
                if let placed {
                    request.publishedSlot = placed.slot
                    request.publishedTable = placed.table
                    request.cancelled = false
                } else {
                    request.cancelled = true
                }
                try await request.save(on: tx)
                changed += 1
                guard republishing else { continue }
                for (me, other) in [(request.fromID, request.toID), (request.toID, request.fromID)] {
                    guard let user = registrations[me]?.userID, let partner = registrations[other] else { continue }
                    let text = ScheduleNotice.text(change: change, partner: partner.organisation, event: row.title, plan: plan, placed: placed)
                    let notice = CentreNotice()
                    notice.userID = user
                    notice.eventID = id
                    notice.textEn = text.en
                    notice.textKo = text.ko
                    notice.createdAt = now
                    try await notice.create(on: tx)
                }
            }
            row.state = EventState.published.rawValue
            row.publishedAt = now
            try await row.save(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "event.schedule.publish", subject: "event:\(UUIDText.string(id))",
                                     details: ["changed": String(changed), "republished": String(republishing)])])
        }
    }
}

/// The notice a person gets when a published meeting moves or is dropped, in both languages.
enum ScheduleNotice {
    static func text(change: SchedulePublication.Change, partner: String, event: LocalizedText, plan: EventPlan,
                     placed: (slot: Int, table: Int)?) -> LocalizedText {
        guard let placed else {
            return LocalizedText(en: "Your meeting with \(partner) at \(event.en) was dropped from the schedule.",
                                 ko: "\(event.ko)에서 \(partner)와(과)의 미팅이 일정에서 빠졌습니다.")
        }
        let when = AgendaTime.text(plan, slot: placed.slot)
        let table = placed.table + 1
        if change == .added {
            return LocalizedText(en: "A meeting with \(partner) at \(event.en) was added: \(when), table \(table).",
                                 ko: "\(event.ko)에 \(partner)와(과)의 미팅이 추가되었습니다: \(when), \(table)번 테이블.")
        }
        return LocalizedText(en: "Your meeting with \(partner) at \(event.en) moved to \(when), table \(table).",
                             ko: "\(event.ko)에서 \(partner)와(과)의 미팅이 \(when), \(table)번 테이블로 바뀌었습니다.")
    }
}

/// A slot's time as its organiser states it: `2027-03-10 10:30–10:55 (Asia/Bangkok)`.
enum AgendaTime {
    static func text(_ plan: EventPlan, slot: Int) -> String {
        let perDay = plan.slotStarts.count
        let day = plan.firstDay.adding(days: slot / perDay)
        let start = plan.slotStarts[slot % perDay]
        return "\(day) \(EventPlan.clock(start))–\(EventPlan.clock(start + plan.slotMinutes)) (\(plan.timeZone.identifier))"
    }

    /// For a page that states the day(s) and the time zone once: the hours, with the day when the event has several.
    static func short(_ plan: EventPlan, slot: Int) -> String {
        let perDay = plan.slotStarts.count
        let start = plan.slotStarts[slot % perDay]
        let hours = "\(EventPlan.clock(start))–\(EventPlan.clock(start + plan.slotMinutes))"
        return plan.days > 1 ? "\(plan.firstDay.adding(days: slot / perDay)) \(hours)" : hours
    }
}
