import Foundation

/// The selection's decision on one candidate, with its reason: flat JSON, for example
/// `{"application":"…","country":"TH","outcome":"waitlisted","reason":"capacity","round":2,"position":3}`.
public struct TraineeDecision: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case selected
        case waitlisted
        case notSelected = "not-selected"
    }

    public enum Reason: String, Sendable, Hashable, Codable {
        /// Selected in its round (`round`) within capacity and quota.
        case round
        /// Selected by the officer (`note` is the officer's reason).
        case forcedIn = "forced-in"
        /// Eligible and within its country's quota, but the seats were taken by earlier
        /// rounds or earlier in its round (`position` on the waitlist).
        case capacity
        /// Its country's quota (`quota`) was filled by candidates its focal point ranked higher.
        case overQuota = "over-quota"
        /// Its country's focal point did not rank it.
        case notRanked = "not-ranked"
        case countryNotEligible = "country-not-eligible"
        case levelNotEligible = "level-not-eligible"
        /// Taken out by the officer (`note` is the officer's reason).
        case forcedOut = "forced-out"
    }

    public var application: UUID
    public var country: CountryCode
    public var outcome: Outcome
    public var reason: Reason
    /// The round the candidate was considered in: its place in its focal point's ranking.
    public var round: Int?
    /// 1, 2, … on the waitlist.
    public var position: Int?
    /// The country's quota, for `over-quota`.
    public var quota: Int?
    /// The officer's reason, for `forced-in` and `forced-out`.
    public var note: String?

    public init(application: UUID, country: CountryCode, outcome: Outcome, reason: Reason, round: Int? = nil,
                position: Int? = nil, quota: Int? = nil, note: String? = nil) {
        self.application = application
        self.country = country
        self.outcome = outcome
        self.reason = reason
        self.round = round
        self.position = position
        self.quota = quota
        self.note = note
    }

    /// The string key of the reason for the pages: `trainingdecision.<reason>`.
    public var key: String { "trainingdecision.\(reason.rawValue)" }

    /// English, for the API and the record.
    public var description: String {
        switch reason {
        case .round: "selected in round \(round ?? 0) (ranked \(round ?? 0) by the focal point of \(country.value))."
        case .forcedIn: "selected by the officer: \(note ?? "")"
        case .capacity: "waitlisted #\(position ?? 0): the seats were filled before this candidate's turn in round \(round ?? 0)."
        case .overQuota: "not selected: \(country.value)'s quota of \(quota ?? 0) was filled by candidates ranked higher."
        case .notRanked: "not selected: not ranked by the focal point of \(country.value)."
        case .countryNotEligible: "not selected: officials of \(country.value) are not eligible for this cohort."
        case .levelNotEligible: "not selected: this level of government is not eligible for this cohort."
        case .forcedOut: "not selected: removed by the officer: \(note ?? "")"
        }
    }
}
