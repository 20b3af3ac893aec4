import Fluent
import Foundation
import SconDomain

/// A cooperation centre.
final class Centre: Model, @unchecked Sendable {
    static let schema = "centres"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "seed_key") var seedKey: String?
    @Field(key: "name_en") var nameEn: String
    @Field(key: "name_ko") var nameKo: String
    @OptionalField(key: "host_city") var hostCity: String?
    @OptionalField(key: "host_country") var hostCountry: String?
    /// Covered countries, comma-separated ISO codes.
    @Field(key: "covers") var covers: String
    @OptionalField(key: "host_organisation") var hostOrganisation: String?
    @OptionalField(key: "contact") var contact: String?
    @OptionalField(key: "opened_on") var openedOn: String?
    @Field(key: "status") var status: String
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var name: LocalizedText { LocalizedText(en: nameEn, ko: nameKo) }
    var centreStatus: CentreStatus { get throws { try Self.known(status, "status") } }
    var coveredCountries: [CountryCode] { get throws { try Self.storedList(covers, separator: ",", "covers") { CountryCode($0) } } }
    var hostCountryCode: CountryCode? { get throws { try hostCountry.map { try Self.storedValue($0, "host_country") { CountryCode($0) } } } }
    var openingDay: CalendarDay? { get throws { try openedOn.map { try Self.storedValue($0, "opened_on") { CalendarDay($0) } } } }

    func apply(_ record: CentreRecord) {
        nameEn = record.name.en
        nameKo = record.name.ko
        hostCity = record.hostCity
        hostCountry = record.hostCountry?.value
        covers = record.covers.map(\.value).joined(separator: ",")
        hostOrganisation = record.hostOrganisation
        contact = record.contact
        openedOn = record.openedOn?.description
        status = record.status.rawValue
    }
}

/// A networking event (business forum, networking day, roadshow, webinar, seminar) of a centre or the ministry.
final class CentreEvent: Model, @unchecked Sendable {
    static let schema = "centre_events"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "centre_id") var centreID: UUID?
    @Field(key: "type") var type: String
    @Field(key: "state") var state: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "description_en") var descriptionEn: String
    @Field(key: "description_ko") var descriptionKo: String
    @OptionalField(key: "venue") var venue: String?
    @OptionalField(key: "online_link") var onlineLink: String?
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    /// Start times of each day's slots, `09:00,09:30`.
    @Field(key: "slot_times") var slotTimes: String
    @Field(key: "slot_minutes") var slotMinutes: Int
    @Field(key: "tables") var tables: Int
    @Field(key: "registration_opens") var registrationOpens: String
    @Field(key: "registration_closes") var registrationCloses: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "b2b") var b2b: Bool
    @Field(key: "g2g") var g2g: Bool
    @Field(key: "answer_hours") var answerHours: Int
    /// The last run of the schedule (`ScheduleSolution` as JSON).
    @OptionalField(key: "schedule_result") var scheduleResult: String?
    @OptionalField(key: "schedule_run_at") var scheduleRunAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
    var eventDescription: LocalizedText { LocalizedText(en: descriptionEn, ko: descriptionKo) }
    var eventState: EventState { get throws { try Self.known(state, "state") } }
    var eventType: EventType { get throws { try Self.known(type, "type") } }
    var facts: EventAccessFacts { get throws { EventAccessFacts(centre: centreID, state: try eventState) } }
    var lastSolution: ScheduleSolution? { get throws { try scheduleResult.map { try Self.storedJSON($0, "schedule_result") } } }

    /// The stored plan, read back through the domain's checks (a row that does not check is an `UnknownStoredValue`).
    var plan: EventPlan {
        get throws {
            guard let zone = TimeZone(identifier: timeZone) else { throw UnknownStoredValue(table: Self.schema, column: "time_zone", value: timeZone) }
            let days = try [(firstDay, "first_day"), (lastDay, "last_day"), (registrationOpens, "registration_opens"), (registrationCloses, "registration_closes")]
                .map { text, column in try Self.storedValue(text, column) { CalendarDay($0) } }
            let starts = try Self.storedList(slotTimes, separator: ",", "slot_times") { EventDraft.minutes($0) }
            return EventPlan(type: try eventType, title: title, description: eventDescription, venue: venue, onlineLink: onlineLink, timeZone: zone,
                             firstDay: days[0], lastDay: days[1], slotStarts: starts, slotMinutes: slotMinutes, tables: tables,
                             registrationOpens: days[2], registrationCloses: days[3], capacity: capacity, b2b: b2b, g2g: g2g, answerHours: answerHours)
        }
    }

    func apply(_ plan: EventPlan) {
        type = plan.type.rawValue
        titleEn = plan.title.en
        titleKo = plan.title.ko
        descriptionEn = plan.description.en
        descriptionKo = plan.description.ko
        venue = plan.venue
        onlineLink = plan.onlineLink
        timeZone = plan.timeZone.identifier
        firstDay = plan.firstDay.description
        lastDay = plan.lastDay.description
        slotTimes = plan.slotStarts.map(EventPlan.clock).joined(separator: ",")
        slotMinutes = plan.slotMinutes
        tables = plan.tables
        registrationOpens = plan.registrationOpens.description
        registrationCloses = plan.registrationCloses.description
        capacity = plan.capacity
        b2b = plan.b2b
        g2g = plan.g2g
        answerHours = plan.answerHours
    }
}

