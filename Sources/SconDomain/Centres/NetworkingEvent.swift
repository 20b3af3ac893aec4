import Foundation

/// The kinds of events centres and the ministry hold.
public enum EventType: String, Sendable, Hashable, CaseIterable, Codable {
    case businessForum = "business-forum"
    case networkingDay = "networking-day"
    case roadshow, webinar, seminar
}

/// An event's life: draft → open for registration → matchmaking → schedule published → held → closed.
public enum EventState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case open
    case matchmaking
    case published
    case held
    case closed

    /// The next state, one step at a time.
    public var next: EventState? {
        switch self {
        case .draft: .open
        case .open: .matchmaking
        case .matchmaking: .published
        case .published: .held
        case .held: .closed
        case .closed: nil
        }
    }

    /// Validated participants are public from matchmaking on.
    public var listsParticipants: Bool { [.matchmaking, .published, .held, .closed].contains(self) }
    /// Requests are made and answered, and the schedule is run, in matchmaking (and re-run after publishing).
    public var schedules: Bool { self == .matchmaking || self == .published }
    /// The organiser edits the plan while the event is a draft or open for registration.
    public var editsPlan: Bool { self == .draft || self == .open }
}

/// Whether an event's plan may change now: in a state that `editsPlan`; once people have
/// registered (choosing among the slots), the days, slot times and slot length stay and the
/// capacity does not go below the registrations taken (refused ones do not count).
public enum EventEdit {
    public static func refusal(state: EventState, current: EventPlan, proposed: EventPlan, registrations: Int) -> EventRefusal? {
        guard state.editsPlan else { return .notEditable(state: state) }
        guard registrations > 0 else { return nil }
        if current.firstDay != proposed.firstDay || current.lastDay != proposed.lastDay || current.slotStarts != proposed.slotStarts
            || current.slotMinutes != proposed.slotMinutes {
            return .slotsInUse(registrations: registrations)
        }
        if proposed.capacity < registrations { return .capacityBelowRegistrations(registrations: registrations) }
        return nil
    }
}

/// An event's plan as checked: when, where, its meeting slots and tables, who may come.
public struct EventPlan: Sendable, Hashable {
    public var type: EventType
    public var title: LocalizedText
    public var description: LocalizedText
    public var venue: String?
    public var onlineLink: String?
    public var timeZone: TimeZone
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    /// Start times of the meeting slots of each day, in minutes after midnight, increasing.
    public var slotStarts: [Int]
    public var slotMinutes: Int
    public var tables: Int
    public var registrationOpens: CalendarDay
    public var registrationCloses: CalendarDay
    public var capacity: Int
    public var b2b: Bool
    public var g2g: Bool
    /// Hours a request waits for its answer before it expires.
    public var answerHours: Int

    public init(type: EventType, title: LocalizedText, description: LocalizedText, venue: String?, onlineLink: String?, timeZone: TimeZone,
                firstDay: CalendarDay, lastDay: CalendarDay, slotStarts: [Int], slotMinutes: Int, tables: Int, registrationOpens: CalendarDay,
                registrationCloses: CalendarDay, capacity: Int, b2b: Bool, g2g: Bool, answerHours: Int) {
        self.type = type; self.title = title; self.description = description; self.venue = venue; self.onlineLink = onlineLink
        self.timeZone = timeZone; self.firstDay = firstDay; self.lastDay = lastDay; self.slotStarts = slotStarts; self.slotMinutes = slotMinutes
        self.tables = tables; self.registrationOpens = registrationOpens; self.registrationCloses = registrationCloses; self.capacity = capacity
        self.b2b = b2b; self.g2g = g2g; self.answerHours = answerHours
    }

    public var days: Int { (CalendarDay.daysBetween(firstDay, lastDay)) + 1 }
    /// Every slot of the event: day by day, each day's slots in order.
    public var slotCount: Int { days * slotStarts.count }

    /// The start and end of slot `index` (counted from 0 across the days), in UTC.
    public func interval(ofSlot index: Int) -> (start: Date, end: Date) {
        let day = firstDay.adding(days: index / slotStarts.count)
        let minutes = slotStarts[index % slotStarts.count]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
        let start = calendar.date(from: components) ?? day.start
        return (start, start.addingTimeInterval(Double(slotMinutes * 60)))
    }

