import Foundation

/// The rules of one call, checked: what it offers, to whom, until when, how it is scored and
/// how many are selected. Money is in KRW, which has no minor unit (ISO 4217 exponent 0).
public struct CallTerms: Sendable, Hashable, Codable {
    public var title: LocalizedText
    public var text: LocalizedText
    public var supportTypes: [SupportType]
    public var eligibleCountries: [CountryCode]
    public var schedule: CallSchedule
    public var selections: Int
    public var onePerCountry: Bool
    /// The budget available per support type, KRW; every offered type has one.
    public var budgets: [SupportType: Int]
    public var totalBudget: Int?
    /// How many proposals each country's focal point may endorse (and rank).
    public var endorsementsPerCountry: Int
    public var evaluation: EvaluationCriteria
    public var requiredDocuments: [LocalizedText]
    public var eligibilityRules: [EligibilityRule]
    /// Days after publication during which an applicant may appeal its result (nil: the
    /// programme's 14).
    public var appealDays: Int?
    /// Whether a reviewer working for an organisation of the proposal's country is in conflict
    /// (nil: no).
    public var sameCountryConflict: Bool?

    /// Whether the review counts the same country as a conflict.
    public var countsSameCountryAsConflict: Bool { sameCountryConflict ?? false }

    /// The appeal period in days.
    public var appealPeriodDays: Int { appealDays ?? 14 }

    /// The limits the selection applies (`Selection`).
    public var selectionRules: SelectionRules {
        SelectionRules(selections: selections, onePerCountry: onePerCountry,
                       budgetBySupportType: Dictionary(uniqueKeysWithValues: budgets.map { ($0.key.rawValue, $0.value) }),
                       totalBudget: totalBudget, reserveSize: selections)
    }
}

/// A call as an officer writes it: every field optional until `validated` checks them all.
public struct CallDraft: Sendable, Hashable {
    public var titleEn: String?
    public var titleKo: String?
    public var textEn: String?
    public var textKo: String?
    public var supportTypes: [String]?
    public var eligibleCountries: [String]?
    public var opensAt: String?
    public var closesAt: String?
    public var timeZone: String?
    public var selections: Int?
    public var onePerCountry: Bool?
    public var budgets: [String: Int]?
    public var totalBudget: Int?
    public var endorsementsPerCountry: Int?
    public var criteria: [Criterion]?
    public var scaleMinimum: Int?
    public var scaleMaximum: Int?
    public var requiredDocuments: [LocalizedText]?
    public var eligibilityRules: [String]?
    public var appealDays: Int?
    public var sameCountryConflict: Bool?

    public init() {}

    /// The most a call may give out in total: the fund's whole ASEAN earmark, 300 billion KRW.
    public static let budgetLimit = 300_000_000_000

