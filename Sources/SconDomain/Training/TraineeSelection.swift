import Foundation

/// A candidate for a cohort's seats: a submitted application with what the selection reads.
public struct TraineeCandidate: Sendable, Hashable, Codable {
    public var application: UUID
    public var country: CountryCode
    public var level: GovernmentLevel
    /// The focal point's rank within the country (1 is first); nil when not ranked.
    public var rank: Int?
    /// When the organisation nominated the official (the tie rule's first key).
    public var nominatedAt: Date?

    public init(application: UUID, country: CountryCode, level: GovernmentLevel, rank: Int?, nominatedAt: Date?) {
        self.application = application
        self.country = country
        self.level = level
        self.rank = rank
        self.nominatedAt = nominatedAt
    }
}

/// An officer's change to the preview, kept with the result: put a candidate in, or take
/// one out, with a reason.
public struct SelectionAdjustment: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        case forceIn = "force-in"
        case forceOut = "force-out"
    }

    public var application: UUID
    public var action: Action
    public var reason: String

    public init(application: UUID, action: Action, reason: String) {
        self.application = application
        self.action = action
        self.reason = reason
    }
}

/// The selection of a cohort, as previewed and (once confirmed) recorded.
public struct TraineeSelectionResult: Sendable, Hashable, Codable {
    /// Every candidate's decision: the selected, then the waitlist in order, then the rest.
    public var decisions: [TraineeDecision]
    /// The adjustments applied, as given (reasons trimmed).
    public var adjustments: [SelectionAdjustment]

    public var selected: [UUID] { decisions.filter { $0.outcome == .selected }.map(\.application) }
    /// The waitlist, first to move up first.
    public var waitlist: [TraineeDecision] { decisions.filter { $0.outcome == .waitlisted } }
    /// Seats per country.
    public var seatsByCountry: [CountryCode: Int] {
        decisions.filter { $0.outcome == .selected }.reduce(into: [:]) { $0[$1.country, default: 0] += 1 }
    }
}

/// Who gets a cohort's seats. The rule:
/// 1. An official of a country or level the cohort does not admit is not selected.
/// 2. The officer's adjustments apply first: a forced-out candidate is not selected; a
///    forced-in one is selected (it must be eligible, and the forced-in must fit the capacity
///    and every country's quota, or the adjustment is refused).
/// 3. The other ranked candidates are taken in rounds: round k holds the candidates each
///    focal point ranked k-th. Within a round the earlier nomination goes first, then the
///    smaller application id (its lower-case text). In that order, a candidate whose
///    country has reached its quota is not selected (over quota); otherwise it is selected
///    while seats remain, and waitlisted (in that order) once they are full.
/// 4. Candidates their focal point did not rank are not selected.
/// The result never holds more than the capacity, nor more of a country than its quota.
public enum TraineeSelection {
    /// Why the officer's adjustments cannot be applied (409): nothing is selected.
    public enum Refusal: SconDomain.Refusal, Hashable {
        case unknownCandidate(UUID)
        case adjustedTwice(UUID)
        case reasonMissing(UUID)
        case notEligible(UUID)
        /// More forced in than the cohort's seats.
        case overCapacity(capacity: Int)
        /// More of one country forced in than its quota.
        case overQuota(CountryCode, quota: Int)

        public var key: String {
            switch self {
            case .unknownCandidate: "trainingselection.unknownCandidate"
            case .adjustedTwice: "trainingselection.adjustedTwice"
            case .reasonMissing: "trainingselection.reasonMissing"
            case .notEligible: "trainingselection.notEligible"
            case .overCapacity: "trainingselection.overCapacity"
            case .overQuota: "trainingselection.overQuota"
            }
        }

        public var values: [String: RefusalValue] {
            switch self {
            case .overCapacity(let capacity): ["capacity": .text(String(capacity))]
            case .overQuota(let country, let quota): ["country": .key("country.\(country.value)"), "quota": .text(String(quota))]
            default: [:]
            }
        }

        public var description: String {
            switch self {
            case .unknownCandidate(let id): "\(id.uuidString.lowercased()) is not a candidate of this cohort."
            case .adjustedTwice(let id): "\(id.uuidString.lowercased()) is adjusted more than once."
            case .reasonMissing(let id): "the adjustment of \(id.uuidString.lowercased()) needs a reason."
            case .notEligible(let id): "\(id.uuidString.lowercased()) is not eligible for this cohort and cannot be forced in."
            case .overCapacity(let capacity): "forcing these candidates in would exceed the \(capacity) seats."
            case .overQuota(let country, let quota): "forcing these candidates in would give \(country.value) more than its quota of \(quota)."
            }
        }
    }

