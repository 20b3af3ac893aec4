import Foundation
import SconDomain
import Vapor

/// The forms that record a project's pipeline on its page: officers record participants,
/// deliverables, milestones, the tender, indicators and the profile; participants add versions,
/// actual days and indicators. Each posts to `/projects/{id}/edit/{part}`.
enum ProjectForms {
    struct Choices {
        var organisations: [Organisation]
    }

    static func render(_ context: PageContext, _ model: ProjectShowPage.Model, _ choices: Choices) -> HTML {
        let dossier = model.dossier
        guard dossier.mayContribute else { return .empty }
        let id = dossier.project.storedID
        func form(_ part: String, _ title: String, _ fields: HTML, multipart: Bool = false) -> HTML {
            let encoding: HTML = multipart ? " enctype=\"multipart/form-data\"" : ""
            return """
            <details class="record"><summary>\(title)</summary>
            <form method="post" action="\(ProjectURL.projectEdit(.value(id), .value(part)).path)" class="stacked" novalidate\(encoding)>\(context.csrfField)\(fields)
            <button type="submit" class="button">\(context["common.save"])</button></form></details>
            """
        }
        func text(_ name: String, _ label: String, type: String = "text", value: String? = nil) -> HTML {
            Components.textField(context, model.issues, field: name, name: name, label: label, value: value, type: type)
        }
        func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], blank: String? = nil) -> HTML {
            Components.select(context, field: name, name: name, label: label, options: options, selected: nil, includeBlank: blank, issues: model.issues)
        }
        let organisations = choices.organisations.map { (value: UUIDText.string($0.storedID), label: $0.name.text(in: context.language)) }
        let korean = choices.organisations.filter { $0.countryCode == "KR" }.map { (value: UUIDText.string($0.storedID), label: $0.name.text(in: context.language)) }
        var forms: [HTML] = []
        let deliverables = dossier.deliverables.map { (value: UUIDText.string($0.deliverable.storedID), label: $0.deliverable.title) }
        if !deliverables.isEmpty {
            let file: HTML = """
                <div class="field"><label for="f-file">\(context["record.file"])</label><p class="hint">\(context["attachments.hint"])</p>\
                <input id="f-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg">\(Components.fieldError(context, model.issues, "file"))</div>
                """
            forms.append(form("version", context["record.version"], select("deliverable", context["pipeline.deliverables"], deliverables)
                              + text("note", context["record.note"]) + file, multipart: true))
        }
        let open = dossier.milestones.filter { $0.actual == nil }.map { (value: UUIDText.string($0.storedID), label: $0.title.text(in: context.language)) }
        if !open.isEmpty {
            forms.append(form("actual", context["record.actual"], select("milestone", context["pipeline.milestones"], open)
                              + text("actual", context["pipeline.actual"], type: "date")))
        }
        let indicatorFields: HTML = select("resultType", context["record.resultType"], ["output", "outcome", "impact"].map { ($0, context["result.\($0)"]) })
            + text("titleEn", context["record.titleEn"]) + text("titleKo", context["record.titleKo"])
            + select("measure", context["record.measure"], [("unit", context["measure.unit"]), ("percentage", context["measure.percentage"])])
            + text("baselineYear", context["record.baselineYear"], type: "number") + text("baselineValue", context["pipeline.baseline"])
            + text("start", context["record.periodStart"], type: "date") + text("end", context["record.periodEnd"], type: "date")
            + text("target", context["pipeline.target"]) + text("actualValue", context["pipeline.actual"])
        forms.append(form("indicator", context["record.indicator"], indicatorFields))
        if dossier.mayManage {
            forms.append(form("participant", context["record.participant"], select("organisation", context["proposalfield.organisation"], organisations)
                              + select("role", context["record.role"], ProjectRole.allCases.map { ($0.rawValue, context["role.\($0.rawValue)"]) })))
            forms.append(form("deliverable", context["record.deliverable"], select("kind", context["record.kind"], DeliverableKind.allCases.map { ($0.rawValue, context["deliverable.\($0.rawValue)"]) })
                              + text("title", context["proposalfield.title"])
                              + "<div class=\"field\"><label class=\"check\"><input type=\"checkbox\" name=\"public\" value=\"on\"> \(context["record.public"])</label></div>"))
            forms.append(form("milestone", context["record.milestone"], text("titleEn", context["record.titleEn"]) + text("titleKo", context["record.titleKo"])
                              + text("planned", context["pipeline.planned"], type: "date") + text("actual", context["pipeline.actual"], type: "date")))
            if dossier.tender == nil {
                forms.append(form("tender", context["record.tender"], Components.textArea(context, model.issues, field: "terms", name: "terms", label: context["record.terms"], value: nil)
                                  + text("agreedOn", context["pipeline.agreedOn"], type: "date") + text("closesOn", context["pipeline.closesOn"], type: "date")))
            } else if dossier.tender?.awardedBidID == nil {
                forms.append(form("bid", context["record.bid"], select("organisation", context["proposalfield.organisation"], korean)
                                  + text("amountKRW", context["record.amountKRW"], type: "number") + text("technicalScore", context["pipeline.score"], type: "number")))
                let bids = dossier.bids.map { (value: UUIDText.string($0.bid.storedID), label: $0.organisation?.name.text(in: context.language) ?? "") }
                if !bids.isEmpty { forms.append(form("award", context["record.award"], select("bid", context["pipeline.bids"], bids))) }
            }
            let sectors = Set(dossier.sectors)
            let boxes: [HTML] = Sector.allCases.map { sector in
                "<label class=\"check\"><input type=\"checkbox\" name=\"sectors[]\" value=\"\(sector.rawValue)\"\(sectors.contains(sector) ? HTML(raw: " checked") : HTML.empty)> \(context["sector.\(sector.rawValue)"])</label>"
            }
            forms.append(form("profile", context["record.profile"],
                              Components.textArea(context, model.issues, field: "descriptionEn", name: "descriptionEn", label: context["field.text.en"], value: dossier.project.descriptionEn, lang: "en")
                              + Components.textArea(context, model.issues, field: "descriptionKo", name: "descriptionKo", label: context["field.text.ko"], value: dossier.project.descriptionKo, lang: "ko")
                              + "<fieldset class=\"field\"><legend>\(context["field.sectors"])</legend><div class=\"checks\">\(boxes)</div></fieldset>"))
        }
        return "<h2>\(context["record.title"])</h2>" + HTML(raw: forms.map(\.text).joined())
    }
}
