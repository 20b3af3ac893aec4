import SconDomain
import Vapor

/// The form to register or edit an organisation, in both languages.
enum OrganisationFormPage {
    struct Model {
        var organisationID: UUID?
        var draft: OrganisationDraft
        var countries: [CountryDTO]
        var issues: [FieldIssue] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let draft = model.draft
        let issues = model.issues
        let title = model.organisationID == nil ? context["organisation.new"] : context["organisation.edit"]
        let action = model.organisationID.map { DirectoryURL.organisationEdit(.value($0)).path } ?? DirectoryURL.organisationNew.path
        let types = OrganisationType.allCases.map { (value: $0.rawValue, label: context["orgtype.\($0.rawValue)"]) }
        let chosen = Set(draft.sectors ?? [])
        let sectorBoxes: [HTML] = Sector.allCases.map { sector in
            let checked: HTML = chosen.contains(sector.rawValue) ? " checked" : ""
            return "<label class=\"check\"><input type=\"checkbox\" name=\"sectors[]\" value=\"\(sector.rawValue)\"\(checked)> \(context["sector.\(sector.rawValue)"])</label>"
        }
        let body: HTML = """
        <h1>\(title)</h1>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.textField(context, issues, field: "name.en", name: "nameEn", label: context["field.nameEn"], value: draft.nameEn, required: true, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "name.ko", name: "nameKo", label: context["field.nameKo"], value: draft.nameKo, required: true, maxLength: 200, lang: "ko"))
        \(Components.textField(context, issues, field: "acronym", name: "acronym", label: context["field.acronym"], value: draft.acronym, maxLength: 20))
        \(Components.select(context, field: "type", name: "type", label: context["field.type"], options: types, selected: draft.type, issues: issues))
        \(Components.select(context, field: "country", name: "country", label: context["field.country"], options: model.countries.options(context.language), selected: draft.country, issues: issues))
        <fieldset class="field"><legend>\(context["field.sectors"])</legend>\(Components.fieldError(context, issues, "sectors"))<div class="checks">\(sectorBoxes)</div></fieldset>
        \(Components.textField(context, issues, field: "website", name: "website", label: context["field.website"], value: draft.website, type: "url", maxLength: 300))
        \(Components.textArea(context, issues, field: "description.en", name: "descriptionEn", label: context["field.descriptionEn"], value: draft.descriptionEn, lang: "en"))
        \(Components.textArea(context, issues, field: "description.ko", name: "descriptionKo", label: context["field.descriptionKo"], value: draft.descriptionKo, lang: "ko"))
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.organisations", body: body)
    }
}