/// An organisation's person registered for an event.
final class EventRegistration: Model, @unchecked Sendable {
    static let schema = "event_registrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    /// The account that registered; nil once that account is erased.
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "organisation") var organisation: String
    @Field(key: "country") var country: String
    @Field(key: "kind") var kind: String
    @Field(key: "person") var person: String
    @Field(key: "contact") var contact: String
    @Field(key: "offers_sectors") var offersSectors: String
    @Field(key: "offers_countries") var offersCountries: String
    @Field(key: "offers_text_en") var offersTextEn: String
    @Field(key: "offers_text_ko") var offersTextKo: String
    @Field(key: "seeks_sectors") var seeksSectors: String
    @Field(key: "seeks_countries") var seeksCountries: String
    @Field(key: "seeks_text_en") var seeksTextEn: String
    @Field(key: "seeks_text_ko") var seeksTextKo: String
    /// Slots the person is there, comma-separated; nil means every slot.
    @OptionalField(key: "available") var available: String?
    @Field(key: "max_meetings") var maxMeetings: Int
    @Field(key: "status") var status: String
    /// The secret of the person's calendar feed link.
    @Field(key: "feed_token") var feedToken: String
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var registrationStatus: RegistrationStatus { get throws { try Self.known(status, "status") } }
    var participantKind: ParticipantKind { get throws { try Self.known(kind, "kind") } }
    var countryCode: CountryCode { get throws { try Self.storedValue(country, "country") { CountryCode($0) } } }
    var side: ParticipantSide { get throws { .of(try countryCode) } }
    var availableSlots: [Int]? { get throws { try available.map { try Self.storedList($0, separator: ",", "available") { Int($0) } } } }
    var facts: RegistrationAccessFacts {
        // An erased account owns nothing: the nil UUID matches no caller.
        RegistrationAccessFacts(owner: userID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), validated: status == RegistrationStatus.validated.rawValue)
    }

    var profile: MatchProfile {
        get throws {
            func sectors(_ text: String, _ column: String) throws -> [Sector] { try Self.storedList(text, separator: ",", column) { Sector(rawValue: $0) } }
            func countries(_ text: String, _ column: String) throws -> [CountryCode] { try Self.storedList(text, separator: ",", column) { CountryCode($0) } }
            return MatchProfile(id: UUIDText.string(storedID), country: try countryCode,
                                offers: .init(sectors: try sectors(offersSectors, "offers_sectors"), countries: try countries(offersCountries, "offers_countries"),
                                              terms: [offersTextEn, offersTextKo].filter { !$0.isEmpty }),
                                seeks: .init(sectors: try sectors(seeksSectors, "seeks_sectors"), countries: try countries(seeksCountries, "seeks_countries"),
                                             terms: [seeksTextEn, seeksTextKo].filter { !$0.isEmpty }))
        }
    }

    func apply(_ entry: RegistrationEntry) {
        organisation = entry.organisation
        country = entry.country.value
        kind = entry.kind.rawValue
        person = entry.person
        contact = entry.contact
        offersSectors = entry.offers.sectors.map(\.rawValue).joined(separator: ",")
        offersCountries = entry.offers.countries.map(\.value).joined(separator: ",")
        offersTextEn = entry.offersText.en
        offersTextKo = entry.offersText.ko
        seeksSectors = entry.seeks.sectors.map(\.rawValue).joined(separator: ",")
        seeksCountries = entry.seeks.countries.map(\.value).joined(separator: ",")
        seeksTextEn = entry.seeksText.en
        seeksTextKo = entry.seeksText.ko
        available = entry.available.map { $0.map(String.init).joined(separator: ",") }
        maxMeetings = entry.maxMeetings
    }
}

