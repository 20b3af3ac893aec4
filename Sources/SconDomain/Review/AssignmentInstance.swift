/// A reviewer-assignment problem, in the JSON shape of `scon solve assignment`
/// (docs/assignment.md): each proposal needs `reviewsPerProposal` different reviewers, no
/// reviewer over its capacity, no conflicted pair; the total affinity is to be maximised.
/// A pair not listed in `affinity` scores 0 and is allowed unless it is a conflict.
public struct AssignmentInstance: Sendable, Hashable, Codable {
    public struct Reviewer: Sendable, Hashable, Codable {
        public var id: String
        public var capacity: Int
        public init(id: String, capacity: Int) {
            self.id = id
            self.capacity = capacity
        }
    }

    public struct Affinity: Sendable, Hashable, Codable {
        public var proposal: String
        public var reviewer: String
        public var score: Int
        public init(proposal: String, reviewer: String, score: Int) {
            self.proposal = proposal
            self.reviewer = reviewer
            self.score = score
        }
    }

    public struct Pair: Sendable, Hashable, Codable, Comparable {
        public var proposal: String
        public var reviewer: String
        public init(proposal: String, reviewer: String) {
            self.proposal = proposal
            self.reviewer = reviewer
        }
        public static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.proposal, lhs.reviewer) < (rhs.proposal, rhs.reviewer)
        }
    }

    public var reviewsPerProposal: Int
    public var proposals: [String]
    public var reviewers: [Reviewer]
    public var affinity: [Affinity]
    public var conflicts: [Pair]
    /// Pairs an officer fixed by hand: kept as they are, the rest is solved around them.
    public var pinned: [Pair]
    /// HotCRP-style balancing: the k-th review of a reviewer costs `loadBalancing × (k − 1)`
    /// affinity points, so that load spreads when affinities are close. 0 (default) is off.
    public var loadBalancing: Int
    /// The fairness option: maximise the weakest proposal's total affinity, then the total
    /// (`FairAssignment`). Cannot be combined with `loadBalancing`.
    public var fairness: Bool
    /// With the fairness option: the seconds its search may take (default 5, at most 3,600).
    /// When it runs out the answer is the best found, with bounds (`FairnessReport`).
    public var timeLimitSeconds: Double?

    /// The longest search the fairness option accepts.
    public static let maximumTimeLimit = 3_600.0

    public init(reviewsPerProposal: Int, proposals: [String], reviewers: [Reviewer], affinity: [Affinity] = [],
                conflicts: [Pair] = [], pinned: [Pair] = [], loadBalancing: Int = 0, fairness: Bool = false,
                timeLimitSeconds: Double? = nil) {
        self.reviewsPerProposal = reviewsPerProposal
        self.proposals = proposals
        self.reviewers = reviewers
        self.affinity = affinity
        self.conflicts = conflicts
        self.pinned = pinned
        self.loadBalancing = loadBalancing
        self.fairness = fairness
        self.timeLimitSeconds = timeLimitSeconds
    }

    enum CodingKeys: String, CodingKey {
        case reviewsPerProposal, proposals, reviewers, affinity, conflicts, pinned, loadBalancing, fairness, timeLimitSeconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reviewsPerProposal = try container.decode(Int.self, forKey: .reviewsPerProposal)
        proposals = try container.decode([String].self, forKey: .proposals)
        reviewers = try container.decode([Reviewer].self, forKey: .reviewers)
        affinity = try container.decodeIfPresent([Affinity].self, forKey: .affinity) ?? []
        conflicts = try container.decodeIfPresent([Pair].self, forKey: .conflicts) ?? []
        pinned = try container.decodeIfPresent([Pair].self, forKey: .pinned) ?? []
        loadBalancing = try container.decodeIfPresent(Int.self, forKey: .loadBalancing) ?? 0
        fairness = try container.decodeIfPresent(Bool.self, forKey: .fairness) ?? false
        timeLimitSeconds = try container.decodeIfPresent(Double.self, forKey: .timeLimitSeconds)
    }
}

/// The answer: the pairs (sorted by proposal, then reviewer) and the total affinity they score.
public struct AssignmentResult: Sendable, Hashable, Codable {
    public var assignments: [AssignmentInstance.Pair]
    /// The sum of the affinities of the assigned pairs.
    public var objective: Int
    /// The load-balancing penalty subtracted when `loadBalancing` > 0 (omitted when 0).
    public var balancingPenalty: Int?
    /// With the fairness option: the weakest proposal's total and what was proved about it.
    public var fairness: FairnessReport?

