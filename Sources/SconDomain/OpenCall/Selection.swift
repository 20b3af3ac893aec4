/// A proposal that can be selected: endorsed, eligible and scored.
public struct SelectionCandidate: Sendable, Hashable {
    public var proposal: String
    public var country: String
    public var supportType: String
    /// The budget asked for, in KRW (KRW has no minor unit).
    public var budget: Int
    /// The score the call ranks by; higher is better.
    public var score: Double
    /// The stated tie rule: equal scores go to the earlier submission (an ISO 8601 UTC time
    /// sorts as text), then to the smaller proposal id.
    public var submittedAt: String

    public init(proposal: String, country: String, supportType: String, budget: Int, score: Double, submittedAt: String) {
        self.proposal = proposal
        self.country = country
        self.supportType = supportType
        self.budget = budget
        self.score = score
        self.submittedAt = submittedAt
    }
}

/// The limits of a selection: how many, at most one per country, budget caps.
public struct SelectionRules: Sendable, Hashable {
    public var selections: Int
    public var onePerCountry: Bool
    /// The budget available per support type, KRW; a type not listed has no cap.
    public var budgetBySupportType: [String: Int]
    public var totalBudget: Int?
    public var reserveSize: Int

    public init(selections: Int = 4, onePerCountry: Bool = true, budgetBySupportType: [String: Int] = [:],
                totalBudget: Int? = nil, reserveSize: Int = 4) {
        self.selections = selections
        self.onePerCountry = onePerCountry
        self.budgetBySupportType = budgetBySupportType
        self.totalBudget = totalBudget
        self.reserveSize = reserveSize
    }
}

/// Why a proposal was or was not selected.
public enum SelectionReason: Sendable, Hashable, Codable {
    case selected
    /// Another proposal of the same country, ranked higher, was selected.
    case countryTaken(by: String)
    /// Its budget does not fit in what is left of its support type's budget.
    case supportTypeBudgetExceeded(supportType: String)
    /// Its budget does not fit in what is left of the call's total budget.
    case totalBudgetExceeded
    /// Taking it would leave fewer selections possible than the call can otherwise make.
    case wouldReduceSelections
    /// The selections were made from proposals ranked above it.
    case belowTheCut
}

public struct SelectionOutcome: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var proposal: String
        /// 1 for the best score, in the order of the ranking and the tie rule.
        public var rank: Int
        public var reason: SelectionReason
        /// 1, 2, … on the reserve list, which replaces a selection that falls away.
        public var reservePosition: Int?
    }

    /// Every candidate in rank order.
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }
    public var selected: [String] { entries.filter { $0.reason == .selected }.map(\.proposal) }
    public var reserve: [String] { entries.filter { $0.reservePosition != nil }.sorted { $0.reservePosition! < $1.reservePosition! }.map(\.proposal) }
}

/// The selection, exactly: as many selections as the rules allow (up to `selections`), and
/// among those the best by rank: a proposal is passed over only when taking it would break a
/// rule or make fewer selections possible. A greedy pick in rank order is wrong here: taking
/// a high-ranked proposal can exhaust a budget that two others would have fitted in, so every
/// step checks, by search, that the best possible number of selections can still be reached.
public enum Selection {
    public static let maximumCandidates = 60
    public static let maximumSelections = 10

    public static func select(_ candidates: [SelectionCandidate], rules: SelectionRules) throws(DomainError) -> SelectionOutcome {
        guard (1...maximumSelections).contains(rules.selections) else {
            throw .invalid([FieldIssue(field: "selections", code: "out-of-range", detail: "a call selects 1 to \(maximumSelections) proposals.")])
        }
        guard candidates.count <= maximumCandidates else {
            throw .invalid([FieldIssue(field: "candidates", code: "too-many", detail: "at most \(maximumCandidates) proposals can be ranked at once.")])
        }
        guard Set(candidates.map(\.proposal)).count == candidates.count else {
            throw .invalid([FieldIssue(field: "candidates", code: "duplicate", detail: "a proposal is listed twice.")])
        }
        let ranked = candidates.sorted { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.submittedAt != rhs.submittedAt { return lhs.submittedAt < rhs.submittedAt }
            return lhs.proposal < rhs.proposal
        }
        let search = SelectionSearch(ranked: ranked, rules: rules)
        let target = search.bestCount()

        var chosen: [Int] = []
        var reasons: [SelectionReason] = []
        for index in ranked.indices {
            if chosen.count == target {
                reasons.append(search.blockingRule(index, chosen: chosen) ?? .belowTheCut)
                continue
            }
            if let rule = search.blockingRule(index, chosen: chosen) {
                reasons.append(rule)
            } else if search.canComplete(chosen + [index], from: index + 1, to: target) {
                chosen.append(index)
                reasons.append(.selected)
            } else {
                reasons.append(.wouldReduceSelections)
            }
        }
        var reservePosition = 0
        let entries = ranked.enumerated().map { index, candidate in
            var entry = SelectionOutcome.Entry(proposal: candidate.proposal, rank: index + 1, reason: reasons[index], reservePosition: nil)
            if entry.reason != .selected, reservePosition < rules.reserveSize {
                reservePosition += 1
                entry.reservePosition = reservePosition
            }
            return entry
        }
        return SelectionOutcome(entries: entries)
    }
}

/// Depth-first search over the ranked candidates with the rules as pruning.
struct SelectionSearch {
    let ranked: [SelectionCandidate]
    let rules: SelectionRules

    /// The rule that stops `index` joining `chosen`, if any.
    func blockingRule(_ index: Int, chosen: [Int]) -> SelectionReason? {
        let candidate = ranked[index]
        if rules.onePerCountry, let other = chosen.first(where: { ranked[$0].country == candidate.country }) {
            return .countryTaken(by: ranked[other].proposal)
        }
        if let cap = rules.budgetBySupportType[candidate.supportType] {
            let used = chosen.filter { ranked[$0].supportType == candidate.supportType }.reduce(0) { $0 + ranked[$1].budget }
            if used + candidate.budget > cap { return .supportTypeBudgetExceeded(supportType: candidate.supportType) }
        }
        if let total = rules.totalBudget, chosen.reduce(0, { $0 + ranked[$1].budget }) + candidate.budget > total {
            return .totalBudgetExceeded
        }
        return nil
    }

    /// The most selections the rules allow, up to `rules.selections`.
    func bestCount() -> Int {
        var best = 0
        for count in stride(from: min(rules.selections, ranked.count), through: 1, by: -1) where canComplete([], from: 0, to: count) {
            best = count
            break
        }
        return best
    }

    /// Whether `chosen` can grow to `target` selections with candidates from `start` on.
    func canComplete(_ chosen: [Int], from start: Int, to target: Int) -> Bool {
        if chosen.count >= target { return true }
        let needed = target - chosen.count
        guard ranked.count - start >= needed else { return false }
        for index in start..<ranked.count where ranked.count - index >= needed {
            guard blockingRule(index, chosen: chosen) == nil else { continue }
            if canComplete(chosen + [index], from: index + 1, to: target) { return true }
        }
        return false
    }
}
