/// One submitted review's weighted total (hundredths of a point on 0–100).
public struct SubmittedReview: Sendable, Hashable {
    public var reviewer: String
    public var proposal: String
    public var total: Int

    public init(reviewer: String, proposal: String, total: Int) {
        self.reviewer = reviewer
        self.proposal = proposal
        self.total = total
    }
}

/// A proposal's scores across its reviews.
public struct ProposalStanding: Sendable, Hashable {
    public var proposal: String
    public var reviewCount: Int
    /// The mean of the raw weighted totals, 0–100.
    public var rawMean: Double
    /// The mean of the reviewers' z-scores: how far above or below each reviewer's own average
    /// this proposal was, in that reviewer's standard deviations.
    public var normalizedMean: Double
    /// The normalised mean put back on the 0–100 scale (the mean and spread of all reviews).
    public var normalizedScore: Double
    /// The largest minus the smallest raw total, 0–100.
    public var spread: Double
    /// The reviewers disagree strongly: the spread is over the call's threshold.
    public var needsConsensus: Bool
}

/// Raw and per-reviewer normalised scores, so that a harsh or lenient reviewer does not
/// decide alone, and the flag for a consensus discussion.
public enum ReviewScoring {
    /// - Parameter disagreementThreshold: the spread (in points, 0–100) above which a proposal is
    ///   flagged; 25 by default.
    public static func standings(_ reviews: [SubmittedReview], disagreementThreshold: Double = 25) -> [ProposalStanding] {
        guard !reviews.isEmpty else { return [] }
        var byReviewer: [String: [Double]] = [:]
        for review in reviews { byReviewer[review.reviewer, default: []].append(Double(review.total) / 100) }
        let reviewerStats = byReviewer.mapValues(meanAndDeviation)
        let all = reviews.map { Double($0.total) / 100 }
        let (overallMean, overallDeviation) = meanAndDeviation(all)

        var byProposal: [String: [(raw: Double, z: Double)]] = [:]
        for review in reviews {
            let raw = Double(review.total) / 100
            let (mean, deviation) = reviewerStats[review.reviewer] ?? (raw, 0)
            // One review, or all alike: the reviewer tells nothing relative, z = 0.
            let z = deviation > 0 ? (raw - mean) / deviation : 0
            byProposal[review.proposal, default: []].append((raw, z))
        }
        return byProposal.map { proposal, values in
            let raws = values.map(\.raw)
            let rawMean = raws.reduce(0, +) / Double(raws.count)
            let zMean = values.map(\.z).reduce(0, +) / Double(values.count)
            let spread = (raws.max() ?? 0) - (raws.min() ?? 0)
            let normalized = min(100, max(0, overallMean + zMean * overallDeviation))
            return ProposalStanding(proposal: proposal, reviewCount: values.count, rawMean: rawMean, normalizedMean: zMean,
                                    normalizedScore: normalized, spread: spread,
                                    needsConsensus: values.count > 1 && spread > disagreementThreshold)
        }.sorted { $0.proposal < $1.proposal }
    }

    /// The mean and the population standard deviation.
    static func meanAndDeviation(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}