    public init(assignments: [AssignmentInstance.Pair], objective: Int, balancingPenalty: Int? = nil, fairness: FairnessReport? = nil) {
        self.assignments = assignments
        self.objective = objective
        self.balancingPenalty = balancingPenalty
        self.fairness = fairness
    }
}

/// What the fairness option reached, level by level. Level 1 is the weakest proposal's total
/// affinity; level 2 is the total affinity among the assignments whose weakest reaches
/// `weakest` (the answer's total is `AssignmentResult.objective`).
/// - `proven`: no assignment has a stronger weakest proposal (`weakest == weakestBound`).
/// - `totalProven`: no assignment whose weakest is at least `weakest` has a larger total
///   (`objective == totalBound`).
/// Both bounds hold whether or not the search finished: no assignment passes `weakestBound`,
/// and none whose weakest reaches `weakest` passes `totalBound`.
public struct FairnessReport: Sendable, Hashable, Codable {
    public var weakest: Int
    public var weakestBound: Int
    public var proven: Bool
    public var totalBound: Int
    public var totalProven: Bool

    public init(weakest: Int, weakestBound: Int, proven: Bool, totalBound: Int, totalProven: Bool) {
        self.weakest = weakest
        self.weakestBound = weakestBound
        self.proven = proven
        self.totalBound = totalBound
        self.totalProven = totalProven
    }

    enum CodingKeys: String, CodingKey {
        case weakest, weakestBound, proven, totalBound, totalProven
    }

    /// Reads reports written before the level-2 keys existed (then nothing is said of the total).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weakest = try container.decode(Int.self, forKey: .weakest)
        weakestBound = try container.decode(Int.self, forKey: .weakestBound)
        proven = try container.decode(Bool.self, forKey: .proven)
        totalBound = try container.decodeIfPresent(Int.self, forKey: .totalBound) ?? .max
        totalProven = try container.decodeIfPresent(Bool.self, forKey: .totalProven) ?? false
    }
}

/// Why an instance is refused or has no assignment; the text names the cause.
public enum AssignmentError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalid(String)
    case insufficientCapacity(needed: Int, available: Int)
    case tooFewEligibleReviewers(proposal: String, eligible: Int, needed: Int)
    case noAssignment(proposal: String)

    public var description: String {
        switch self {
        case .invalid(let reason):
            return "invalid instance: \(reason)"
        case .insufficientCapacity(let needed, let available):
            return "no assignment exists: the proposals need \(needed) reviews but the reviewers can take only \(available)"
        case .tooFewEligibleReviewers(let proposal, let eligible, let needed):
            return "no assignment exists: proposal \(proposal) needs \(needed) reviewers but only \(eligible) may review it (conflicts and capacity)"
        case .noAssignment(let proposal):
            return "no assignment exists: proposal \(proposal) cannot get enough reviewers once the others are served (the reviewers it may have are full)"
        }
    }
}

/// The instance checked and turned into dense arrays for the solver.
struct CompiledAssignment {
    let proposalIDs: [String]
    let reviewerIDs: [String]
    let k: Int
    /// Remaining capacity per reviewer after the pinned pairs.
    var capacity: [Int]
    /// Remaining reviews needed per proposal after the pinned pairs.
    var demand: [Int]
    /// `score[p * R + r]`: the affinity, or -1 where the pair may not be assigned (a conflict,
    /// or a pinned pair, which is already counted).
    var score: [Int32]
    let pinned: [(proposal: Int, reviewer: Int)]
    var maxScore: Int
    let loadBalancing: Int
    /// Reviews already taken by pinned pairs, per reviewer (for the balancing cost).
    let pinnedLoad: [Int]

    static let maximumScore = 1_000_000_000

