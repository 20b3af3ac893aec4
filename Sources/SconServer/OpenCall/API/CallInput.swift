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
        let container = try decoder.strictFields(Self.keys, nonEmpty: true)
        title = try container.value("title", as: LocalizedTextInput.self)
        text = try container.value("text", as: LocalizedTextInput.self)
        supportTypes = try container.value("supportTypes", as: [String].self)
        eligibleCountries = try container.value("eligibleCountries", as: [String].self)
        opensAt = try container.value("opensAt", as: String.self)
        closesAt = try container.value("closesAt", as: String.self)
        timeZone = try container.value("timeZone", as: String.self)
        selections = try container.value("selections", as: Int.self)
        onePerCountry = try container.value("onePerCountry", as: Bool.self)
        budgets = try container.decodeIfPresent([String: Int].self, forKey: AnyCodingKey("budgets"))
        totalBudget = try container.patch(Int.self, forKey: AnyCodingKey("totalBudget"))
        endorsementsPerCountry = try container.value("endorsementsPerCountry", as: Int.self)
        criteria = try container.value("criteria", as: [CriterionInput].self)
        scale = try container.value("scale", as: ScaleInput.self)
        requiredDocuments = try container.value("requiredDocuments", as: [LocalizedTextInput].self)
        eligibilityRules = try container.value("eligibilityRules", as: [String].self)
        appealDays = try container.value("appealDays", as: Int.self)
        sameCountryConflict = try container.value("sameCountryConflict", as: Bool.self)
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
        to = try decoder.container(keyedBy: AnyCodingKey.self).decodeIfPresent(String.self, forKey: AnyCodingKey("to"))
    }
}
