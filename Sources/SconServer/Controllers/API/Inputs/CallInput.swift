import SconDomain
import Vapor

/// The body of `POST /api/v1/calls` and `PATCH /api/v1/calls/{id}`. Budgets are whole KRW.
struct CallInput: Decodable, Sendable {
    struct CriterionInput: Decodable, Sendable {
        var key: String
        var name: LocalizedTextInput
        var weight: Int
    }

    struct ScaleInput: Decodable, Sendable {
        var minimum: Int
        var maximum: Int
    }

    var title: LocalizedTextInput?
    var text: LocalizedTextInput?
    var supportTypes: [String]?
    var eligibleCountries: [String]?
    var opensAt: String?
    var closesAt: String?
    var timeZone: String?
    var selections: Int?
    var onePerCountry: Bool?
    var budgets: [String: Int]?
    var totalBudget: PatchField<Int>
    var endorsementsPerCountry: Int?
    var criteria: [CriterionInput]?
    var scale: ScaleInput?
    var requiredDocuments: [LocalizedTextInput]?
    var eligibilityRules: [String]?
    var appealDays: Int?
    var sameCountryConflict: Bool?

    static let keys: Set<String> = ["title", "text", "supportTypes", "eligibleCountries", "opensAt", "closesAt", "timeZone",
                                    "selections", "onePerCountry", "budgets", "totalBudget", "endorsementsPerCountry",
                                    "criteria", "scale", "requiredDocuments", "eligibilityRules", "appealDays", "sameCountryConflict"]

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: Self.keys)
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        title = try container.decodeIfPresent(LocalizedTextInput.self, forKey: key("title"))
        text = try container.decodeIfPresent(LocalizedTextInput.self, forKey: key("text"))
        supportTypes = try container.decodeIfPresent([String].self, forKey: key("supportTypes"))
        eligibleCountries = try container.decodeIfPresent([String].self, forKey: key("eligibleCountries"))
        opensAt = try container.decodeIfPresent(String.self, forKey: key("opensAt"))
        closesAt = try container.decodeIfPresent(String.self, forKey: key("closesAt"))
        timeZone = try container.decodeIfPresent(String.self, forKey: key("timeZone"))
        selections = try container.decodeIfPresent(Int.self, forKey: key("selections"))
        onePerCountry = try container.decodeIfPresent(Bool.self, forKey: key("onePerCountry"))
        budgets = try container.decodeIfPresent([String: Int].self, forKey: key("budgets"))
        totalBudget = try container.patch(Int.self, forKey: key("totalBudget"))
        endorsementsPerCountry = try container.decodeIfPresent(Int.self, forKey: key("endorsementsPerCountry"))
        criteria = try container.decodeIfPresent([CriterionInput].self, forKey: key("criteria"))
        scale = try container.decodeIfPresent(ScaleInput.self, forKey: key("scale"))
        requiredDocuments = try container.decodeIfPresent([LocalizedTextInput].self, forKey: key("requiredDocuments"))
        eligibilityRules = try container.decodeIfPresent([String].self, forKey: key("eligibilityRules"))
        appealDays = try container.decodeIfPresent(Int.self, forKey: key("appealDays"))
        sameCountryConflict = try container.decodeIfPresent(Bool.self, forKey: key("sameCountryConflict"))
    }

    /// `base` with the fields this input names replaced.
    func applied(to base: CallDraft) -> CallDraft {
        var draft = base
        if let title { draft.titleEn = title.en ?? draft.titleEn; draft.titleKo = title.ko ?? draft.titleKo }
        if let text { draft.textEn = text.en ?? draft.textEn; draft.textKo = text.ko ?? draft.textKo }
        if let supportTypes { draft.supportTypes = supportTypes }
        if let eligibleCountries { draft.eligibleCountries = eligibleCountries }
        if let opensAt { draft.opensAt = opensAt }
        if let closesAt { draft.closesAt = closesAt }
        if let timeZone { draft.timeZone = timeZone }
        if let selections { draft.selections = selections }
        if let onePerCountry { draft.onePerCountry = onePerCountry }
        if let budgets { draft.budgets = budgets }
        draft.totalBudget = totalBudget.applied(to: draft.totalBudget)
        if let endorsementsPerCountry { draft.endorsementsPerCountry = endorsementsPerCountry }
        if let criteria {
            draft.criteria = criteria.map { Criterion(key: $0.key, name: LocalizedText(en: $0.name.en ?? "", ko: $0.name.ko ?? ""), weight: $0.weight) }
        }
        if let scale { draft.scaleMinimum = scale.minimum; draft.scaleMaximum = scale.maximum }
        if let requiredDocuments { draft.requiredDocuments = requiredDocuments.map { LocalizedText(en: $0.en ?? "", ko: $0.ko ?? "") } }
        if let eligibilityRules { draft.eligibilityRules = eligibilityRules }
        if let appealDays { draft.appealDays = appealDays }
        if let sameCountryConflict { draft.sameCountryConflict = sameCountryConflict }
        return draft
    }
}

/// The body of `POST /api/v1/calls/{id}/transitions`: `{"to": "open"}`.
struct CallTransitionInput: Decodable, Sendable {
    var to: String?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["to"])
        to = try decoder.container(keyedBy: AnyCodingKey.self).decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "to"))
    }
}