    init(_ instance: AssignmentInstance) throws(AssignmentError) {
        let k = instance.reviewsPerProposal
        guard k >= 1 else { throw .invalid("reviewsPerProposal must be at least 1") }
        guard !instance.proposals.isEmpty else { throw .invalid("there are no proposals") }
        guard instance.loadBalancing >= 0, instance.loadBalancing <= 1_000_000 else {
            throw .invalid("loadBalancing must be between 0 and 1000000")
        }
        guard !instance.fairness || instance.loadBalancing == 0 else {
            throw .invalid("fairness and loadBalancing cannot be combined")
        }
        var proposalIndex: [String: Int] = [:]
        for (index, id) in instance.proposals.enumerated() {
            guard proposalIndex.updateValue(index, forKey: id) == nil else { throw .invalid("proposal \(id) is listed twice") }
        }
        var reviewerIndex: [String: Int] = [:]
        for (index, reviewer) in instance.reviewers.enumerated() {
            guard reviewerIndex.updateValue(index, forKey: reviewer.id) == nil else { throw .invalid("reviewer \(reviewer.id) is listed twice") }
            guard reviewer.capacity >= 0 else { throw .invalid("reviewer \(reviewer.id) has a negative capacity") }
        }
        let proposalCount = instance.proposals.count
        let reviewerCount = instance.reviewers.count
        func indices(_ proposal: String, _ reviewer: String, in list: String) throws(AssignmentError) -> (Int, Int) {
            guard let p = proposalIndex[proposal] else { throw .invalid("\(list) names unknown proposal \(proposal)") }
            guard let r = reviewerIndex[reviewer] else { throw .invalid("\(list) names unknown reviewer \(reviewer)") }
            return (p, r)
        }

        var score = [Int32](repeating: 0, count: proposalCount * reviewerCount)
        var seen = Set<Int>()
        var maxScore = 0
        for entry in instance.affinity {
            let (p, r) = try indices(entry.proposal, entry.reviewer, in: "affinity")
            guard entry.score >= 0, entry.score <= Self.maximumScore else {
                throw .invalid("the score of \(entry.proposal)/\(entry.reviewer) must be an integer from 0 to \(Self.maximumScore)")
            }
            guard seen.insert(p * reviewerCount + r).inserted else {
                throw .invalid("affinity lists \(entry.proposal)/\(entry.reviewer) twice")
            }
            score[p * reviewerCount + r] = Int32(entry.score)
            maxScore = max(maxScore, entry.score)
        }
        for pair in instance.conflicts {
            let (p, r) = try indices(pair.proposal, pair.reviewer, in: "conflicts")
            score[p * reviewerCount + r] = -1
        }

        var capacity = instance.reviewers.map(\.capacity)
        var demand = [Int](repeating: k, count: proposalCount)
        var pinned: [(proposal: Int, reviewer: Int)] = []
        var pinnedLoad = [Int](repeating: 0, count: reviewerCount)
        for pair in instance.pinned {
            let (p, r) = try indices(pair.proposal, pair.reviewer, in: "pinned")
            guard score[p * reviewerCount + r] >= 0 else {
                throw .invalid("pinned pair \(pair.proposal)/\(pair.reviewer) is a conflict or pinned twice")
            }
            guard demand[p] > 0 else { throw .invalid("proposal \(pair.proposal) has more than \(k) pinned reviewers") }
            guard capacity[r] > 0 else { throw .invalid("reviewer \(pair.reviewer) has more pinned proposals than its capacity") }
            pinned.append((p, r))
            demand[p] -= 1
            capacity[r] -= 1
            pinnedLoad[r] += 1
            score[p * reviewerCount + r] = -1 - score[p * reviewerCount + r]  // kept for the objective, not assignable
        }

        self.proposalIDs = instance.proposals
        self.reviewerIDs = instance.reviewers.map(\.id)
        self.k = k
        self.capacity = capacity
        self.demand = demand
        self.score = score
        self.pinned = pinned
        self.maxScore = maxScore
        self.loadBalancing = instance.loadBalancing
        self.pinnedLoad = pinnedLoad
    }

    var proposalCount: Int { proposalIDs.count }
    var reviewerCount: Int { reviewerIDs.count }

    /// The affinity of a pinned pair (stored as `-1 - score`).
    func pinnedScore(_ p: Int, _ r: Int) -> Int { Int(-1 - score[p * reviewerCount + r]) }

    /// Refuses instances that cannot be solved, naming the first cause found.
    func checkFeasibility() throws(AssignmentError) {
        let needed = demand.reduce(0, +)
        let available = capacity.reduce(0, +)
        guard available >= needed else { throw .insufficientCapacity(needed: needed + pinned.count, available: available + pinned.count) }
        for p in 0..<proposalCount where demand[p] > 0 {
            var eligible = 0
            for r in 0..<reviewerCount where score[p * reviewerCount + r] >= 0 && capacity[r] > 0 { eligible += 1 }
            guard eligible >= demand[p] else {
                throw .tooFewEligibleReviewers(proposal: proposalIDs[p], eligible: eligible + (k - demand[p]), needed: k)
            }
        }
    }
}