    /// `09:30` for minutes after midnight.
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

extension CalendarDay {
    /// Whole days from `a` to `b` (negative when `b` is earlier).
    public static func daysBetween(_ a: CalendarDay, _ b: CalendarDay) -> Int {
        Int(((b.start.timeIntervalSince1970 - a.start.timeIntervalSince1970) / 86_400).rounded())
    }
}

/// An event as typed, checked by `validated()`.
public struct EventDraft: Sendable, Hashable {
    public var type: String?
    public var titleEn: String?
    public var titleKo: String?
    public var descriptionEn: String?
    public var descriptionKo: String?
    public var venue: String?
    public var onlineLink: String?
    public var timeZone: String?
    public var firstDay: String?
    public var lastDay: String?
    public var slotTimes: [String]?
    public var slotMinutes: Int?
    public var tables: Int?
    public var registrationOpens: String?
    public var registrationCloses: String?
    public var capacity: Int?
    public var b2b: Bool?
    public var g2g: Bool?
    public var answerHours: Int?
    /// The call of the open call the event serves (an information session, say), if any.
    public var call: UUID?
    /// The pipeline projects the event serves (their counterparts meet there), if any.
    public var projects: [UUID]?

    public init(type: String? = nil, titleEn: String? = nil, titleKo: String? = nil, descriptionEn: String? = nil, descriptionKo: String? = nil,
                venue: String? = nil, onlineLink: String? = nil, timeZone: String? = nil, firstDay: String? = nil, lastDay: String? = nil,
                slotTimes: [String]? = nil, slotMinutes: Int? = nil, tables: Int? = nil, registrationOpens: String? = nil,
                registrationCloses: String? = nil, capacity: Int? = nil, b2b: Bool? = nil, g2g: Bool? = nil, answerHours: Int? = nil,
                call: UUID? = nil, projects: [UUID]? = nil) {
        self.call = call; self.projects = projects
        self.type = type; self.titleEn = titleEn; self.titleKo = titleKo; self.descriptionEn = descriptionEn; self.descriptionKo = descriptionKo
        self.venue = venue; self.onlineLink = onlineLink; self.timeZone = timeZone; self.firstDay = firstDay; self.lastDay = lastDay
        self.slotTimes = slotTimes; self.slotMinutes = slotMinutes; self.tables = tables; self.registrationOpens = registrationOpens
        self.registrationCloses = registrationCloses; self.capacity = capacity; self.b2b = b2b; self.g2g = g2g; self.answerHours = answerHours
    }

    /// `HH:MM` as minutes after midnight.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Every broken rule at once: the last day not before the first, slots that do not overlap
    /// and end by midnight, a registration window that closes after it opens and by the first
    /// day, a venue or an online link, B2B and/or G2G, a known IANA time zone.
    public func validated() throws(DomainError) -> EventPlan {
        try validated(linkable: EventLinkable()).plan
    }