/// A meeting request between two registrations, and — once accepted — its meeting: its place
/// in the schedule being prepared (`slot`, `tableNo`, `locked`) and in the published one
/// (`publishedSlot`, `publishedTable`, `sequence`, `cancelled`).
final class MeetingRequestRecord: Model, @unchecked Sendable {
    static let schema = "meeting_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "from_id") var fromID: UUID
    @Field(key: "to_id") var toID: UUID
    @Field(key: "priority") var priority: Int
    @Field(key: "message") var message: String
    @Field(key: "state") var state: String
    /// Proposed by the organiser (accepted for both sides at once).
    @Field(key: "by_organiser") var byOrganiser: Bool
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "slot") var slot: Int?
    @OptionalField(key: "table_no") var tableNo: Int?
    @Field(key: "locked") var locked: Bool
    @OptionalField(key: "published_slot") var publishedSlot: Int?
    @OptionalField(key: "published_table") var publishedTable: Int?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "cancelled") var cancelled: Bool
    /// `held` or `no-show` once the day has passed.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "notes") var notes: String?

    init() {}

    var storedState: MeetingRequestState { get throws { try Self.known(state, "state") } }
    func effectiveState(answerHours: Int, now: Date) throws -> MeetingRequestState {
        MeetingRequestState.effective(stored: try storedState, createdAt: createdAt, answerHours: answerHours, now: now)
    }
    var published: (slot: Int, table: Int)? {
        guard !cancelled, let publishedSlot, let publishedTable else { return nil }
        return (publishedSlot, publishedTable)
    }
    var placed: (slot: Int, table: Int)? {
        guard let slot, let tableNo else { return nil }
        return (slot, tableNo)
    }
}

/// A notice to one account, in both languages (shown in theirs): a published meeting moved or was dropped.
final class CentreNotice: Model, @unchecked Sendable {
    static let schema = "centre_notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "text_en") var textEn: String
    @Field(key: "text_ko") var textKo: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var text: LocalizedText { LocalizedText(en: textEn, ko: textKo) }
}

extension Model {
    /// One stored value read by `make`; a value it cannot read is an `UnknownStoredValue`.
    static func storedValue<T>(_ text: String, _ column: String, _ make: (String) -> T?) throws -> T {
        guard let value = make(text) else { throw UnknownStoredValue(table: schema, column: column, value: text) }
        return value
    }
}

/// A lead on a centre's board: a pipeline project at stage lead (or past it), with the board's
/// own fields: owner, column, next action and its due day; and the meeting it came from.
final class CentreLead: Model, @unchecked Sendable {
    static let schema = "centre_leads"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_id") var centreID: UUID
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "owner") var owner: String
    @Field(key: "status") var status: String
    @Field(key: "next_action") var nextAction: String
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "meeting_id") var meetingID: UUID?
    /// The draft proposal of an open call this lead became (once).
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var leadStatus: LeadStatus { get throws { try Self.known(status, "status") } }
    var dueDay: CalendarDay? { get throws { try dueOn.map { try Self.storedValue($0, "due_on") { CalendarDay($0) } } } }

    func apply(_ entry: LeadBoardEntry) {
        owner = entry.owner
        status = entry.status.rawValue
        nextAction = entry.nextAction
        dueOn = entry.dueOn?.description
    }
}
