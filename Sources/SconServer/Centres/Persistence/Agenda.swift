import Fluent
import Foundation
import SconDomain
import Vapor

/// One participant's published meetings (with those dropped since, as cancelled), the other
/// side's organisation and contact, and the notices of changes.
struct Agenda: Sendable {
    struct Meeting: Sendable {
        var request: UUID
        var slot: Int
        var table: Int
        var start: Date
        var end: Date
        var partner: EventRegistration
        var cancelled: Bool
        var sequence: Int
        var outcome: String?
    }

    var event: CentreEvent
    var plan: EventPlan
    var registration: EventRegistration
    var meetings: [Meeting]
    var notices: [CentreNotice]

    /// The agenda of `registration` (the caller's own when nil) if the caller may read it.
    static func of(_ eventID: UUID, registration registrationID: UUID?, by principal: Principal, on db: any Database, audit: AuditLog) async throws -> Agenda {
        try principal.require(principal.isSignedIn, "read agendas")
        let store = EventStore(db: db, audit: audit)
        let event = try await store.find(eventID, by: principal)
        let registration: EventRegistration
        if let registrationID {
            guard let row = try await EventRegistration.find(registrationID, on: db), row.eventID == eventID,
                  CentreAccess.allows(principal, .readAgenda(try event.facts, row.facts)) else { throw DomainError.notFound("agenda") }
            registration = row
        } else {
            guard let row = try await store.mine(event, by: principal) else { throw DomainError.notFound("agenda") }
            registration = row
        }
        return try await build(event, registration, on: db)
    }

    /// The agenda behind a private feed link (the token is the key).
    static func feed(_ eventID: UUID, token: String, on db: any Database) async throws -> Agenda {
        guard token.count >= 20, let row = try await EventRegistration.query(on: db).filter(\.$feedToken == token).first(), row.eventID == eventID,
              let event = try await CentreEvent.find(eventID, on: db) else { throw DomainError.notFound("calendar") }
        return try await build(event, row, on: db)
    }

    static func build(_ event: CentreEvent, _ registration: EventRegistration, on db: any Database) async throws -> Agenda {
        let plan = try event.plan
        let me = registration.storedID
        let rows = try await MeetingRequestRecord.query(on: db).filter(\.$eventID == event.storedID).group(.or) {
            $0.filter(\.$fromID == me).filter(\.$toID == me)
        }.all().filter { $0.publishedSlot != nil }
        let partnerIDs = Set(rows.map { $0.fromID == me ? $0.toID : $0.fromID })
        let partners = Dictionary(uniqueKeysWithValues: try await EventRegistration.query(on: db).filter(\.$id ~~ Array(partnerIDs)).all().map { ($0.storedID, $0) })
        var meetings: [Meeting] = []
        for row in rows {
            guard let slot = row.publishedSlot, let table = row.publishedTable, slot < plan.slotCount,
                  let partner = partners[row.fromID == me ? row.toID : row.fromID] else { continue }
            let time = plan.interval(ofSlot: slot)
            meetings.append(Meeting(request: row.storedID, slot: slot, table: table, start: time.start, end: time.end, partner: partner,
                                    cancelled: row.cancelled, sequence: row.sequence, outcome: row.outcome))
        }
        meetings.sort { ($0.slot, $0.cancelled ? 1 : 0, UUIDText.string($0.request)) < ($1.slot, $1.cancelled ? 1 : 0, UUIDText.string($1.request)) }
        let notices = try await registration.userID.asyncFlatMap { user in
            try await CentreNotice.query(on: db).filter(\.$userID == user).filter(\.$eventID == event.storedID).sort(\.$createdAt, .descending).all()
        } ?? []
        return Agenda(event: event, plan: plan, registration: registration, meetings: meetings, notices: notices)
    }

    /// The agenda as an iCalendar feed (RFC 5545): times in the event's zone (TZID), one UID
    /// per meeting kept across re-solves, SEQUENCE raised when it moves, CANCELLED when dropped.
    func calendar(language: Language, strings: Strings) -> ICalendar {
        let stamp = event.publishedAt ?? event.createdAt ?? Date(timeIntervalSince1970: 0)
        let title = event.title.text(in: language)
        let events = meetings.map { meeting in
            ICalendarEvent(uid: "meeting-\(UUIDText.string(meeting.request))@k-scon", sequence: meeting.sequence, stamp: stamp,
                           start: meeting.start, end: meeting.end, timing: .zoned(plan.timeZone),
                           summary: strings.format("agenda.icsSummary", ["organisation": meeting.partner.organisation]),
                           description: strings.format("agenda.icsDescription", ["event": title, "person": meeting.partner.person,
                                                                                  "contact": meeting.partner.contact, "table": String(meeting.table + 1)]),
                           location: [plan.venue, strings.format("agenda.table", ["table": String(meeting.table + 1)])].compactMap { $0 }.joined(separator: ", "),
                           status: meeting.cancelled ? .cancelled : .confirmed)
        }
        return ICalendar(name: title, events: events)
    }
}

extension CentreEvent {
    /// The event itself as an iCalendar file: one VEVENT from the first slot to the end of the last, in its zone.
    func calendar(language: Language) throws -> ICalendar {
        let plan = try plan
        let first = plan.interval(ofSlot: 0), last = plan.interval(ofSlot: plan.slotCount - 1)
        let event = ICalendarEvent(uid: "event-\(UUIDText.string(storedID))@k-scon", sequence: 0, stamp: createdAt ?? Date(timeIntervalSince1970: 0),
                                   start: first.start, end: last.end, timing: .zoned(plan.timeZone), summary: title.text(in: language),
                                   description: eventDescription.text(in: language).isEmpty ? nil : eventDescription.text(in: language),
                                   location: plan.venue ?? plan.onlineLink, url: plan.onlineLink,
                                   status: (try? eventState) == .draft ? .tentative : .confirmed)
        return ICalendar(name: title.text(in: language), events: [event])
    }
}
