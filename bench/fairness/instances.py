"""The instances of issue 16, generated exactly as SconDomain's
`GeneratedAssignment.fixedCapacity` does (the same SplitMix64 stream, the same draws), so
that a seed names the same instance in Swift and here.

Every reviewer has the capacity ceil(1.1 * proposals * k / reviewers) (10 at 120 x 40,
k = 3); each pair is a conflict with probability `conflict_share` (2%), listed with a
heavy-tailed score 1 + floor(999 u^5) with probability 0.48, and unlisted (score 0,
allowed) otherwise.
"""

MASK = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 (Steele, Lea & Flood 2014), as SconDomain's `SplitMix64`."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0 ** -53


def fixed_capacity(proposals, reviewers, k, seed, capacity=None, conflict_share=0.02):
    """The instance as the JSON object `scon solve assignment` reads (fairness on)."""
    random = SplitMix64(seed)
    each = capacity if capacity is not None else (11 * proposals * k + 10 * reviewers - 1) // (10 * reviewers)
    proposal_ids = [f"p{i + 1}" for i in range(proposals)]
    reviewer_ids = [f"r{j + 1}" for j in range(reviewers)]
    affinity, conflicts = [], []
    for p in proposal_ids:
        for r in reviewer_ids:
            draw = random.unit()
            if draw < conflict_share:
                conflicts.append({"proposal": p, "reviewer": r})
            elif draw < 0.5:
                u = random.unit()
                affinity.append({"proposal": p, "reviewer": r, "score": 1 + int(999 * u * u * u * u * u)})
    return {
        "reviewsPerProposal": k,
        "proposals": proposal_ids,
        "reviewers": [{"id": r, "capacity": each} for r in reviewer_ids],
        "affinity": affinity,
        "conflicts": conflicts,
        "fairness": True,
    }


def contested(proposals, reviewers, k, seed):
    """As SconDomain's `GeneratedAssignment.contested` (the instances of `scon bench assignment`'s
    fairness table): capacities from `GeneratedAssignment.instance` (about 1.2 x the reviews
    needed, drawn per reviewer), no conflicts, every reviewer with a heavy-tailed standing
    50 + 950 u^3, each pair's score standing x (0.6 + 0.4 u), and a third of the proposals
    niche (15% of the reviewers know them, against 80%)."""
    base = SplitMix64(seed)
    fair_share = proposals * k / max(reviewers, 1)
    capacities = []
    for _ in range(reviewers):
        value = fair_share * (0.9 + 0.6 * base.unit())
        capacities.append(int(-(-value // 1)))  # rounded up, as Swift's .rounded(.up)
    if sum(capacities) < proposals * k and capacities:
        capacities[0] += proposals * k - sum(capacities)
    random = SplitMix64(seed)
    standing = [50 + 950 * u * u * u for u in [random.unit() for _ in range(reviewers)]]
    proposal_ids = [f"p{i + 1}" for i in range(proposals)]
    reviewer_ids = [f"r{j + 1}" for j in range(reviewers)]
    affinity = []
    for p in proposal_ids:
        niche = random.unit() < 0.33
        for index, r in enumerate(reviewer_ids):
            if random.unit() < (0.15 if niche else 0.8):
                affinity.append({"proposal": p, "reviewer": r, "score": int(standing[index] * (0.6 + 0.4 * random.unit()))})
    return {
        "reviewsPerProposal": k,
        "proposals": proposal_ids,
        "reviewers": [{"id": r, "capacity": c} for r, c in zip(reviewer_ids, capacities)],
        "affinity": affinity,
        "conflicts": [],
        "fairness": True,
    }