    /// The same, with the links: the call and each project must be among those `linkable`
    /// says exist and the organiser may see; at most `EventLinks.maxProjects` projects, each once.
    public func validated(linkable: EventLinkable) throws(DomainError) -> (plan: EventPlan, links: EventLinks) {
        var rules = FieldRules()
        let kind = EventType(rawValue: type ?? "")
        if kind == nil { rules.fail("type", "unknown", "type is one of: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let en = rules.text(titleEn, field: "titleEn", max: 200)
        let ko = rules.text(titleKo, field: "titleKo", max: 200)
        let descriptionEnglish = rules.optionalText(descriptionEn, field: "descriptionEn", max: 4_000) ?? ""
        let descriptionKorean = rules.optionalText(descriptionKo, field: "descriptionKo", max: 4_000) ?? ""
        let place = rules.optionalText(venue, field: "venue", max: 300)
        let link = rules.optionalText(onlineLink, field: "onlineLink", max: 500)
        if let link, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            rules.fail("onlineLink", "invalid", "onlineLink is an http(s) address.")
        }
        if place == nil && link == nil { rules.fail("venue", "required", "an event has a venue or an online link.") }
        let zone = TimeZone(identifier: timeZone ?? "")
        if zone == nil || (timeZone ?? "").isEmpty { rules.fail("timeZone", "unknown", "timeZone is an IANA time zone such as Asia/Bangkok.") }
        func day(_ text: String?, _ field: String) -> CalendarDay? {
            guard let text, !text.isEmpty else { rules.fail(field, "required", "\(field) is required (YYYY-MM-DD)."); return nil }
            guard let day = CalendarDay(text) else { rules.fail(field, "invalid", "\(field) is a day, YYYY-MM-DD."); return nil }
            return day
        }
        let first = day(firstDay, "firstDay"), last = day(lastDay, "lastDay")
        if let first, let last {
            if last < first { rules.fail("lastDay", "before-start", "the event ends (lastDay) before it starts (firstDay).") }
            else if CalendarDay.daysBetween(first, last) >= 14 { rules.fail("lastDay", "too-long", "an event lasts at most 14 days.") }
        }
        let length = slotMinutes ?? 0
        if !(5...240).contains(length) { rules.fail("slotMinutes", "out-of-range", "slotMinutes is between 5 and 240.") }
        var starts: [Int] = []
        let times = slotTimes ?? []
        if times.isEmpty || times.count > 48 { rules.fail("slotTimes", "count", "slotTimes lists 1 to 48 start times (HH:MM).") }
        for (index, text) in times.enumerated() {
            guard let minutes = Self.minutes(text) else { rules.fail("slotTimes[\(index)]", "invalid", "a slot starts at HH:MM."); continue }
            if let previous = starts.last, (5...240).contains(length), minutes < previous + length {
                rules.fail("slotTimes[\(index)]", "overlap", "the slot at \(text) begins before the one before it ends (slots of \(length) minutes).")
            }
            if (5...240).contains(length), minutes + length > 24 * 60 {
                rules.fail("slotTimes[\(index)]", "past-midnight", "the slot at \(text) ends after midnight.")
            }
            starts.append(minutes)
        }
        let tableCount = tables ?? 0
        if !(1...1_000).contains(tableCount) { rules.fail("tables", "out-of-range", "tables is between 1 and 1000.") }
        let seats = capacity ?? 0
        if !(2...10_000).contains(seats) { rules.fail("capacity", "out-of-range", "capacity is between 2 and 10000.") }
        let opens = day(registrationOpens, "registrationOpens"), closes = day(registrationCloses, "registrationCloses")
        if let opens, let closes, closes < opens {
            rules.fail("registrationCloses", "before-start", "registration closes before it opens.")
        }
        if let closes, let first, closes > first { rules.fail("registrationCloses", "after-event", "registration closes by the first day of the event.") }
        let businesses = b2b ?? false, governments = g2g ?? false
        if !businesses && !governments { rules.fail("b2b", "required", "an event has B2B meetings, G2G meetings or both.") }
        let hours = answerHours ?? 72
        if !(1...720).contains(hours) { rules.fail("answerHours", "out-of-range", "answerHours is between 1 and 720.") }
        let links = linkable.check(call: call, projects: projects ?? [], &rules)
        try rules.check()
        return (EventPlan(type: kind!, title: LocalizedText(en: en, ko: ko), description: LocalizedText(en: descriptionEnglish, ko: descriptionKorean),
                         venue: place, onlineLink: link, timeZone: zone!, firstDay: first!, lastDay: last!, slotStarts: starts, slotMinutes: length,
                         tables: tableCount, registrationOpens: opens!, registrationCloses: closes!, capacity: seats, b2b: businesses, g2g: governments,
                         answerHours: hours), links)
    }
}

/// What an event is linked to: a call of the open call and pipeline projects.
public struct EventLinks: Sendable, Hashable {
    public static let maxProjects = 20

    public var call: UUID?
    public var projects: [UUID]

    public init(call: UUID? = nil, projects: [UUID] = []) {
        self.call = call
        self.projects = projects
    }
}

/// The calls and projects an event may be linked to: those that exist and that the organiser
/// may see (the store looks them up; the rule is here).
public struct EventLinkable: Sendable, Hashable {
    public var calls: Set<UUID>
    public var projects: Set<UUID>

    public init(calls: Set<UUID> = [], projects: Set<UUID> = []) {
        self.calls = calls
        self.projects = projects
    }

    func check(call: UUID?, projects: [UUID], _ rules: inout FieldRules) -> EventLinks {
        if let call, !calls.contains(call) { rules.fail("call", "unknown", "call is a call of the open call that you can see.") }
        if projects.count > EventLinks.maxProjects {
            rules.fail("projects", "too-many", "an event is linked to at most \(EventLinks.maxProjects) projects.")
        }
        var seen: Set<UUID> = []
        for (index, project) in projects.enumerated() {
            if !seen.insert(project).inserted {
                rules.fail("projects[\(index)]", "duplicate", "each project is linked once.")
            } else if !self.projects.contains(project) {
                rules.fail("projects[\(index)]", "unknown", "projects lists pipeline projects that you can see.")
            }
        }
        return EventLinks(call: call, projects: projects)
    }
}
