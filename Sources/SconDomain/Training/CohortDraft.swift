import Foundation

/// A cohort as an officer writes it (and as the API receives it): every field optional
/// until `validated` checks them all and names each broken rule by its JSON path
/// (`sessions[2].day`, `quota.fixed.TH`).
public struct CohortDraft: Sendable, Hashable, Codable {
    public struct Quota: Sendable, Hashable, Codable {
        public var atMost: Int?
        public var fixed: [String: Int]?
        public init(atMost: Int? = nil, fixed: [String: Int]? = nil) { self.atMost = atMost; self.fixed = fixed }
    }

    public struct Session: Sendable, Hashable, Codable {
        public var day: String?
        public var starts: String?
        public var ends: String?
        public var topic: LocalizedText?
        public var venue: LocalizedText?
        public var onlineLink: String?
        public init(day: String? = nil, starts: String? = nil, ends: String? = nil, topic: LocalizedText? = nil,
                    venue: LocalizedText? = nil, onlineLink: String? = nil) {
            self.day = day; self.starts = starts; self.ends = ends; self.topic = topic; self.venue = venue; self.onlineLink = onlineLink
        }
    }

    public var title: LocalizedText?
    public var venueTimeZone: String?
    public var startDay: String?
    public var endDay: String?
    public var capacity: Int?
    public var quota: Quota?
    public var eligibleCountries: [String]?
    public var eligibleLevels: [String]?
    public var eligibilityNote: LocalizedText?
    public var applicationOpens: String?
    public var applicationDeadline: String?
    public var rankingDeadline: String?
    public var applicationTimeZone: String?
    public var sessions: [Session]?
    public var requiredDocuments: [LocalizedText]?
    public var minimumAttendancePercent: Int?
    public var actionPlanRequired: Bool?
    public var acceptanceDays: Int?

    public init() {}

    public static let maximumCapacity = 200
    public static let maximumSessions = 100
    public static let maximumDays = 120

