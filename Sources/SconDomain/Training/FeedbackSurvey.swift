import Foundation

/// A cohort's feedback survey: questions answered on a scale of 1 to 5 or in free text, and
/// the summary an officer reads (responses, mean and distribution per scale question, the
/// free-text answers listed). Answers carry no names; the summary lists free text sorted,
/// not in the order people answered.
public struct FeedbackSurvey: Sendable, Hashable, Codable {
    public struct Question: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable { case scale, text }
        /// A stable key, `[a-z0-9-]`, 1–40 characters, unique in the survey.
        public var key: String
        public var kind: Kind
        public var text: LocalizedText
        public var required: Bool
        public init(key: String, kind: Kind, text: LocalizedText, required: Bool = false) {
            self.key = key; self.kind = kind; self.text = text; self.required = required
        }
    }

    /// One person's answer to one question.
    /// JSON: a number for a scale answer, a string for text.
    public enum Answer: Sendable, Hashable, Codable {
        case scale(Int)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) { self = .scale(value) } else { self = .text(try container.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .scale(let value): try container.encode(value)
            case .text(let text): try container.encode(text)
            }
        }
    }

    public static let scale = 1...5
    public var questions: [Question]

    /// The survey, checked: 1–40 questions, unique keys, texts in both languages.
    public init(questions: [Question]) throws(DomainError) {
        var rules = FieldRules()
        if questions.isEmpty || questions.count > 40 { rules.fail("questions", "out-of-range", "a survey has 1 to 40 questions.") }
        var keys = Set<String>()
        var checked: [Question] = []
        for (index, question) in questions.enumerated() {
            let key = question.key
            if key.isEmpty || key.count > 40 || !key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                rules.fail("questions[\(index)].key", "invalid", "a key is 1–40 characters a–z, 0–9 and -.")
            } else if !keys.insert(key).inserted {
                rules.fail("questions[\(index)].key", "duplicate", "each question has its own key.")
            }
            let text = LocalizedText(en: rules.text(question.text.en, field: "questions[\(index)].text.en", max: 500),
                                     ko: rules.text(question.text.ko, field: "questions[\(index)].text.ko", max: 500))
            checked.append(Question(key: key, kind: question.kind, text: text, required: question.required))
        }
        try rules.check()
        self.questions = checked
    }

    /// One response, checked: known keys only, a whole number 1–5 for a scale question, up
    /// to 4,000 characters for text, every required question answered. Empty text is no answer.
    public func validated(_ answers: [String: Answer]) throws(DomainError) -> [String: Answer] {
        var rules = FieldRules()
        var result: [String: Answer] = [:]
        for key in answers.keys.sorted() where !questions.contains(where: { $0.key == key }) {
            rules.fail("answers.\(key.prefix(40))", "unknown", "this survey has no question \(key.prefix(40)).")
        }
        for question in questions {
            let field = "answers.\(question.key)"
            switch (question.kind, answers[question.key]) {
            case (.scale, .scale(let value)?):
                if Self.scale.contains(value) { result[question.key] = .scale(value) } else {
                    rules.fail(field, "out-of-range", "a scale answer is a whole number from 1 to 5.")
                }
            case (.text, .text(let value)?):
                if let text = rules.optionalText(value, field: field, max: 4_000) { result[question.key] = .text(text) }
            case (_, nil): break
            case (.scale, _): rules.fail(field, "wrong-kind", "this question is answered on the scale 1 to 5.")
            case (.text, _): rules.fail(field, "wrong-kind", "this question is answered in words.")
            }
            if question.required, result[question.key] == nil, !rules.issues.contains(where: { $0.field == field }) {
                rules.fail(field, "required", "this question needs an answer.")
            }
        }
        try rules.check()
        return result
    }

    /// The summary of the responses (each already validated).
    public func summary(of responses: [[String: Answer]]) -> FeedbackSummary {
        let items = questions.map { question in
            var item = FeedbackSummary.Item(key: question.key, kind: question.kind, text: question.text)
            switch question.kind {
            case .scale:
                var distribution = [0, 0, 0, 0, 0]
                for response in responses {
                    if case .scale(let value)? = response[question.key], Self.scale.contains(value) { distribution[value - 1] += 1 }
                }
                let count = distribution.reduce(0, +)
                item.count = count
                item.distribution = distribution
                let sum = distribution.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
                item.mean = count == 0 ? nil : Double(sum) / Double(count)
            case .text:
                let texts = responses.compactMap { response -> String? in
                    if case .text(let text)? = response[question.key] { return text } else { return nil }
                }
                item.count = texts.count
                item.answers = texts.sorted()
            }
            return item
        }
        return FeedbackSummary(responses: responses.count, items: items)
    }
}

/// A survey's summary. JSON: `{"responses":12,"items":[{"key":"overall","kind":"scale","count":12,"mean":4.25,"distribution":[0,0,1,7,4]},{"key":"improve","kind":"text","count":3,"answers":[…]}]}`.
public struct FeedbackSummary: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var key: String
        public var kind: FeedbackSurvey.Question.Kind
        public var text: LocalizedText
        /// Responses that answered this question.
        public var count: Int = 0
        /// Scale: the mean of the answers, nil when nobody answered.
        public var mean: Double?
        /// Scale: how many answered 1, 2, 3, 4 and 5.
        public var distribution: [Int]?
        /// Text: the answers, sorted.
        public var answers: [String]?
    }

    public var responses: Int
    public var items: [Item]
}
