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
