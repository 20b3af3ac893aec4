/// Generated assignment instances for benchmarks and tests: heavy-tailed affinities (most
/// pairs score little, a few score high, as real expertise matches do), a share of conflicts,
/// and reviewer capacities with about 20% slack over the reviews needed. Deterministic for a seed.
public enum GeneratedAssignment {
    public static func instance(proposals: Int, reviewers: Int, reviewsPerProposal k: Int,
                                conflictShare: Double = 0.02, seed: UInt64 = 2020) -> AssignmentInstance {
        var random = SplitMix64(seed: seed)
        let proposalIDs = (0..<proposals).map { "p\($0 + 1)" }
        let reviewerIDs = (0..<reviewers).map { "r\($0 + 1)" }
        let fairShare = Double(proposals * k) / Double(max(reviewers, 1))
        var reviewerList = reviewerIDs.map { id in
            AssignmentInstance.Reviewer(id: id, capacity: Int((fairShare * (0.9 + 0.6 * random.nextUnit())).rounded(.up)))
        }
        let total = reviewerList.reduce(0) { $0 + $1.capacity }
        if total < proposals * k, !reviewerList.isEmpty { reviewerList[0].capacity += proposals * k - total }

        let (affinity, conflicts) = pairs(proposalIDs, reviewerIDs, conflictShare: conflictShare, &random)
        return AssignmentInstance(reviewsPerProposal: k, proposals: proposalIDs, reviewers: reviewerList,
                                  affinity: affinity, conflicts: conflicts)
    }

    /// The instances of issue 16, sized like a real round: every reviewer has the same
    /// capacity, by default ⌈1.1 × the reviews needed / reviewers⌉ (10 at 120 × 40 with k = 3),
    /// and the affinities and conflicts of `instance` (half the pairs listed with heavy-tailed
    /// scores `1 + 999·u⁵`, `conflictShare` of the pairs conflicted). Deterministic for a seed;
    /// bench/fairness/ generates the same instances in Python.
    public static func fixedCapacity(proposals: Int, reviewers: Int, reviewsPerProposal k: Int, capacity: Int? = nil,
                                     conflictShare: Double = 0.02, seed: UInt64 = 2020) -> AssignmentInstance {
        var random = SplitMix64(seed: seed)
        let each = capacity ?? (11 * proposals * k + 10 * max(reviewers, 1) - 1) / (10 * max(reviewers, 1))
        let proposalIDs = (0..<proposals).map { "p\($0 + 1)" }
        let reviewerIDs = (0..<reviewers).map { "r\($0 + 1)" }
        let (affinity, conflicts) = pairs(proposalIDs, reviewerIDs, conflictShare: conflictShare, &random)
        return AssignmentInstance(reviewsPerProposal: k, proposals: proposalIDs,
                                  reviewers: reviewerIDs.map { .init(id: $0, capacity: each) },
                                  affinity: affinity, conflicts: conflicts)
    }

    /// Instances where proposals compete for the same few experts, as in a call on a narrow
    /// subject: each reviewer has a general standing (heavy-tailed), each pair a fit around it,
    /// and a third of the proposals are niche (few reviewers know them at all). The largest
    /// total then leaves some proposal with weak reviewers, which the fairness option lifts.
    public static func contested(proposals: Int, reviewers: Int, reviewsPerProposal k: Int, seed: UInt64 = 2020) -> AssignmentInstance {
        var random = SplitMix64(seed: seed)
        var instance = instance(proposals: proposals, reviewers: reviewers, reviewsPerProposal: k, conflictShare: 0, seed: seed)
        let standing = (0..<reviewers).map { _ in random.nextUnit() }.map { 50 + 950 * $0 * $0 * $0 }
        var affinity: [AssignmentInstance.Affinity] = []
        for p in instance.proposals {
            let niche = random.nextUnit() < 0.33
            for (index, reviewer) in instance.reviewers.enumerated() where random.nextUnit() < (niche ? 0.15 : 0.8) {
                affinity.append(.init(proposal: p, reviewer: reviewer.id, score: Int(standing[index] * (0.6 + 0.4 * random.nextUnit()))))
            }
        }
        instance.affinity = affinity
        return instance
    }

    /// Half the pairs listed with heavy-tailed scores `1 + 999·u⁵` (u⁵ puts most of the mass near
    /// 0 and leaves a long tail up to 1000), `conflictShare` of them conflicted; the draws in the
    /// order bench/fairness/instances.py repeats.
    private static func pairs(_ proposalIDs: [String], _ reviewerIDs: [String], conflictShare: Double,
                              _ random: inout SplitMix64) -> ([AssignmentInstance.Affinity], [AssignmentInstance.Pair]) {
        var affinity: [AssignmentInstance.Affinity] = []
        var conflicts: [AssignmentInstance.Pair] = []
        affinity.reserveCapacity(proposalIDs.count * reviewerIDs.count / 2)
        for p in proposalIDs {
            for r in reviewerIDs {
                let draw = random.nextUnit()
                if draw < conflictShare {
                    conflicts.append(.init(proposal: p, reviewer: r))
                } else if draw < 0.5 {
                    let u = random.nextUnit()
                    affinity.append(.init(proposal: p, reviewer: r, score: 1 + Int(999 * u * u * u * u * u)))
                }
            }
        }
        return (affinity, conflicts)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
