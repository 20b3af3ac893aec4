import Foundation

/// What a cooperation outcome (협력성과) is.
public enum OutcomeType: String, Sendable, CaseIterable, Hashable {
    case agreement
    case projectMilestone = "project-milestone"
    case eventHeld = "event-held"
    case trainingCompleted = "training-completed"
    case investmentCommitted = "investment-committed"
    /// Reported as an outcome by its source without saying what kind (the ministry's count of 2019).
    case notDisclosed = "not-disclosed"
}

/// Whether the outcome happened or is scheduled, as its record says.
public enum OutcomeState: String, Sendable, CaseIterable, Hashable {
    case achieved, planned
}

/// What the rule needs of one outcome record.
public struct OutcomeFacts: Sendable, Hashable {
    public var type: OutcomeType
    public var state: OutcomeState
    /// When it happened or is scheduled, as precisely as the source says; nil when not disclosed.
    public var date: PartialDate?
    /// The day the outcome became known (the source's date).
    public var recordedOn: CalendarDay
    public var countries: Set<CountryCode>

    public init(type: OutcomeType, state: OutcomeState, date: PartialDate?, recordedOn: CalendarDay, countries: Set<CountryCode>) {
        self.type = type; self.state = state; self.date = date; self.recordedOn = recordedOn; self.countries = countries
    }

    /// The day the rule reads: the first day of the date, or the day it was recorded when the
    /// date is not disclosed.
    public var day: CalendarDay { date?.firstDay ?? recordedOn }
}

/// A selection of outcomes: as of a day, from a day, of a country, of a type.
public struct OutcomeFilter: Sendable, Hashable {
    public var asOf: CalendarDay
    public var from: CalendarDay?
    public var country: CountryCode?
    public var type: OutcomeType?

    public init(asOf: CalendarDay, from: CalendarDay? = nil, country: CountryCode? = nil, type: OutcomeType? = nil) {
        self.asOf = asOf; self.from = from; self.country = country; self.type = type
    }