    /// The selection by the rule above. Throws `DomainError.invalid` for a malformed
    /// candidate list (an application twice, two candidates of a country with one rank).
    public static func select(cohort terms: CohortTerms, candidates: [TraineeCandidate],
                              adjustments: [SelectionAdjustment] = []) throws(TrainingError) -> TraineeSelectionResult {
        var issues = FieldRules()
        var seenApplications = Set<UUID>()
        var seenRanks = Set<String>()
        for (index, candidate) in candidates.enumerated() {
            if !seenApplications.insert(candidate.application).inserted {
                issues.fail("candidates[\(index)]", "duplicate", "an application is a candidate once.")
            }
            if let rank = candidate.rank, !seenRanks.insert("\(candidate.country.value)#\(rank)").inserted {
                issues.fail("candidates[\(index)].rank", "duplicate", "two candidates of \(candidate.country.value) have rank \(rank).")
            }
            if let rank = candidate.rank, rank < 1 { issues.fail("candidates[\(index)].rank", "out-of-range", "a rank is 1 or more.") }
        }
        do { try issues.check() } catch { throw .invalid(error) }

        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.application, $0) })
        var forced: [UUID: SelectionAdjustment] = [:]
        var cleaned: [SelectionAdjustment] = []
        for adjustment in adjustments {
            guard let candidate = byID[adjustment.application] else { throw .refused(Refusal.unknownCandidate(adjustment.application)) }
            guard forced[adjustment.application] == nil else { throw .refused(Refusal.adjustedTwice(adjustment.application)) }
            let reason = adjustment.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw .refused(Refusal.reasonMissing(adjustment.application)) }
            if adjustment.action == .forceIn, !terms.admits(country: candidate.country, level: candidate.level) {
                throw .refused(Refusal.notEligible(adjustment.application))
            }
            let kept = SelectionAdjustment(application: adjustment.application, action: adjustment.action, reason: String(reason.prefix(1_000)))
            forced[adjustment.application] = kept
            cleaned.append(kept)
        }
        let forcedIn = cleaned.filter { $0.action == .forceIn }
        if forcedIn.count > terms.capacity { throw .refused(Refusal.overCapacity(capacity: terms.capacity)) }
        var seats: [CountryCode: Int] = [:]
        for adjustment in forcedIn {
            let country = byID[adjustment.application]!.country
            seats[country, default: 0] += 1
            if seats[country]! > terms.quota.limit(for: country) {
                throw .refused(Refusal.overQuota(country, quota: terms.quota.limit(for: country)))
            }
        }

        // Rounds: each candidate's place in its country's ranking.
        var round: [UUID: Int] = [:]
        for group in Dictionary(grouping: candidates.filter { $0.rank != nil }, by: \.country).values {
            for (place, candidate) in group.sorted(by: { $0.rank! < $1.rank! }).enumerated() { round[candidate.application] = place + 1 }
        }

        var selected: [TraineeDecision] = forcedIn.map { adjustment in
            let candidate = byID[adjustment.application]!
            return TraineeDecision(application: candidate.application, country: candidate.country, outcome: .selected,
                                   reason: .forcedIn, round: round[candidate.application], note: adjustment.reason)
        }
        var waitlisted: [TraineeDecision] = []
        var rest: [TraineeDecision] = []
        var ordered: [TraineeCandidate] = []
        for candidate in candidates {
            if let adjustment = forced[candidate.application] {
                if adjustment.action == .forceOut {
                    rest.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .notSelected,
                                                reason: .forcedOut, round: round[candidate.application], note: adjustment.reason))
                }
            } else if !terms.eligibleCountries.contains(candidate.country) {
                rest.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .notSelected, reason: .countryNotEligible))
            } else if !terms.eligibleLevels.contains(candidate.level) {
                rest.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .notSelected, reason: .levelNotEligible))
            } else if round[candidate.application] == nil {
                rest.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .notSelected, reason: .notRanked))
            } else {
                ordered.append(candidate)
            }
        }
        ordered.sort { precedes($0, $1, round: round) }
        var overQuota: [TraineeDecision] = []
        for candidate in ordered {
            let quota = terms.quota.limit(for: candidate.country)
            let taken = round[candidate.application]
            if seats[candidate.country, default: 0] >= quota {
                overQuota.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .notSelected,
                                                 reason: .overQuota, round: taken, quota: quota))
            } else if selected.count < terms.capacity {
                seats[candidate.country, default: 0] += 1
                selected.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .selected,
                                                reason: .round, round: taken))
            } else {
                waitlisted.append(TraineeDecision(application: candidate.application, country: candidate.country, outcome: .waitlisted,
                                                  reason: .capacity, round: taken, position: waitlisted.count + 1))
            }
        }
        return TraineeSelectionResult(decisions: selected + waitlisted + overQuota + rest, adjustments: cleaned)
    }

    /// The order within the rounds: round, then earlier nomination (none last), then id text.
    static func precedes(_ lhs: TraineeCandidate, _ rhs: TraineeCandidate, round: [UUID: Int]) -> Bool {
        let left = round[lhs.application]!, right = round[rhs.application]!
        if left != right { return left < right }
        switch (lhs.nominatedAt, rhs.nominatedAt) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.application.uuidString.lowercased() < rhs.application.uuidString.lowercased()
        }
    }
}