    /// Checks every rule and reports every broken one. Defaults: the ASEAN 10 (or the
    /// countries a fixed quota names), every level, 80 % attendance and an action plan,
    /// 7 days to accept, ranking until 7 days after the application deadline.
    public func validated(knownCountries: Set<CountryCode>) throws(DomainError) -> CohortTerms {
        var rules = FieldRules()
        let title = LocalizedText(en: rules.text(title?.en, field: "title.en", max: 200), ko: rules.text(title?.ko, field: "title.ko", max: 200))
        let venueZone = Self.zone(venueTimeZone, field: "venueTimeZone", rules: &rules)
        let start = Self.day(startDay, field: "startDay", rules: &rules)
        let end = Self.day(endDay, field: "endDay", rules: &rules)
        var dates: DayRange?
        if let start, let end {
            if end < start {
                rules.fail("endDay", "before-start", "the cohort ends on or after its first day.")
            } else if end > start.adding(days: Self.maximumDays - 1) {
                rules.fail("endDay", "too-long", "a cohort lasts at most \(Self.maximumDays) days.")
            } else {
                dates = DayRange(start, end)
            }
        }

        let capacity = self.capacity ?? 0
        if self.capacity == nil {
            rules.fail("capacity", "required", "capacity is the number of seats, 1 to \(Self.maximumCapacity).")
        } else if !(1...Self.maximumCapacity).contains(capacity) {
            rules.fail("capacity", "out-of-range", "capacity is the number of seats, 1 to \(Self.maximumCapacity).")
        }

        var countries: [CountryCode] = []
        let countryTexts = eligibleCountries ?? quota?.fixed.map { $0.keys.sorted() } ?? CountryCode.asean.map(\.value)
        for (index, code) in countryTexts.enumerated() {
            guard let country = CountryCode(code), knownCountries.contains(country) else {
                rules.fail("eligibleCountries[\(index)]", "unknown", "\(code.prefix(10)) is not a country in the directory.")
                continue
            }
            if !countries.contains(country) { countries.append(country) }
        }
        if countryTexts.isEmpty { rules.fail("eligibleCountries", "required", "a cohort is open to at least one country.") }

        let quota = validatedQuota(capacity: capacity, countries: countries, rules: &rules)

        var levels: [GovernmentLevel] = []
        for (index, code) in (eligibleLevels ?? GovernmentLevel.allCases.map(\.rawValue)).enumerated() {
            guard let level = GovernmentLevel(rawValue: code) else {
                rules.fail("eligibleLevels[\(index)]", "unknown", "a level is one of: \(GovernmentLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if !levels.contains(level) { levels.append(level) }
        }
        if eligibleLevels?.isEmpty == true { rules.fail("eligibleLevels", "required", "at least one level of government may apply.") }
        var note: LocalizedText?
        if let eligibilityNote {
            note = LocalizedText(en: rules.text(eligibilityNote.en, field: "eligibilityNote.en", min: 0, max: 2_000),
                                 ko: rules.text(eligibilityNote.ko, field: "eligibilityNote.ko", min: 0, max: 2_000))
            if note!.en.isEmpty && note!.ko.isEmpty { note = nil }
        }

        let window = ApplicationWindow.validated(opens: applicationOpens, deadline: applicationDeadline, rankingDeadline: rankingDeadline,
                                                 timeZone: applicationTimeZone, rules: &rules)
        if let window, let dates, let venueZone, let startsAt = ApplicationWindow.startOfDay(dates.start, in: venueZone),
           window.rankingClosesAt > startsAt {
            rules.fail(rankingDeadline == nil ? "applicationDeadline" : "rankingDeadline", "after-start",
                       "applications, nominations and ranking close before the cohort starts (ranking closes at the end of \(window.rankingDeadlineText)).")
        }

        let sessions = validatedSessions(dates: dates, rules: &rules)

        var documents: [LocalizedText] = []
        for (index, document) in (requiredDocuments ?? []).enumerated() {
            documents.append(LocalizedText(en: rules.text(document.en, field: "requiredDocuments[\(index)].en", max: 200),
                                           ko: rules.text(document.ko, field: "requiredDocuments[\(index)].ko", max: 200)))
        }
        if documents.count > 20 { rules.fail("requiredDocuments", "too-many", "at most 20 required documents.") }

        let percent = minimumAttendancePercent ?? 80
        if !(1...100).contains(percent) {
            rules.fail("minimumAttendancePercent", "out-of-range", "the attendance needed to complete is 1 to 100 percent.")
        }
        let days = acceptanceDays ?? 7
        if !(1...30).contains(days) { rules.fail("acceptanceDays", "out-of-range", "a selected official has 1 to 30 days to accept.") }

        try rules.check()
        return CohortTerms(title: title, venueTimeZone: venueZone!.identifier, dates: dates!, capacity: capacity, quota: quota!,
                           eligibleCountries: countries, eligibleLevels: levels.sorted(), eligibilityNote: note, window: window!,
                           sessions: sessions, requiredDocuments: documents,
                           completion: CompletionRule(minimumAttendancePercent: percent, actionPlanRequired: actionPlanRequired ?? true),
                           acceptanceDays: days)
    }

    private func validatedQuota(capacity: Int, countries: [CountryCode], rules: inout FieldRules) -> CountryQuota? {
        guard let quota else {
            rules.fail("quota", "required", "a cohort has a quota per country: atMost (the same for each) or fixed (per country).")
            return nil
        }
        switch (quota.atMost, quota.fixed) {
        case (let limit?, nil):
            if limit < 1 || (capacity >= 1 && limit > capacity) {
                rules.fail("quota.atMost", "out-of-range", "a country's quota is 1 to the capacity (\(capacity)).")
                return nil
            }
            return .atMost(limit)
        case (nil, let fixed?):
            var limits: [CountryCode: Int] = [:]
            for (code, limit) in fixed.sorted(by: { $0.key < $1.key }) {
                guard let country = CountryCode(code), countries.contains(country) else {
                    rules.fail("quota.fixed.\(code.prefix(10))", "not-eligible", "a fixed quota is given for eligible countries only.")
                    continue
                }
                if limit < 1 || limit > Self.maximumCapacity {
                    rules.fail("quota.fixed.\(country.value)", "out-of-range", "a country's fixed quota is at least 1 seat.")
                    continue
                }
                limits[country] = limit
            }
            for country in countries where fixed[country.value] == nil && fixed[country.value.lowercased()] == nil {
                rules.fail("quota.fixed.\(country.value)", "required", "every eligible country needs its number of seats.")
            }
            let total = limits.values.reduce(0, +)
            if capacity >= 1, total > capacity {
                rules.fail("quota.fixed", "over-capacity", "the fixed quotas add up to \(total) seats; the capacity is \(capacity).")
            }
            return .fixed(limits)
        default:
            rules.fail("quota", "one-kind", "give either atMost or fixed, not both and not neither.")
            return nil
        }
    }

    private func validatedSessions(dates: DayRange?, rules: inout FieldRules) -> [TrainingSession] {
        var result: [TrainingSession] = []
        let drafts = sessions ?? []
        if drafts.isEmpty { rules.fail("sessions", "required", "a cohort has at least one session.") }
        if drafts.count > Self.maximumSessions { rules.fail("sessions", "too-many", "a cohort has at most \(Self.maximumSessions) sessions.") }
        for (index, draft) in drafts.enumerated() {
            let path = "sessions[\(index)]"
            let day = Self.day(draft.day, field: "\(path).day", rules: &rules)
            if let day, let dates, !dates.contains(day) {
                rules.fail("\(path).day", "outside-dates", "a session is held within the cohort's dates (\(dates.start) to \(dates.end)).")
            }
            let starts = TrainingSession.minutes(draft.starts)
            let ends = TrainingSession.minutes(draft.ends)
            if starts == nil { rules.fail("\(path).starts", draft.starts == nil ? "required" : "invalid", "a session starts at a local time HH:MM.") }
            if ends == nil { rules.fail("\(path).ends", draft.ends == nil ? "required" : "invalid", "a session ends at a local time HH:MM.") }
            if let starts, let ends, ends <= starts { rules.fail("\(path).ends", "before-start", "a session ends after it starts, on the same day.") }
            let topic = LocalizedText(en: rules.text(draft.topic?.en, field: "\(path).topic.en", max: 200),
                                      ko: rules.text(draft.topic?.ko, field: "\(path).topic.ko", max: 200))
            var venue: LocalizedText?
            if let text = draft.venue {
                venue = LocalizedText(en: rules.text(text.en, field: "\(path).venue.en", min: 0, max: 300),
                                      ko: rules.text(text.ko, field: "\(path).venue.ko", min: 0, max: 300))
                if venue!.en.isEmpty && venue!.ko.isEmpty { venue = nil }
            }
            let link = rules.optionalText(draft.onlineLink, field: "\(path).onlineLink", max: 500)
            if let link, !Self.isHTTPS(link) {
                rules.fail("\(path).onlineLink", "not-https", "an online link is an https:// address.")
            }
            if venue == nil, link == nil { rules.fail("\(path).venue", "required", "a session has a venue, an online link, or both.") }
            if let day, let starts = draft.starts, let ends = draft.ends {
                result.append(TrainingSession(day: day, starts: starts, ends: ends, topic: topic, venue: venue, onlineLink: link))
            }
        }
        return result
    }

    /// An absolute `https://host/...` address without spaces or credentials.
    static func isHTTPS(_ text: String) -> Bool {
        guard let url = URL(string: text), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty,
              url.user == nil, !text.contains(where: { $0.isWhitespace }) else { return false }
        return true
    }

    static func day(_ text: String?, field: String, rules: inout FieldRules) -> CalendarDay? {
        guard let text, let day = CalendarDay(text), (2000...2100).contains(day.year) else {
            rules.fail(field, text == nil ? "required" : "invalid", "\(field) is a day YYYY-MM-DD.")
            return nil
        }
        return day
    }

    static func zone(_ text: String?, field: String, rules: inout FieldRules) -> TimeZone? {
        let name = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard let zone = TimeZone(identifier: name), name.contains("/") || name == "UTC" else {
            rules.fail(field, name.isEmpty ? "required" : "unknown", "\(field) is an IANA time zone such as Asia/Seoul or Asia/Bangkok.")
            return nil
        }
        return zone
    }
}
