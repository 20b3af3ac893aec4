import Fluent
import Foundation
import SconDomain

extension DemoData {
    /// The centres the programme planned, and sample events to try the features with.
    ///
    /// PROGRAMME.md says only that smart-city global cooperation centres are planned in about
    /// four ASEAN countries; it names neither the countries nor the hosts. So the four planned
    /// centres carry no host country, city, organisation or contact (pages say "not disclosed"),
    /// and their names say which of the four they are. A fifth centre, marked Sample, has a
    /// made-up host so that events, registrations and the schedule can be tried; it is never
    /// presented as real. docs/centres.md explains the choice.
    static func seedCentres(_ db: any Database) async throws {
        for number in 1...4 {
            let centre = Centre()
            centre.id = UUID()
            centre.seedKey = "planned-\(number)"
            centre.apply(CentreRecord(name: LocalizedText(en: "Smart-city global cooperation centre (planned, \(number) of 4)",
                                                          ko: "스마트시티 글로벌 협력센터 (설치 예정, 4곳 중 \(number))"),
                                      hostCity: nil, hostCountry: nil, covers: [], hostOrganisation: nil, contact: nil, openedOn: nil, status: .planned))
            centre.sample = false
            try await centre.create(on: db)
            try await AuditLog.append([AuditEvent(actor: nil, action: "centre.create", subject: "centre:\(UUIDText.string(centre.storedID))",
                                                  details: ["seed": centre.seedKey ?? ""])], to: .centre(centre.storedID), on: db)
        }
        let sample = Centre()
        sample.id = UUID()
        sample.seedKey = "sample"
        sample.apply(CentreRecord(name: LocalizedText(en: "Sample cooperation centre", ko: "샘플 협력센터"), hostCity: "Sample City",
                                  hostCountry: CountryCode("TH"), covers: ["TH", "LA", "KH"].compactMap { CountryCode($0) },
                                  hostOrganisation: "Sample host office", contact: "centre@example.org", openedOn: CalendarDay("2026-01-05"), status: .open))
        sample.sample = true
        try await sample.create(on: db)
        try await AuditLog.append([AuditEvent(actor: nil, action: "centre.create", subject: "centre:\(UUIDText.string(sample.storedID))",
                                              details: ["seed": "sample"])], to: .centre(sample.storedID), on: db)
        try await seedHeldDay(db, centre: sample.storedID)
        try await seedOpenDay(db, centre: sample.storedID)
    }

    static func sampleEvent(centre: UUID, _ draft: EventDraft, state: EventState, on db: any Database) async throws -> CentreEvent {
        let event = CentreEvent()
        event.id = UUID()
        event.centreID = centre
        event.apply(try draft.validated())
        event.state = state.rawValue
        event.sample = true
        try await event.create(on: db)
        return event
    }

