import Foundation

/// A country's endorsement of its proposals to a call: an ordered list, best first, of at
/// most the call's limit, each a submitted proposal of that country, none twice.
public enum EndorsementRanking {
    public struct Candidate: Sendable, Hashable {
        public var id: UUID
        public var country: CountryCode
        public var state: ProposalState
        public init(id: UUID, country: CountryCode, state: ProposalState) {
            self.id = id; self.country = country; self.state = state
        }
    }

    /// The ranking as given, checked; `candidates` are the proposals the ids name.
    public static func validated(_ ranking: [UUID], country: CountryCode, limit: Int,
                                 candidates: [UUID: Candidate]) throws(DomainError) -> [UUID] {
        var rules = FieldRules()
        if ranking.count > limit {
            rules.fail("proposals", "too-many", "the call lets a country endorse at most \(limit) proposals; \(ranking.count) were given.")
        }
        var seen = Set<UUID>()
        for (index, id) in ranking.enumerated() {
            if !seen.insert(id).inserted {
                rules.fail("proposals[\(index)]", "duplicate", "a proposal is ranked once.")
                continue
            }
            guard let candidate = candidates[id] else {
                rules.fail("proposals[\(index)]", "unknown", "no proposal of this call has this id.")
                continue
            }
            if candidate.country != country {
                rules.fail("proposals[\(index)]", "other-country", "a focal point endorses only its own country's proposals.")
            } else if candidate.state != .submitted {
                rules.fail("proposals[\(index)]", "not-submitted", "only submitted proposals can be endorsed; this one is \(candidate.state.rawValue).")
            }
        }
        try rules.check()
        return ranking
    }
}
