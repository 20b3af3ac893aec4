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

    /// The fields of the body, declared once: decoding and the check for unknown fields use them.

    enum Field: String, CodingKey, CaseIterable {

        case title, text, supportTypes, eligibleCountries, opensAt, closesAt, timeZone, selections, onePerCountry, budgets, totalBudget, endorsementsPerCountry, criteria, scale, requiredDocuments, eligibilityRules, appealDays, sameCountryConflict

    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self, nonEmpty: true)
        title = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .title)
        text = try container.decodeIfPresent(LocalizedTextInput.self, forKey: .text)
        supportTypes = try container.decodeIfPresent([String].self, forKey: .supportTypes)
        eligibleCountries = try container.decodeIfPresent([String].self, forKey: .eligibleCountries)
        opensAt = try container.decodeIfPresent(String.self, forKey: .opensAt)
        closesAt = try container.decodeIfPresent(String.self, forKey: .closesAt)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
        selections = try container.decodeIfPresent(Int.self, forKey: .selections)
        onePerCountry = try container.decodeIfPresent(Bool.self, forKey: .onePerCountry)
        budgets = try container.decodeIfPresent([String: Int].self, forKey: .budgets)
        totalBudget = try container.patch(Int.self, forKey: .totalBudget)
        endorsementsPerCountry = try container.decodeIfPresent(Int.self, forKey: .endorsementsPerCountry)
        criteria = try container.decodeIfPresent([CriterionInput].self, forKey: .criteria)
        scale = try container.decodeIfPresent(ScaleInput.self, forKey: .scale)
        requiredDocuments = try container.decodeIfPresent([LocalizedTextInput].self, forKey: .requiredDocuments)
        eligibilityRules = try container.decodeIfPresent([String].self, forKey: .eligibilityRules)
        appealDays = try container.decodeIfPresent(Int.self, forKey: .appealDays)
        sameCountryConflict = try container.decodeIfPresent(Bool.self, forKey: .sameCountryConflict)
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

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case to
    }

    init(from decoder: any Decoder) throws {
        to = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .to)
    }
}