    /// Reads the query parameters (`asOf` defaults to today).
    public static func parse(asOf: String?, from: String?, country: String?, type: String?, today: CalendarDay) throws(DomainError) -> OutcomeFilter {
        var rules = FieldRules()
        var filter = OutcomeFilter(asOf: today)
        if let asOf, !asOf.isEmpty {
            if let day = CalendarDay(asOf) { filter.asOf = day } else { rules.fail("asOf", "invalid", "asOf is a date YYYY-MM-DD.") }
        }
        if let from, !from.isEmpty {
            filter.from = CalendarDay(from)
            if filter.from == nil { rules.fail("from", "invalid", "from is a date YYYY-MM-DD.") }
        }
        if let country, !country.isEmpty {
            filter.country = CountryCode(country)
            if filter.country == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
        }
        if let type, !type.isEmpty {
            filter.type = OutcomeType(rawValue: type)
            if filter.type == nil { rules.fail("type", "unknown", "type is one of \(OutcomeType.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        if let from = filter.from, from > filter.asOf { rules.fail("from", "after-as-of", "from is on or before asOf.") }
        try rules.checkParameters()
        return filter
    }
}

/// The counting rule, in one place (published on the outcomes page, unit-tested):
///
/// 1. A record counts as of a day when it was known by then (`recordedOn` ≤ asOf).
/// 2. It is **achieved** as of that day when its record says achieved and its day is on or
///    before that day; otherwise it is **planned** (scheduled, or achieved only later).
/// 3. `from` keeps the records whose day is on or after it; `country` those that name the
///    country; `type` those of the type. A record that names no country counts in the total
///    and in no country's figure.
/// 4. Figures are never typed in: a figure is the number of records under its filter, and the
///    list under the same filter shows exactly those records.
public enum OutcomeRule {
    /// Whether the record counts under the filter at all.
    public static func counts(_ record: OutcomeFacts, _ filter: OutcomeFilter) -> Bool {
        guard record.recordedOn <= filter.asOf else { return false }
        if let from = filter.from, record.day < from { return false }
        if let country = filter.country, !record.countries.contains(country) { return false }
        if let type = filter.type, record.type != type { return false }
        return true
    }

    /// How the record stands on the filter's day.
    public static func standing(_ record: OutcomeFacts, asOf: CalendarDay) -> OutcomeState {
        record.state == .achieved && record.day <= asOf ? .achieved : .planned
    }

    /// The tally of the records under the filter.
    public static func tally(_ records: some Sequence<OutcomeFacts>, _ filter: OutcomeFilter) -> OutcomeTally {
        var tally = OutcomeTally(asOf: filter.asOf)
        for record in records where counts(record, filter) {
            if standing(record, asOf: filter.asOf) == .achieved { tally.achieved += 1 } else { tally.planned += 1 }
            tally.byType[record.type, default: 0] += 1
        }
        return tally
    }
}

/// The figures of a selection.
public struct OutcomeTally: Sendable, Hashable {
    public var asOf: CalendarDay
    public var achieved = 0
    public var planned = 0
    public var byType: [OutcomeType: Int] = [:]

    public init(asOf: CalendarDay) { self.asOf = asOf }

    public var total: Int { achieved + planned }
}

extension OutcomeType {
    /// The kind of record an outcome of this type counts (`linkKind`): an agreement, a project
    /// (its milestone, or an investment committed to it), an event held, a training cohort
    /// completed. Nil for outcomes reported without details.
    public var countedRecord: String? {
        switch self {
        case .agreement: "agreement"
        case .projectMilestone, .investmentCommitted: "project"
        case .eventHeld: "event"
        case .trainingCompleted: "cohort"
        case .notDisclosed: nil
        }
    }
}

/// A new outcome recorded in the app, checked by the counting rules: it says what it is (a
/// type other than `not-disclosed`, which only a source's count without details may carry),
/// when (an achieved outcome's date is not after the day it is recorded), where (at least one
/// country), and which record it counts (the kind its type counts, and its id).
public struct OutcomeDraft: Sendable {
    public var type: String?
    public var state: String?
    public var date: String?
    public var countries: [String]?
    public var titleEn: String?
    public var titleKo: String?
    public var sourceEn: String?
    public var sourceKo: String?
    public var linkKind: String?
    public var linkID: UUID?

    public init(type: String? = nil, state: String? = nil, date: String? = nil, countries: [String]? = nil, titleEn: String? = nil,
                titleKo: String? = nil, sourceEn: String? = nil, sourceKo: String? = nil, linkKind: String? = nil, linkID: UUID? = nil) {
        self.type = type; self.state = state; self.date = date; self.countries = countries; self.titleEn = titleEn; self.titleKo = titleKo
        self.sourceEn = sourceEn; self.sourceKo = sourceKo; self.linkKind = linkKind; self.linkID = linkID
    }

    public struct Checked: Sendable, Hashable {
        public var facts: OutcomeFacts
        public var title: LocalizedText
        public var source: LocalizedText?
        public var linkKind: String
        public var linkID: UUID
    }

    public func checked(today: CalendarDay) throws(DomainError) -> Checked {
        var rules = FieldRules()
        let recordable = OutcomeType.allCases.filter { $0 != .notDisclosed }
        let type = OutcomeType(rawValue: self.type ?? "").flatMap { recordable.contains($0) ? $0 : nil }
        if type == nil {
            rules.fail("type", self.type == nil ? "required" : "unknown", "type is one of \(recordable.map(\.rawValue).joined(separator: ", ")).")
        }
        let state = OutcomeState(rawValue: self.state ?? "")
        if state == nil { rules.fail("state", self.state == nil ? "required" : "unknown", "state is achieved or planned.") }
        var date: PartialDate?
        if let text = self.date {
            date = PartialDate(text)
            if date == nil { rules.fail("date", "invalid", "date is a date YYYY-MM-DD, a month YYYY-MM or a year YYYY.") }
        } else {
            rules.fail("date", "required", "an outcome recorded in the app has its date (the day it happened or is planned).")
        }
        if let date, state == .achieved, date.firstDay > today {
            rules.fail("date", "in-future", "an achieved outcome happened on or before the day it is recorded (\(today)).")
        }
        var countries = Set<CountryCode>()
        for (index, code) in (self.countries ?? []).enumerated() {
            if let country = CountryCode(code) { countries.insert(country) } else { rules.fail("countries[\(index)]", "invalid", "a country is an ISO 3166-1 alpha-2 code.") }
        }
        if (self.countries ?? []).isEmpty { rules.fail("countries", "required", "an outcome names at least one country.") }
        let en = rules.text(titleEn, field: "titleEn", min: 3, max: 300)
        let ko = rules.text(titleKo, field: "titleKo", min: 2, max: 300)
        let sourceEn = rules.optionalText(self.sourceEn, field: "sourceEn", max: 500)
        let sourceKo = rules.optionalText(self.sourceKo, field: "sourceKo", max: 500)
        if (sourceEn == nil) != (sourceKo == nil) { rules.fail(sourceEn == nil ? "sourceEn" : "sourceKo", "required", "the source is given in English and Korean.") }
        if let type, let expected = type.countedRecord, linkKind != expected {
            rules.fail("linkKind", linkKind == nil ? "required" : "unknown", "an outcome of type \(type.rawValue) counts a record of kind \(expected).")
        }
        if linkID == nil { rules.fail("linkId", "required", "linkId is the id of the record the outcome counts.") }
        try rules.check()
        return Checked(facts: OutcomeFacts(type: type!, state: state!, date: date, recordedOn: today, countries: countries),
                       title: LocalizedText(en: en, ko: ko), source: sourceEn.flatMap { en in sourceKo.map { LocalizedText(en: en, ko: $0) } },
                       linkKind: linkKind!, linkID: linkID!)
    }
}

/// Why an outcome is not recorded (409): the record it counts is counted already.
public enum OutcomeRefusal: Refusal, Hashable {
    case alreadyCounted(type: OutcomeType)

    public var key: String { "outcome.alreadyCounted" }
    public var values: [String: RefusalValue] {
        switch self { case .alreadyCounted(let type): ["type": .key("outcometype.\(type.rawValue)")] }
    }
    public var description: String {
        switch self { case .alreadyCounted(let type): "the record is already counted as an outcome of type \(type.rawValue); a record counts once." }
    }
}