    /// A held networking day: 12 registrations (Korean and ASEAN), accepted requests, the
    /// schedule run by the solver and published, most meetings held.
    static func seedHeldDay(_ db: any Database, centre: UUID) async throws {
        let event = try await sampleEvent(centre: centre, EventDraft(
            type: "networking-day", titleEn: "Sample networking day: smart mobility and water", titleKo: "샘플 네트워킹 데이: 스마트 모빌리티·물관리",
            descriptionEn: "A sample matchmaking day to try registrations, requests and the meeting schedule.",
            descriptionKo: "등록, 미팅 요청, 미팅 일정 기능을 시험해 보는 샘플 매칭 행사입니다.",
            venue: "Sample venue, Sample City", timeZone: "Asia/Bangkok", firstDay: "2026-10-15", lastDay: "2026-10-15",
            slotTimes: ["09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "14:30", "15:00"], slotMinutes: 25, tables: 4,
            registrationOpens: "2026-09-01", registrationCloses: "2026-10-08", capacity: 40, b2b: true, g2g: true, answerHours: 72), state: .held, on: db)
        let people: [(String, String, String, [Sector], [Sector])] = [
            ("Sample Mobility Co.", "KR", "business", [.transport], [.transport]),
            ("Sample Water Tech", "KR", "business", [.water], [.water]),
            ("Sample Data Platform", "KR", "business", [.digital], [.digital, .transport]),
            ("Sample Energy Systems", "KR", "business", [.energy], [.energy]),
            ("Sample Urban Design", "KR", "business", [.housing], [.housing]),
            ("Sample City Transport Office", "TH", "government", [], [.transport, .digital]),
            ("Sample Provincial Water Authority", "TH", "government", [], [.water]),
            ("Sample Bus Operator", "TH", "business", [.transport], [.transport]),
            ("Sample Vientiane Utility", "LA", "government", [], [.water, .energy]),
            ("Sample Phnom Penh Builders", "KH", "business", [.housing], [.housing, .energy]),
            ("Sample Smart Grid Partner", "KH", "business", [.energy], [.energy, .digital]),
            ("Sample Municipal IT Office", "LA", "government", [], [.digital]),
        ]
        var ids: [UUID] = []
        for (index, person) in people.enumerated() {
            let row = EventRegistration()
            row.id = UUID()
            row.eventID = event.storedID
            row.userID = nil
            row.apply(RegistrationEntry(organisation: person.0, country: CountryCode(person.1)!, kind: ParticipantKind(rawValue: person.2)!,
                                        person: "Sample person \(index + 1)", contact: "participant\(index + 1)@example.org",
                                        offers: .init(sectors: person.3), seeks: .init(sectors: person.4),
                                        offersText: LocalizedText(en: "", ko: ""), seeksText: LocalizedText(en: "", ko: ""),
                                        available: index % 4 == 3 ? [0, 1, 2, 3] : nil, maxMeetings: index % 3 == 0 ? 4 : 6))
            row.status = RegistrationStatus.validated.rawValue
            row.feedToken = SecureToken.random()
            row.sample = true
            row.checkedInAt = nil
            try await row.create(on: db)
            ids.append(row.storedID)
        }
        // Korean (0–4) with ASEAN (5–11) by shared sectors, and a few within a side.
        let pairs: [(Int, Int, Int, Bool)] = [
            (0, 5, 5, true), (0, 7, 4, true), (2, 5, 4, true), (1, 6, 5, true), (1, 8, 4, true), (3, 8, 3, true), (3, 10, 4, true),
            (4, 9, 3, true), (2, 11, 5, true), (3, 9, 2, true), (0, 11, 2, true), (2, 10, 3, true), (1, 9, 1, false), (4, 6, 2, false),
            (5, 7, 3, true), (8, 11, 2, true), (0, 2, 2, true), (6, 8, 3, true), (1, 5, 1, true), (4, 10, 2, true),
        ]
        let created = CalendarDay("2026-09-20")!.start
        for (from, to, priority, accepted) in pairs {
            let row = MeetingRequestRecord()
            row.id = UUID()
            row.eventID = event.storedID
            row.fromID = ids[from]
            row.toID = ids[to]
            row.priority = priority
            row.message = "Sample request"
            row.state = (accepted ? MeetingRequestState.accepted : .declined).rawValue
            row.byOrganiser = false
            row.createdAt = created
            row.answeredAt = created.addingTimeInterval(86_400)
            row.locked = false
            row.sequence = 0
            row.cancelled = false
            try await row.create(on: db)
        }
        let registrations = try await EventRegistration.query(on: db).filter(\.$eventID == event.storedID).all()
        let requests = try await MeetingRequestRecord.query(on: db).filter(\.$eventID == event.storedID).all()
        let solution = try MeetingScheduler.solve(try ScheduleStore.instance(event, registrations: registrations, requests: requests))
        let placed = Dictionary(uniqueKeysWithValues: solution.meetings.map { ($0.request, $0) })
        for (index, request) in requests.enumerated() {
            guard let meeting = placed[UUIDText.string(request.storedID)] else { continue }
            request.slot = meeting.slot
            request.tableNo = meeting.table
            request.publishedSlot = meeting.slot
            request.publishedTable = meeting.table
            request.outcome = index % 7 == 6 ? "no-show" : "held"
            try await request.save(on: db)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        event.scheduleResult = String(decoding: try encoder.encode(solution), as: UTF8.self)
        event.scheduleRunAt = CalendarDay("2026-10-10")!.start
        event.publishedAt = CalendarDay("2026-10-10")!.start
        try await event.save(on: db)
        try await AuditLog.append([AuditEvent(actor: nil, action: "event.create", subject: "event:\(UUIDText.string(event.storedID))",
                                              details: ["seed": "sample-held", "placed": String(solution.meetings.count), "objective": String(solution.objective)])],
                                  to: .event(event.storedID), on: db)
    }

    /// A networking day open for registration.
    static func seedOpenDay(_ db: any Database, centre: UUID) async throws {
        let event = try await sampleEvent(centre: centre, EventDraft(
            type: "networking-day", titleEn: "Sample networking day: digital twins for cities", titleKo: "샘플 네트워킹 데이: 도시 디지털 트윈",
            descriptionEn: "A sample event open for registration: Korean companies meet ASEAN city governments and companies.",
            descriptionKo: "등록을 받고 있는 샘플 행사입니다. 한국 기업과 아세안 도시 정부·기업이 만납니다.",
            venue: "Sample venue, Sample City", onlineLink: nil, timeZone: "Asia/Bangkok", firstDay: "2027-03-10", lastDay: "2027-03-11",
            slotTimes: ["10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30"], slotMinutes: 25, tables: 10,
            registrationOpens: "2026-11-01", registrationCloses: "2027-03-01", capacity: 120, b2b: true, g2g: true, answerHours: 72), state: .open, on: db)
        try await AuditLog.append([AuditEvent(actor: nil, action: "event.create", subject: "event:\(UUIDText.string(event.storedID))",
                                              details: ["seed": "sample-open"])], to: .event(event.storedID), on: db)
    }
}
