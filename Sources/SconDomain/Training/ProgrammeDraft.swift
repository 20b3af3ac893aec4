import Foundation

/// A training programme as the programme office writes it (and as the API receives it):
/// every field optional until `validated` checks them all at once and names each broken rule
/// by its JSON path (`title.ko`, `topics[1]`).
public struct ProgrammeDraft: Sendable, Hashable, Codable {
    public var code: String?
    public var title: LocalizedText?
    public var description: LocalizedText?
    public var topics: [String]?
    public var format: String?
    public var languages: [String]?
    public var lengthDays: Int?
    /// The host institution: an organisation of the directory (the server checks it exists).
    public var hostOrganisation: UUID?
    /// The call whose selected proposals it serves, if any.
    public var call: UUID?
    /// The supported project it comes with, if any.
    public var project: UUID?

    public init(code: String? = nil, title: LocalizedText? = nil, description: LocalizedText? = nil, topics: [String]? = nil, format: String? = nil,
                languages: [String]? = nil, lengthDays: Int? = nil, hostOrganisation: UUID? = nil, call: UUID? = nil, project: UUID? = nil) {
        self.code = code; self.title = title; self.description = description; self.topics = topics; self.format = format
        self.languages = languages; self.lengthDays = lengthDays; self.hostOrganisation = hostOrganisation; self.call = call; self.project = project
    }

    public static let maximumDays = 365
    public static let maximumTitle = 200
    public static let maximumDescription = 4_000

    /// A programme that passed every rule.
    public struct Terms: Sendable, Hashable {
        public var code: String
        public var title: LocalizedText
        public var description: LocalizedText
        public var topics: [TrainingTopic]
        public var format: TrainingFormat
        public var languages: [InstructionLanguage]
        public var lengthDays: Int
        public var hostOrganisation: UUID
        public var call: UUID?
        public var project: UUID?
    }

    /// Checks every rule and reports every broken one: code (1–40 of A–Z, 0–9 and dashes),
    /// title (1–200) and description (1–4,000) in both languages, at least one topic of the
    /// list (no repeats), a format, at least one language of instruction, 1–365 days, a host.
    public func validated() throws(DomainError) -> Terms {
        var rules = FieldRules()
        let codeText = rules.text(code, field: "code", max: 40).uppercased()
        if !codeText.isEmpty, !codeText.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) {
            rules.fail("code", "invalid", "code is made of letters A–Z, digits and dashes.")
        }
        let title = LocalizedText(en: rules.text(title?.en, field: "title.en", max: Self.maximumTitle),
                                  ko: rules.text(title?.ko, field: "title.ko", max: Self.maximumTitle))
        let description = LocalizedText(en: rules.text(description?.en, field: "description.en", max: Self.maximumDescription),
                                        ko: rules.text(description?.ko, field: "description.ko", max: Self.maximumDescription))
        let topics: [TrainingTopic] = Self.list(topics, field: "topics", what: "topic", rules: &rules)
        let languages: [InstructionLanguage] = Self.list(languages, field: "languages", what: "language of instruction", rules: &rules)
        let format = format.flatMap(TrainingFormat.init(rawValue:))
        if format == nil {
            rules.fail("format", self.format == nil ? "required" : "unknown",
                       "format is one of: \(TrainingFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let lengthDays {
            if !(1...Self.maximumDays).contains(lengthDays) { rules.fail("lengthDays", "out-of-range", "lengthDays is 1 to \(Self.maximumDays).") }
        } else {
            rules.fail("lengthDays", "required", "lengthDays is the programme's length in days, 1 to \(Self.maximumDays).")
        }
        if hostOrganisation == nil { rules.fail("hostOrganisation", "required", "hostOrganisation is the id of an organisation of the directory.") }
        try rules.check()
        return Terms(code: codeText, title: title, description: description, topics: topics, format: format!, languages: languages,
                     lengthDays: lengthDays!, hostOrganisation: hostOrganisation!, call: call, project: project)
    }

    /// A non-empty list of known codes without repeats, in the order given.
    static func list<Value: RawRepresentable & CaseIterable & Equatable>(_ texts: [String]?, field: String, what: String,
                                                                         rules: inout FieldRules) -> [Value] where Value.RawValue == String {
        var result: [Value] = []
        let texts = texts ?? []
        if texts.isEmpty { rules.fail(field, "required", "\(field) lists at least one \(what).") }
        for (index, text) in texts.enumerated() {
            guard let value = Value(rawValue: text) else {
                rules.fail("\(field)[\(index)]", "unknown", "a \(what) is one of: \(Value.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if result.contains(value) { rules.fail("\(field)[\(index)]", "duplicate", "\(text) is listed twice.") } else { result.append(value) }
        }
        return result
    }
}
