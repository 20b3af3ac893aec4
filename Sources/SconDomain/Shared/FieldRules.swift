import Foundation

/// Collects the issues of one input while its fields are checked, so that a form or an
/// API call reports every broken rule at once.
public struct FieldRules: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func fail(_ field: String, _ code: String, _ detail: String) {
        issues.append(FieldIssue(field: field, code: code, detail: detail))
    }

    /// Trims the text and checks its length in characters; returns the trimmed text.
    @discardableResult
    public mutating func text(_ value: String?, field: String, min: Int = 1, max: Int) -> String {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count < min {
            fail(field, "required", min <= 1 ? "\(field) is required." : "\(field) needs at least \(min) characters.")
        } else if trimmed.count > max {
            fail(field, "too-long", "\(field) may have at most \(max) characters.")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            fail(field, "control-characters", "\(field) contains control characters.")
        }
        return trimmed
    }

    /// Like `text` but empty means nil.
    public mutating func optionalText(_ value: String?, field: String, max: Int) -> String? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        return text(trimmed, field: field, min: 1, max: max)
    }

    /// Throws `DomainError.invalid` when any rule failed.
    public func check() throws(DomainError) {
        if !issues.isEmpty { throw .invalid(issues) }
    }

    /// Throws `DomainError.badParameter` when any rule failed: for query parameters.
    public func checkParameters() throws(DomainError) {
        if !issues.isEmpty { throw .badParameter(issues) }
    }
}
