import SconDomain
import Vapor

/// The forms to post or edit a challenge and a solution. They keep what was typed when a rule is
/// broken and say each rule next to its field, in the page's language.
enum MarketplaceFormPage {
    struct Options {
        var organisations: [(value: String, label: String)]
        var cities: [(value: String, label: String)]
    }

    /// `peopleText`: the number of people affected as typed (kept when it is not a number).
    static func challenge(_ page: PageContext, id: UUID?, draft: ChallengeDraft, peopleText: String?, publish: Bool, options: Options, issues: [FieldIssue]) -> HTML {
        var context = page
        context.labelPrefix = "marketfield."
        let title = id == nil ? context["market.challenge.new"] : context["market.challenge.edit"]
        let action = id.map { MarketplaceURL.challengeEdit(.value($0)).path } ?? MarketplaceURL.challengeNew.path
        let currencies = Currency.allCases.map { (value: $0.rawValue, label: $0.rawValue) }
        let body: HTML = """
        <h1>\(title)</h1>
        <p class="lead">\(context["market.challenge.explain"])</p>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.select(context, field: "organisation", name: "organisation", label: context["field.organisation"], options: options.organisations, selected: draft.organisationID.map { UUIDText.string($0) }, includeBlank: context["market.choose"], issues: issues))
        \(Components.select(context, field: "city", name: "city", label: context["field.city"], options: options.cities, selected: draft.cityID.map { UUIDText.string($0) }, includeBlank: context["market.choose"], issues: issues))
        \(sectorBoxes(context, draft.sectors, issues))
        \(languageSelect(context, draft.language, issues))
        \(Components.textField(context, issues, field: "title", name: "title", label: context["field.title"], value: draft.title, required: true, hint: context["market.original.hint"], maxLength: 300))
        \(Components.textArea(context, issues, field: "body", name: "body", label: context["field.body"], value: draft.body, hint: context["market.body.hint"]))
        \(Components.textField(context, issues, field: "titleKo", name: "titleKo", label: context["marketfield.titleKo"], value: draft.titleKo, maxLength: 300, lang: "ko"))
        \(Components.textArea(context, issues, field: "bodyKo", name: "bodyKo", label: context["marketfield.bodyKo"], value: draft.bodyKo, lang: "ko"))
        \(Components.textField(context, issues, field: "titleEn", name: "titleEn", label: context["marketfield.titleEn"], value: draft.titleEn, maxLength: 300, lang: "en"))
        \(Components.textArea(context, issues, field: "bodyEn", name: "bodyEn", label: context["marketfield.bodyEn"], value: draft.bodyEn, lang: "en"))
        \(Components.textField(context, issues, field: "peopleAffected", name: "peopleAffected", label: context["field.peopleAffected"], value: peopleText ?? draft.peopleAffected.map(String.init), hint: context["market.people.hint"], maxLength: 12))
        <fieldset class="field"><legend>\(context["market.budget"])</legend><p class="hint">\(context["market.budget.hint"])</p>
        \(Components.select(context, field: "budgetCurrency", name: "budgetCurrency", label: context["field.budgetCurrency"], options: currencies, selected: draft.budgetCurrency, includeBlank: "—", issues: issues))
        \(Components.textField(context, issues, field: "budgetMin", name: "budgetMin", label: context["field.budgetMin"], value: draft.budgetMin, maxLength: 30))
        \(Components.textField(context, issues, field: "budgetMax", name: "budgetMax", label: context["field.budgetMax"], value: draft.budgetMax, maxLength: 30))
        </fieldset>
        \(Components.textField(context, issues, field: "timing", name: "timing", label: context["field.timing"], value: draft.timing, hint: context["market.timing.hint"], maxLength: 200))
        \(Components.textField(context, issues, field: "contact", name: "contact", label: context["field.contact"], value: draft.contact, maxLength: 300))
        \(id == nil ? publishBox(context, publish) : HTML.empty)
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.marketplace", body: body)
    }

    static func solution(_ page: PageContext, id: UUID?, draft: SolutionDraft, publish: Bool, options: Options, issues: [FieldIssue]) -> HTML {
        var context = page
        context.labelPrefix = "marketfield."
        let title = id == nil ? context["market.solution.new"] : context["market.solution.edit"]
        let action = id.map { MarketplaceURL.solutionEdit(.value($0)).path } ?? MarketplaceURL.solutionNew.path
        let chosenLanguages = Set(draft.languages ?? [])
        let languageBoxes: [HTML] = ContentLanguage.allCases.map { language in
            let checked: HTML = chosenLanguages.contains(language.rawValue) ? " checked" : ""
            return "<label class=\"check\"><input type=\"checkbox\" name=\"languages[]\" value=\"\(language.rawValue)\"\(checked)> \(context["clang.\(language.rawValue)"])</label>"
        }
        let chosenCities = Set((draft.references ?? []).map { UUIDText.string($0) })
        let cityBoxes: [HTML] = options.cities.map { city in
            let checked: HTML = chosenCities.contains(city.value) ? " checked" : ""
            return "<label class=\"check\"><input type=\"checkbox\" name=\"references[]\" value=\"\(city.value)\"\(checked)> \(city.label)</label>"
        }
        let body: HTML = """
        <h1>\(title)</h1>
        <p class="lead">\(context["market.solution.explain"])</p>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.select(context, field: "organisation", name: "organisation", label: context["field.organisation"], options: options.organisations, selected: draft.organisationID.map { UUIDText.string($0) }, includeBlank: context["market.choose"], issues: issues))
        \(sectorBoxes(context, draft.sectors, issues))
        \(languageSelect(context, draft.language, issues))
        \(Components.textField(context, issues, field: "title", name: "title", label: context["field.title"], value: draft.title, required: true, hint: context["market.original.hint"], maxLength: 300))
        \(Components.textArea(context, issues, field: "body", name: "body", label: context["field.body"], value: draft.body, hint: context["market.body.hint"]))
        \(Components.textField(context, issues, field: "titleKo", name: "titleKo", label: context["marketfield.titleKo"], value: draft.titleKo, maxLength: 300, lang: "ko"))
        \(Components.textArea(context, issues, field: "bodyKo", name: "bodyKo", label: context["marketfield.bodyKo"], value: draft.bodyKo, lang: "ko"))
        \(Components.textField(context, issues, field: "titleEn", name: "titleEn", label: context["marketfield.titleEn"], value: draft.titleEn, maxLength: 300, lang: "en"))
        \(Components.textArea(context, issues, field: "bodyEn", name: "bodyEn", label: context["marketfield.bodyEn"], value: draft.bodyEn, lang: "en"))
        \(Components.select(context, field: "readiness", name: "readiness", label: context["field.readiness"], options: SolutionReadiness.allCases.map { ($0.rawValue, context["readiness.\($0.rawValue)"]) }, selected: draft.readiness, includeBlank: context["market.choose"], issues: issues))
        \(Components.select(context, field: "priceModel", name: "priceModel", label: context["field.priceModel"], options: PriceModel.allCases.map { ($0.rawValue, context["price.\($0.rawValue)"]) }, selected: draft.priceModel ?? PriceModel.negotiable.rawValue, issues: issues))
        <fieldset class="field"><legend>\(context["marketfield.languages"])</legend>\(Components.fieldError(context, issues, "languages"))<div class="checks">\(languageBoxes)</div></fieldset>
        <details class="field"><summary>\(context["field.references"])</summary>\(Components.fieldError(context, issues, "references"))<div class="checks">\(cityBoxes)</div></details>
        \(id == nil ? publishBox(context, publish) : HTML.empty)
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.marketplace", body: body)
    }

    static func sectorBoxes(_ context: PageContext, _ chosen: [String]?, _ issues: [FieldIssue]) -> HTML {
        let set = Set(chosen ?? [])
        let boxes: [HTML] = Sector.allCases.map { sector in
            let checked: HTML = set.contains(sector.rawValue) ? " checked" : ""
            return "<label class=\"check\"><input type=\"checkbox\" name=\"sectors[]\" value=\"\(sector.rawValue)\"\(checked)> \(context["sector.\(sector.rawValue)"])</label>"
        }
        return "<fieldset class=\"field\" id=\"\(Components.fieldID("sectors"))\"><legend>\(context["field.sectors"])</legend><p class=\"hint\">\(context["market.sectors.hint"])</p>\(Components.fieldError(context, issues, "sectors"))<div class=\"checks\">\(boxes)</div></fieldset>"
    }

    static func languageSelect(_ context: PageContext, _ selected: String?, _ issues: [FieldIssue]) -> HTML {
        Components.select(context, field: "language", name: "language", label: context["marketfield.language"],
                          options: ContentLanguage.allCases.map { ($0.rawValue, context["clang.\($0.rawValue)"]) },
                          selected: selected ?? context.language.rawValue, issues: issues)
    }

    static func publishBox(_ context: PageContext, _ publish: Bool) -> HTML {
        "<div class=\"field\"><label class=\"check\"><input type=\"checkbox\" name=\"publish\" value=\"true\"\(publish ? HTML(raw: " checked") : HTML.empty)> \(context["market.publish"])</label><p class=\"hint\">\(context["market.publish.hint"])</p></div>"
    }
}
