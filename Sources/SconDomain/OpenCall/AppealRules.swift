import Foundation

/// Appeals: once results are published, an applicant may appeal its proposal's result within
/// the call's appeal period, once; an officer answers it on the record, once.
public enum AppealRules {
    /// The end of the appeal period (the first instant that is too late).
    public static func deadline(publishedAt: Date, days: Int) -> Date {
        publishedAt.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Why an appeal cannot be lodged or answered.
    public enum Refusal: SconDomain.Refusal, Hashable {
        case notPublished
        case alreadyLodged
        case periodEnded(String)
        case alreadyAnswered

        public var key: String {
            switch self {
            case .notPublished: "appeal.notPublished"
            case .alreadyLodged: "appeal.alreadyLodged"
            case .periodEnded: "appeal.periodEnded"
            case .alreadyAnswered: "appeal.alreadyAnswered"
            }
        }

        public var values: [String: RefusalValue] {
            if case .periodEnded(let end) = self { return ["end": .text(end)] }
            return [:]
        }

        public var description: String {
            switch self {
            case .notPublished: "appeals open when the results are published."
            case .alreadyLodged: "this proposal's result was already appealed; an appeal is lodged once."
            case .periodEnded(let end): "the appeal period ended at \(end)."
            case .alreadyAnswered: "this appeal was answered; the answer is on the record."
            }
        }
    }

    /// Nil when the appeal may be lodged now, else why not.
    public static func lodgingRefusal(callState: CallState, publishedAt: Date?, days: Int, alreadyLodged: Bool, now: Date) -> Refusal? {
        guard callState == .published, let publishedAt else { return .notPublished }
        if alreadyLodged { return .alreadyLodged }
        let end = deadline(publishedAt: publishedAt, days: days)
        if now >= end { return .periodEnded("\(AuditChain.timestamp(end)) (UTC)") }
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
