import Foundation

/// Where a proposal is in its life: written privately, submitted to the call, or withdrawn
/// by its organisation.
public enum ProposalState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case submitted
    case withdrawn
}

/// A proposal as its organisation writes it; `validated` checks every field at once.
/// Proposals are user content: they keep the language they were written in (`language`).
public struct ProposalDraft: Sendable, Hashable {
    public var cityID: UUID?
    public var title: String?
    public var problem: String?
    public var objectives: String?
    public var supportType: String?
    /// The budget estimate in whole KRW.
    public var budget: Int?
    public var counterpart: String?
    public var language: String?

    public init(cityID: UUID? = nil, title: String? = nil, problem: String? = nil, objectives: String? = nil,
                supportType: String? = nil, budget: Int? = nil, counterpart: String? = nil, language: String? = nil) {
        self.cityID = cityID; self.title = title; self.problem = problem; self.objectives = objectives
        self.supportType = supportType; self.budget = budget; self.counterpart = counterpart; self.language = language
    }

    /// Clean proposal fields.
    public struct Fields: Sendable, Hashable, Codable {
        public var cityID: UUID
        public var title: String
        public var problem: String
        public var objectives: String
        public var supportType: SupportType
        public var budget: Int
        public var counterpart: String
        public var language: Language

        public init(cityID: UUID, title: String, problem: String, objectives: String, supportType: SupportType,
                    budget: Int, counterpart: String, language: Language) {
            self.cityID = cityID; self.title = title; self.problem = problem; self.objectives = objectives
            self.supportType = supportType; self.budget = budget; self.counterpart = counterpart; self.language = language
        }
    }

    /// A draft may be saved incomplete in its texts, but what it names must exist: the city
    /// must be one of `cities` (its country given), in the applicant's country.
    public func validated(cities: [UUID: CountryCode], applicantCountry: CountryCode) throws(DomainError) -> Fields {
        var rules = FieldRules()
        let title = rules.text(title, field: "title", max: 200)
        let problem = rules.text(problem, field: "problem", min: 0, max: 8_000)
        let objectives = rules.text(objectives, field: "objectives", min: 0, max: 8_000)
        let counterpart = rules.text(counterpart, field: "counterpart", min: 0, max: 300)
        let type = SupportType(rawValue: supportType ?? "")
        if type == nil {
            rules.fail("supportType", supportType == nil ? "required" : "unknown",
                       "supportType is one of: \(SupportType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let budget, budget <= 0 || budget > CallDraft.budgetLimit {
            rules.fail("budget", "out-of-range", "the budget estimate is a whole number of KRW above 0 and at most \(CallDraft.budgetLimit).")
        } else if budget == nil {
            rules.fail("budget", "required", "the budget estimate is required, in whole KRW.")
        }
        let language = Language(rawValue: language ?? "en")
        if language == nil { rules.fail("language", "unknown", "language is en or ko.") }
        if let cityID {
            if let country = cities[cityID] {
                if country != applicantCountry {
                    rules.fail("city", "other-country", "the city must be in the applicant's country (\(applicantCountry.value)).")
                }
            } else {
                rules.fail("city", "unknown", "city is the id of a city in the directory.")
            }
        } else {
            rules.fail("city", "required", "city is required.")
        }
        try rules.check()
        return Fields(cityID: cityID!, title: title, problem: problem, objectives: objectives, supportType: type!,
                      budget: budget!, counterpart: counterpart, language: language!)
    }
}

extension ProposalDraft {
    public init(_ fields: Fields) {
        self.init(cityID: fields.cityID, title: fields.title, problem: fields.problem, objectives: fields.objectives,
                  supportType: fields.supportType.rawValue, budget: fields.budget, counterpart: fields.counterpart,
                  language: fields.language.rawValue)
    }
}
