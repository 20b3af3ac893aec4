import Foundation

/// An official's application to a cohort and the moves it can make. Each move is a
/// mutating method that either changes the application or throws a `Refusal` and changes
/// nothing; times are instants compared on the server's clock with the cohort's deadlines.
public struct TraineeApplication: Sendable, Hashable, Codable {
    public let id: UUID
    public var country: CountryCode
    /// The applicant's organisation: the one that nominates.
    public var organisation: UUID
    public var level: GovernmentLevel
    public var state: TraineeApplicationState = .draft
    public var motivation: String = ""
    public var actionPlanIdea: String = ""
    /// Indexes of the cohort's `requiredDocuments` that are attached.
    public var documents: Set<Int> = []
    public var submittedAt: Date?
    public var nominatedAt: Date?
    /// The focal point's rank of this official among the country's nominees (1 is first).
    public var rank: Int?
    /// Until when a seat offer may be accepted (the first instant that is late).
    public var offerDeadline: Date?

    public init(id: UUID, country: CountryCode, organisation: UUID, level: GovernmentLevel) {
        self.id = id
        self.country = country
        self.organisation = organisation
        self.level = level
    }

    /// Who withdraws: the official, or an officer (with a reason kept by the caller).
    public enum Withdrawer: String, Sendable, Hashable, Codable { case applicant, officer }

    /// Checks the texts; a draft may be saved incomplete.
    public static func validatedTexts(motivation: String?, actionPlanIdea: String?) throws(DomainError) -> (motivation: String, actionPlanIdea: String) {
        var rules = FieldRules()
        let motivation = rules.text(motivation, field: "motivation", min: 0, max: 4_000)
        let idea = rules.text(actionPlanIdea, field: "actionPlanIdea", min: 0, max: 4_000)
        try rules.check()
        return (motivation, idea)
    }

    /// Submits a complete draft within the application window, for an eligible official.
    public mutating func submit(terms: CohortTerms, at now: Date) throws(Refusal) {
        guard state == .draft else { throw .wrongState(state, action: .submit) }
        if now >= terms.window.closesAt { throw .applicationClosed(deadline: terms.window.deadlineText) }
        if now < terms.window.opensAt { throw .notYetOpen(opens: terms.window.opensText) }
        guard terms.eligibleCountries.contains(country) else { throw .countryNotEligible(country) }
        guard terms.eligibleLevels.contains(level) else { throw .levelNotEligible(level) }
        var missing: [String] = []
        if motivation.isEmpty { missing.append("motivation") }
        if actionPlanIdea.isEmpty { missing.append("actionPlanIdea") }
        for index in terms.requiredDocuments.indices where !documents.contains(index) { missing.append("documents[\(index)]") }
        guard missing.isEmpty else { throw .incomplete(missing) }
        state = .submitted
        submittedAt = now
    }

    /// The applicant's organisation nominates the submitted application, before ranking closes.
    public mutating func nominate(by organisation: UUID, terms: CohortTerms, at now: Date) throws(Refusal) {
        guard organisation == self.organisation else { throw .otherOrganisation }
        guard state == .submitted else { throw .wrongState(state, action: .nominate) }
        if !terms.window.acceptsRanking(at: now) { throw .rankingClosed(deadline: terms.window.rankingDeadlineText) }
        state = .nominated
        nominatedAt = now
    }

    /// The focal point of `focalCountry` ranks the nominated (or re-ranks the ranked)
    /// application, before ranking closes. `TraineeRanking` ranks a country's list at once.
    public mutating func rank(_ position: Int, byFocalPointOf focalCountry: CountryCode, terms: CohortTerms, at now: Date) throws(Refusal) {
        guard focalCountry == country else { throw .otherCountry(country) }
        guard state == .nominated || state == .ranked else {
            throw state == .submitted || state == .draft ? .notNominated : .wrongState(state, action: .rank)
        }
        if !terms.window.acceptsRanking(at: now) { throw .rankingClosed(deadline: terms.window.rankingDeadlineText) }
        guard position >= 1 else { throw .wrongState(state, action: .rank) }
        state = .ranked
        rank = position
    }

    /// The focal point takes the application out of the ranking (it stays nominated).
    public mutating func unrank(byFocalPointOf focalCountry: CountryCode, terms: CohortTerms, at now: Date) throws(Refusal) {
        guard focalCountry == country else { throw .otherCountry(country) }
        guard state == .ranked else { throw .wrongState(state, action: .rank) }
        if !terms.window.acceptsRanking(at: now) { throw .rankingClosed(deadline: terms.window.rankingDeadlineText) }
        state = .nominated
        rank = nil
    }

    /// Records the confirmed selection's decision. A selected official gets the cohort's
    /// days to accept, counted from `confirmedAt`, but never past the cohort's start.
    public mutating func record(_ decision: TraineeDecision, terms: CohortTerms, confirmedAt: Date) throws(Refusal) {
        guard state.awaitsDecision else { throw .wrongState(state, action: .decide) }
        switch decision.outcome {
        case .selected:
            state = .selected
            offerDeadline = Waitlist.offerDeadline(from: confirmedAt, days: terms.acceptanceDays, offersEnd: terms.startsAt)
        case .waitlisted: state = .waitlisted
        case .notSelected: state = .notSelected
        }
    }

    /// Moves a waitlisted official up: a seat is offered until `deadline` (`Waitlist`).
    public mutating func offer(until deadline: Date) throws(Refusal) {
        guard state == .waitlisted else { throw .wrongState(state, action: .offer) }
        state = .selected
        offerDeadline = deadline
    }

    /// The official accepts the offered seat before its deadline.
    public mutating func accept(at now: Date) throws(Refusal) {
        guard state == .selected, let offerDeadline else { throw .wrongState(state, action: .respond) }
        if now >= offerDeadline { throw .offerExpired(deadline: AuditChain.timestamp(offerDeadline)) }
        state = .accepted
    }

    /// The official declines the offer, or leaves the waitlist.
    public mutating func decline() throws(Refusal) {
        guard state == .selected || state == .waitlisted else { throw .wrongState(state, action: .respond) }
        state = .declined
    }

    /// An offer not accepted by its deadline lapses: the application counts as declined.
    public mutating func lapse(at now: Date) throws(Refusal) {
        guard state == .selected, let offerDeadline, now >= offerDeadline else { throw .wrongState(state, action: .lapse) }
        state = .declined
    }

    /// Withdrawn by the official or an officer, at any time before the result of the cohort.
    public mutating func withdraw(by withdrawer: Withdrawer, terms: CohortTerms, at now: Date) throws(Refusal) {
        guard !state.isFinal else { throw .wrongState(state, action: .withdraw) }
        if state == .accepted, now >= terms.endsAt { throw .wrongState(state, action: .withdraw) }
        state = .withdrawn
    }

    /// After the cohort's last day, an accepted trainee completes or not by the rule.
    public mutating func finish(_ evaluation: CompletionRule.Evaluation, terms: CohortTerms, at now: Date) throws(Refusal) {
        guard state == .accepted else { throw .wrongState(state, action: .finish) }
        if now < terms.endsAt { throw .cohortNotEnded(ends: "\(terms.dates.end) (\(terms.venueTimeZone))") }
        state = evaluation.completed ? .completed : .notCompleted
    }
}
