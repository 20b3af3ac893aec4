/// Which proposals of a call are ranked, and by what score: those that pass every
/// eligibility rule of the call and have at least one submitted review, by their normalised
/// score rounded to hundredths. The others are listed with why they are not ranked.
public enum SelectionPool {
    public struct Entry: Sendable, Hashable {
        public var proposal: String
        public var facts: EligibilityFacts
        public var submittedAt: String

        public init(proposal: String, facts: EligibilityFacts, submittedAt: String) {
            self.proposal = proposal; self.facts = facts; self.submittedAt = submittedAt
        }
    }

    public struct Ranking: Sendable, Hashable {
        public var candidates: [SelectionCandidate]
        public var scores: [String: Double]
        /// `not-eligible: rule, rule` or `not-reviewed`, by proposal.
        public var unranked: [String: String]
    }

    public static func ranking(_ entries: [Entry], standings: [ProposalStanding], terms: CallTerms) -> Ranking {
        let byProposal = Dictionary(standings.map { ($0.proposal, $0) }, uniquingKeysWith: { first, _ in first })
        var ranking = Ranking(candidates: [], scores: [:], unranked: [:])
        for entry in entries {
            let failed = Eligibility.check(entry.facts, against: terms).filter { !$0.passed }
            if !failed.isEmpty {
                ranking.unranked[entry.proposal] = "not-eligible: " + failed.map(\.rule.rawValue).joined(separator: ", ")
                continue
            }
            guard let standing = byProposal[entry.proposal] else { ranking.unranked[entry.proposal] = "not-reviewed"; continue }
            let score = (standing.normalizedScore * 100).rounded() / 100
            ranking.scores[entry.proposal] = score
            ranking.candidates.append(SelectionCandidate(proposal: entry.proposal, country: entry.facts.country.value,
                                                         supportType: entry.facts.supportType.rawValue, budget: entry.facts.budget,
                                                         score: score, submittedAt: entry.submittedAt))
        }
        return ranking
    }
}
