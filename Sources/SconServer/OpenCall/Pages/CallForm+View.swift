import SconDomain
import Vapor

/// The form to write a call or change a draft: every term of the call, in both languages.
enum CallFormPage {
    struct Model {
        var callID: UUID?
        var draft: CallDraft
        var countries: [CountryDTO]
        var issues: [FieldIssue] = []
    }

    static let criterionRows = 6
    static let documentRows = 5

    static func render(_ page: PageContext, _ model: Model) -> HTML {
        var context = page
        context.labelPrefix = "callfield."
        let draft = model.draft
        let issues = model.issues
        let title = model.callID == nil ? context["calls.new"] : context["calls.edit"]
        let action = model.callID.map { OpenCallURL.callEdit(.value($0)).path } ?? OpenCallURL.callNew.path
        let offered = Set(draft.supportTypes ?? [])
        let supportBoxes: [HTML] = SupportType.allCases.map { type in
            checkbox("supportTypes[]", type.rawValue, context["supporttype.\(type.rawValue)"], offered.contains(type.rawValue))
        }
        let eligible = Set(draft.eligibleCountries ?? CountryCode.asean.map(\.value))
        let countryBoxes: [HTML] = model.countries.map { checkbox("eligibleCountries[]", $0.code, $0.name.text(in: context.language), eligible.contains($0.code)) }
        let zones = Array(Set(model.countries.flatMap(\.timeZones) + ["UTC"])).sorted()
        let budgetFields: [HTML] = SupportType.allCases.map { type in
            Components.textField(context, issues, field: "budgets.\(type.rawValue)", name: "budgets[\(type.rawValue)]",
                                 label: context["field.budgets.\(type.rawValue)"], value: shown(draft.budgets?[type.rawValue]),
                                 type: "number", hint: context["calls.budgetHint"])
        }
        let criteria = draft.criteria ?? []
        let criterionRows: [HTML] = (0..<criterionRows).map { index in
            let criterion = index < criteria.count ? criteria[index] : nil
            return """
            <fieldset class="field row"><legend>\(context.strings.format("calls.criterionRow", ["n": String(index + 1)]))</legend>
            <input type="hidden" name="criterionKey[]" value="\(criterion?.key ?? "")">
            <label>\(context["field.nameEn"]) <input name="criterionNameEn[]" lang="en" maxlength="200" value="\(criterion?.name.en ?? "")"></label>
            <label>\(context["field.nameKo"]) <input name="criterionNameKo[]" lang="ko" maxlength="200" value="\(criterion?.name.ko ?? "")"></label>
            <label class="short">\(context["field.weight"]) <input name="criterionWeight[]" type="number" min="1" max="100" value="\(shown(criterion?.weight) ?? "")"></label>
            </fieldset>
            """
        }
        let documents = draft.requiredDocuments ?? []
        let documentRows: [HTML] = (0..<documentRows).map { index in
            let document = index < documents.count ? documents[index] : nil
            return """
            <fieldset class="field row"><legend>\(context.strings.format("calls.documentRow", ["n": String(index + 1)]))</legend>
            <label>\(context["field.nameEn"]) <input name="documentEn[]" lang="en" maxlength="200" value="\(document?.en ?? "")"></label>
            <label>\(context["field.nameKo"]) <input name="documentKo[]" lang="ko" maxlength="200" value="\(document?.ko ?? "")"></label>
            </fieldset>
            """
        }
        let chosenRules = Set(draft.eligibilityRules ?? EligibilityRule.allCases.map(\.rawValue))
        let ruleBoxes: [HTML] = EligibilityRule.allCases.map { checkbox("eligibilityRules[]", $0.rawValue, context["eligibility.\($0.rawValue)"], chosenRules.contains($0.rawValue)) }
        let onePerCountry: HTML = (draft.onePerCountry ?? true) ? " checked" : ""
        let body: HTML = """
        <h1>\(title)</h1>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.textField(context, issues, field: "title.en", name: "titleEn", label: context["callfield.title.en"], value: draft.titleEn, required: true, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "title.ko", name: "titleKo", label: context["callfield.title.ko"], value: draft.titleKo, required: true, maxLength: 200, lang: "ko"))
        \(Components.textArea(context, issues, field: "text.en", name: "textEn", label: context["field.text.en"], value: draft.textEn, lang: "en"))
        \(Components.textArea(context, issues, field: "text.ko", name: "textKo", label: context["field.text.ko"], value: draft.textKo, lang: "ko"))
        <fieldset class="field"><legend>\(context["field.supportTypes"])</legend>\(Components.fieldError(context, issues, "supportTypes"))<div class="checks">\(supportBoxes)</div></fieldset>
        \(budgetFields)
        \(Components.textField(context, issues, field: "totalBudget", name: "totalBudget", label: context["field.totalBudget"], value: shown(draft.totalBudget), type: "number", hint: context["calls.budgetHint"]))
        <fieldset class="field"><legend>\(context["field.eligibleCountries"])</legend>\(Components.fieldError(context, issues, "eligibleCountries"))<div class="checks">\(countryBoxes)</div></fieldset>
        \(Components.textField(context, issues, field: "opensAt", name: "opensAt", label: context["field.opensAt"], value: draft.opensAt, type: "datetime-local", required: true, hint: context["calls.deadlineHint"]))
        \(Components.textField(context, issues, field: "closesAt", name: "closesAt", label: context["field.closesAt"], value: draft.closesAt, type: "datetime-local", required: true, hint: context["calls.deadlineHint"]))
        \(Components.select(context, field: "timeZone", name: "timeZone", label: context["field.timeZone"], options: zones.map { (value: $0, label: $0) }, selected: draft.timeZone ?? "Asia/Seoul", issues: issues))
        \(Components.textField(context, issues, field: "selections", name: "selections", label: context["field.selections"], value: shown(draft.selections ?? 4), type: "number"))
        <div class="field"><label class="check"><input type="checkbox" name="onePerCountry" value="on"\(onePerCountry)> \(context["field.onePerCountry"])</label></div>
        \(Components.textField(context, issues, field: "endorsementsPerCountry", name: "endorsementsPerCountry", label: context["field.endorsementsPerCountry"], value: shown(draft.endorsementsPerCountry ?? 3), type: "number"))
        <fieldset class="field"><legend>\(context["field.criteria"])</legend>
        <p class="hint">\(context["calls.criteriaHint"])</p>\(Components.fieldError(context, issues, "criteria"))
        \(criterionRows)
        </fieldset>
        \(Components.textField(context, issues, field: "scale", name: "scaleMinimum", label: context["field.scaleMinimum"], value: shown(draft.scaleMinimum ?? 1), type: "number"))
        \(Components.textField(context, issues, field: "scaleMaximum", name: "scaleMaximum", label: context["field.scaleMaximum"], value: shown(draft.scaleMaximum ?? 5), type: "number"))
        <fieldset class="field"><legend>\(context["field.requiredDocuments"])</legend>\(Components.fieldError(context, issues, "requiredDocuments"))
        \(documentRows)
        </fieldset>
        <div class="field"><label class="check"><input type="checkbox" name="sameCountryConflict" value="on"\(draft.sameCountryConflict == true ? HTML(raw: " checked") : HTML.empty)> \(context["field.sameCountryConflict"])</label></div>
        \(Components.textField(context, issues, field: "appealDays", name: "appealDays", label: context["field.appealDays"], value: shown(draft.appealDays ?? 14), type: "number"))
        <fieldset class="field"><legend>\(context["field.eligibilityRules"])</legend>\(Components.fieldError(context, issues, "eligibilityRules"))<div class="checks">\(ruleBoxes)</div></fieldset>
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.calls", body: body)
    }

    /// A number as the form shows it; text that was not a number (kept as -1, see `CallForm`)
    /// comes back empty, next to its error.
    private static func shown(_ number: Int?) -> String? {
        number.flatMap { $0 < 0 ? nil : String($0) }
    }

    private static func checkbox(_ name: String, _ value: String, _ label: String, _ checked: Bool) -> HTML {
        "<label class=\"check\"><input type=\"checkbox\" name=\"\(name)\" value=\"\(value)\"\(checked ? HTML(raw: " checked") : HTML.empty)> \(label)</label>"
    }
}