    /// Checks every rule and reports every broken one. Missing optional parts take the
    /// programme's defaults: the ASEAN 10, 4 selections, one per country, a 1–5 scale,
    /// every eligibility rule.
    public func validated(knownCountries: Set<CountryCode>) throws(DomainError) -> CallTerms {
        var rules = FieldRules()
        let title = LocalizedText(en: rules.text(titleEn, field: "title.en", max: 200), ko: rules.text(titleKo, field: "title.ko", max: 200))
        let text = LocalizedText(en: rules.text(textEn, field: "text.en", min: 0, max: 20_000),
                                 ko: rules.text(textKo, field: "text.ko", min: 0, max: 20_000))

        var offered: [SupportType] = []
        for (index, code) in (supportTypes ?? []).enumerated() {
            guard let type = SupportType(rawValue: code) else {
                rules.fail("supportTypes[\(index)]", "unknown", "a support type is one of: \(SupportType.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if !offered.contains(type) { offered.append(type) }
        }
        if offered.isEmpty, supportTypes?.isEmpty ?? true { rules.fail("supportTypes", "required", "a call offers at least one support type.") }

        var countries: [CountryCode] = []
        for (index, code) in (eligibleCountries ?? CountryCode.asean.map(\.value)).enumerated() {
            guard let country = CountryCode(code), knownCountries.contains(country) else {
                rules.fail("eligibleCountries[\(index)]", "unknown", "\(code.prefix(10)) is not a country in the directory.")
                continue
            }
            if !countries.contains(country) { countries.append(country) }
        }
        if countries.isEmpty, eligibleCountries != nil, eligibleCountries!.isEmpty {
            rules.fail("eligibleCountries", "required", "a call is open to at least one country.")
        }

        let schedule = CallSchedule.validated(opens: opensAt, closes: closesAt, timeZone: timeZone, rules: &rules)

        let selections = self.selections ?? 4
        if !(1...Selection.maximumSelections).contains(selections) {
            rules.fail("selections", "out-of-range", "a call selects from 1 to \(Selection.maximumSelections) proposals.")
        }

        var budgets: [SupportType: Int] = [:]
        for (code, amount) in (self.budgets ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let type = SupportType(rawValue: code) else {
                rules.fail("budgets.\(code.prefix(40))", "unknown", "budgets are given per support type: \(SupportType.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if !offered.contains(type) {
                rules.fail("budgets.\(code)", "not-offered", "the call does not offer \(code); offer it or remove its budget.")
            } else if amount <= 0 || amount > Self.budgetLimit {
                rules.fail("budgets.\(code)", "out-of-range", "a budget is a whole number of KRW above 0 and at most \(Self.budgetLimit).")
            } else {
                budgets[type] = amount
            }
        }
        for type in offered where self.budgets?[type.rawValue] == nil {
            rules.fail("budgets.\(type.rawValue)", "required", "every offered support type needs its budget in KRW.")
        }
        if let totalBudget, totalBudget <= 0 || totalBudget > Self.budgetLimit {
            rules.fail("totalBudget", "out-of-range", "the total cap is a whole number of KRW above 0 and at most \(Self.budgetLimit).")
        }

        let endorsements = endorsementsPerCountry ?? 3
        if !(1...20).contains(endorsements) {
            rules.fail("endorsementsPerCountry", "out-of-range", "a country endorses from 1 to 20 proposals.")
        }

        var evaluation: EvaluationCriteria?
        do {
            evaluation = try EvaluationCriteria(criteria: criteria ?? [], scaleMinimum: scaleMinimum ?? 1, scaleMaximum: scaleMaximum ?? 5)
        } catch {
            if case .invalid(let issues) = error { for issue in issues { rules.fail(issue.field, issue.code, issue.detail) } }
        }

        var documents: [LocalizedText] = []
        for (index, document) in (requiredDocuments ?? []).enumerated() {
            documents.append(LocalizedText(en: rules.text(document.en, field: "requiredDocuments[\(index)].en", max: 200),
                                           ko: rules.text(document.ko, field: "requiredDocuments[\(index)].ko", max: 200)))
        }
        if documents.count > 20 { rules.fail("requiredDocuments", "too-many", "at most 20 required documents.") }

        var eligibility: [EligibilityRule] = []
        for (index, code) in (eligibilityRules ?? EligibilityRule.allCases.map(\.rawValue)).enumerated() {
            guard let rule = EligibilityRule(rawValue: code) else {
                rules.fail("eligibilityRules[\(index)]", "unknown", "an eligibility rule is one of: \(EligibilityRule.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if !eligibility.contains(rule) { eligibility.append(rule) }
        }

        if let appealDays, !(1...90).contains(appealDays) {
            rules.fail("appealDays", "out-of-range", "the appeal period is 1 to 90 days.")
        }

        try rules.check()
        return CallTerms(title: title, text: text, supportTypes: offered.sorted(), eligibleCountries: countries, schedule: schedule!,
                         selections: selections, onePerCountry: onePerCountry ?? true, budgets: budgets, totalBudget: totalBudget,
                         endorsementsPerCountry: endorsements, evaluation: evaluation!, requiredDocuments: documents,
                         eligibilityRules: eligibility, appealDays: appealDays,
                         sameCountryConflict: sameCountryConflict == true ? true : nil)
    }
}

extension CallDraft {
    /// The draft that keeps `terms` unchanged: the start of a partial update.
    public init(_ terms: CallTerms) {
        self.init()
        titleEn = terms.title.en; titleKo = terms.title.ko
        textEn = terms.text.en; textKo = terms.text.ko
        supportTypes = terms.supportTypes.map(\.rawValue)
        eligibleCountries = terms.eligibleCountries.map(\.value)
        opensAt = terms.schedule.opensLocal; closesAt = terms.schedule.closesLocal; timeZone = terms.schedule.timeZone
        selections = terms.selections
        onePerCountry = terms.onePerCountry
        budgets = Dictionary(uniqueKeysWithValues: terms.budgets.map { ($0.key.rawValue, $0.value) })
        totalBudget = terms.totalBudget
        endorsementsPerCountry = terms.endorsementsPerCountry
        criteria = terms.evaluation.criteria
        scaleMinimum = terms.evaluation.scaleMinimum; scaleMaximum = terms.evaluation.scaleMaximum
        requiredDocuments = terms.requiredDocuments
        eligibilityRules = terms.eligibilityRules.map(\.rawValue)
        appealDays = terms.appealDays
        sameCountryConflict = terms.sameCountryConflict
    }
}
