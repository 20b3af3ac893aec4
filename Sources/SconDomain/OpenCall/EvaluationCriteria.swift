import Foundation

/// One criterion reviewers score, with its weight in percent.
public struct Criterion: Sendable, Hashable, Codable {
    public var key: String
    public var name: LocalizedText
    public var weight: Int

    public init(key: String, name: LocalizedText, weight: Int) {
        self.key = key
        self.name = name
        self.weight = weight
    }
}

/// The criteria of a call and the scale every criterion is scored on (for example 1 to 5).
/// Weights are whole percentages that sum to 100.
public struct EvaluationCriteria: Sendable, Hashable, Codable {
    public private(set) var criteria: [Criterion]
    public private(set) var scaleMinimum: Int
    public private(set) var scaleMaximum: Int

    public init(criteria: [Criterion], scaleMinimum: Int, scaleMaximum: Int) throws(DomainError) {
        var issues: [FieldIssue] = []
        if criteria.isEmpty { issues.append(FieldIssue(field: "criteria", code: "required", detail: "a call needs at least one criterion.")) }
        var keys = Set<String>()
        for (index, criterion) in criteria.enumerated() {
            if !criterion.key.isEmpty, !keys.insert(criterion.key).inserted {
                issues.append(FieldIssue(field: "criteria[\(index)].key", code: "duplicate", detail: "criterion \(criterion.key) is listed twice."))
            }
            if criterion.key.isEmpty || criterion.key.count > 40 || !criterion.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                issues.append(FieldIssue(field: "criteria[\(index)].key", code: "invalid", detail: "a key is 1 to 40 letters, digits or hyphens."))
            }
            if criterion.name.en.trimmingCharacters(in: .whitespaces).isEmpty || criterion.name.ko.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(FieldIssue(field: "criteria[\(index)].name", code: "required", detail: "a criterion needs a name in Korean and English."))
            }
            if criterion.weight < 1 || criterion.weight > 100 {
                issues.append(FieldIssue(field: "criteria[\(index)].weight", code: "out-of-range", detail: "a weight is a whole percentage from 1 to 100."))
            }
        }
        let total = criteria.reduce(0) { $0 + $1.weight }
        if !criteria.isEmpty, total != 100 {
            issues.append(FieldIssue(field: "criteria", code: "weights-sum", detail: "the weights sum to \(total); they must sum to 100."))
        }
        if scaleMinimum < 0 || scaleMaximum > 100 || scaleMinimum >= scaleMaximum {
            issues.append(FieldIssue(field: "scale", code: "invalid", detail: "the score scale runs from a minimum to a larger maximum, within 0 to 100."))
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        self.criteria = criteria
        self.scaleMinimum = scaleMinimum
        self.scaleMaximum = scaleMaximum
    }

    /// The weighted total of one review on a 0–100 scale, in hundredths (0...10_000), so that
    /// totals are exact integers. Every criterion must have a score on the scale.
    public func weightedTotal(_ scores: [String: Int]) throws(DomainError) -> Int {
        var issues: [FieldIssue] = []
        var numerator = 0
        let span = scaleMaximum - scaleMinimum
        for criterion in criteria {
            guard let score = scores[criterion.key] else {
                issues.append(FieldIssue(field: "scores.\(criterion.key)", code: "required", detail: "every criterion needs a score."))
                continue
            }
            guard (scaleMinimum...scaleMaximum).contains(score) else {
                issues.append(FieldIssue(field: "scores.\(criterion.key)", code: "out-of-range",
                                         detail: "a score runs from \(scaleMinimum) to \(scaleMaximum)."))
                continue
            }
            numerator += criterion.weight * (score - scaleMinimum)
        }
        for key in scores.keys where !criteria.contains(where: { $0.key == key }) {
            issues.append(FieldIssue(field: "scores.\(key)", code: "unknown", detail: "the call has no criterion \(key)."))
        }
        guard issues.isEmpty else { throw .invalid(issues.sorted { $0.field < $1.field }) }
        // Σ weight × (score − min) / span is on 0…100; × 100 for hundredths, rounded half up.
        return (numerator * 100 * 2 + span) / (2 * span)
    }
}
