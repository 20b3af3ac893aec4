import SconDomain
import Vapor

/// A reviewer's own profile: what it knows, how much it can take, whether it is available.
enum ReviewerProfilePage {
    struct Model {
        var profile: ReviewerProfile
        var countries: [CountryDTO]
        var issues: [FieldIssue] = []
        var message: String? = nil
        /// The periods of absence as typed, when the form comes back with errors.
        var unavailableText: String? = nil
        /// The capacity as typed, when the form comes back with errors.
        var capacityText: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let profile = model.profile
        func box(_ name: String, _ value: String, _ label: String, _ checked: Bool, lang: String? = nil) -> HTML {
            let own: HTML = lang.map { " lang=\"\($0)\"" } ?? .empty
            return "<label class=\"check\"\(own)><input type=\"checkbox\" name=\"\(name)\" value=\"\(value)\"\(checked ? HTML(raw: " checked") : HTML.empty)> \(label)</label>"
        }
        let sectors: [HTML] = Sector.allCases.map { box("sectors[]", $0.rawValue, context["sector.\($0.rawValue)"], profile.sectors.contains($0)) }
        let chosen = Set(profile.countries.map(\.value))
        let countries: [HTML] = model.countries.map { box("countries[]", $0.code, $0.name.text(in: context.language), chosen.contains($0.code)) }
        let languages: [HTML] = [box("languages[]", "en", "English", profile.languages.contains(.en), lang: "en"), box("languages[]", "ko", "한국어", profile.languages.contains(.ko), lang: "ko")]
        let message: HTML = Components.notice(model.message)
        let body: HTML = """
        <h1>\(context["reviewer.title"])</h1>
        <p class="lead">\(context["reviewer.lead"])</p>
        \(message)\(Components.errorSummary(context, model.issues))
        <form method="post" action="\(ReviewURL.reviewerProfile.path)" class="stacked" novalidate>
        \(context.csrfField)
        <fieldset class="field"><legend>\(context["field.sectors"])</legend><div class="checks">\(sectors)</div></fieldset>
        <fieldset class="field"><legend>\(context["reviewer.countries"])</legend><div class="checks">\(countries)</div></fieldset>
        <fieldset class="field"><legend>\(context["reviewer.languages"])</legend>\(Components.fieldError(context, model.issues, "languages"))<div class="checks">\(languages)</div></fieldset>
        \(Components.textField(context, model.issues, field: "capacity", name: "capacity", label: context["reviewer.capacity"], value: model.capacityText ?? String(profile.capacity), type: "number"))
        <div class="field"><label class="check"><input type="checkbox" name="available" value="on"\(profile.available ? HTML(raw: " checked") : HTML.empty)> \(context["reviewer.available"])</label></div>
        \(Components.textArea(context, model.issues, field: "unavailable", name: "unavailable", label: context["reviewer.unavailable"],
                              value: model.unavailableText ?? profile.unavailable.map(\.description).joined(separator: "\n"), hint: context["reviewer.unavailableHint"]))
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: context["reviewer.title"], body: body)
    }
}

/// A pool reviewer's conflicts for a call: each proposal going to review, with a box to
/// declare a conflict and the reason; conflicts the platform derives are shown and fixed.
enum ConflictSheetPage {
    static func render(_ context: PageContext, call: CallDTO, lines: [ReviewerStore.ConflictLine], message: String? = nil, issues: [FieldIssue] = []) -> HTML {
        let rows: [HTML] = lines.map { line in
            let id = UUIDText.string(line.proposal.storedID)
            let derived: HTML = line.derived.map { "<span class=\"badge badge-state\">\(context["conflict.\($0.rawValue)"])</span>" } ?? .empty
            return """
            <tr><td>\(line.proposal.code ?? "")</td><th scope="row" lang="\(line.proposal.language)">\(line.proposal.title)</th><td>\(line.organisationName.text(in: context.language))</td>\
            <td><label class="check"><input type="checkbox" name="conflict[\(id)]" value="on"\(line.declared != nil ? HTML(raw: " checked") : HTML.empty)> \(context["conflict.declare"])</label> \(derived)</td>\
            <td><label class="visually-hidden" for="r-\(id)">\(context["conflict.reason"])</label><input id="r-\(id)" name="reason[\(id)]" maxlength="500" value="\(line.declared ?? "")"></td></tr>
            """
        }
        let message: HTML = Components.notice(message)
        let title = context["conflict.title"]
        let table: HTML = rows.isEmpty ? "<p>\(context["proposals.none"])</p>" : """
            <form method="post" action="\(ReviewURL.callConflicts(.value(call.id)).path)">\(context.csrfField)
            <table class="list"><thead><tr><th scope="col">\(context["proposals.code"])</th><th scope="col">\(context["proposalfield.title"])</th><th scope="col">\(context["proposalfield.organisation"])</th>\
            <th scope="col">\(context["conflict.title"])</th><th scope="col">\(context["conflict.reason"])</th></tr></thead><tbody>\(rows)</tbody></table>
            <button type="submit" class="button">\(context["common.save"])</button></form>
            """
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.call(.value(call.id)).path)">\(call.terms.title.text(in: context.language))</a></p>
        <h1>\(title)</h1>
        <p class="lead">\(context["conflict.lead"])</p>
        \(message)\(Components.errorSummary(context, issues))
        \(table)
        """
        return Layout.page(context, title: title, current: "nav.calls", body: body)
    }
}
