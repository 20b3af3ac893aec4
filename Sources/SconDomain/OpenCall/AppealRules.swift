import Foundation

/// Appeals: once results are published, an applicant may appeal its proposal's result within
/// the call's appeal period, once; an officer answers it on the record, once.
public enum AppealRules {
    /// The end of the appeal period (the first instant that is too late).
    public static func deadline(publishedAt: Date, days: Int) -> Date {
        publishedAt.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Nil when the appeal may be lodged now, else why not.
    public static func lodgingRefusal(callState: CallState, publishedAt: Date?, days: Int, alreadyLodged: Bool, now: Date) -> String? {
        guard callState == .published, let publishedAt else { return "appeals open when the results are published." }
        if alreadyLodged { return "this proposal's result was already appealed; an appeal is lodged once." }
        let end = deadline(publishedAt: publishedAt, days: days)
        if now >= end { return "the appeal period ended at \(AuditChain.timestamp(end)) (UTC)." }
        return nil
    }

    /// Checks the text of an appeal or an answer.
    public static func text(_ value: String?, field: String) throws(DomainError) -> String {
        var rules = FieldRules()
        let text = rules.text(value, field: field, min: 10, max: 8_000)
        try rules.check()
        return text
    }
}
