import SconDomain
import Vapor

/// The agreement page's follow-up: milestones (dated, marked done), links to the records the
/// agreement led to, and its document; with the officers' forms for each.
enum AgreementFollowUpView {
    /// Which of the page's forms a failed submission came from, and what it held.
    enum Section: String, Sendable { case status, milestone, done, link, document }

    struct Values: Sendable {
        var titleEn: String?; var titleKo: String?; var dueOn: String?; var doneOn: String?; var target: String?
    }

    static func failed(_ context: PageContext, _ model: AgreementShowPage.Model, _ section: Section) -> HTML {
        guard model.failed == section else { return .empty }
        return Components.alert(model.problem) + Components.errorSummary(context, model.issues)
    }

    static func milestones(_ context: PageContext, _ model: AgreementShowPage.Model) -> HTML {
        let record = model.record
        let issues = model.failed == .milestone ? model.issues : []
        let rows: [HTML] = record.milestones.map { milestone in
            let state: HTML = milestone.doneOn.map { "<span class=\"badge badge-state\">\(context.strings.format("agreement.milestone.doneOn", ["day": $0.description]))</span>" as HTML }
                ?? (milestone.overdue ? "<span class=\"badge badge-warning\">\(context["agreement.milestone.overdue"])</span>" : "<span class=\"badge\">\(context["agreement.milestone.open"])</span>")
            let done: HTML = model.mayManage && milestone.doneOn == nil ? """
                <form method="post" action="\(AgreementsURL.milestoneDone(.value(record.id), .value(milestone.id)).path)" class="inline">\(context.csrfField)\
                <label class="visually-hidden" for="done-\(milestone.id.uuidString)">\(context["agreement.milestone.doneDay"])</label>\
                <input id="done-\(milestone.id.uuidString)" name="doneOn" type="date" value="\(model.today.description)" required> \
                <button type="submit" class="link-button">\(context["agreement.milestone.markDone"])</button></form>
                """ : .empty
            return "<tr><th scope=\"row\">\(milestone.title.text(in: context.language))</th><td>\(milestone.dueOn.description)</td><td>\(state) \(done)</td></tr>"
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["agreement.milestone.none"])</p>" : """
            <div class="table-scroll"><table class="list"><caption>\(context["agreement.milestone.caption"])</caption>
            <thead><tr><th scope="col">\(context["agreement.milestone.title"])</th><th scope="col">\(context["agreement.milestone.due"])</th><th scope="col">\(context["agreement.status"])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let form: HTML = model.mayManage ? """
            <form method="post" action="\(AgreementsURL.milestones(.value(record.id)).path)" class="stack" id="add-milestone">
            \(context.csrfField)
            \(failed(context, model, .milestone))
            \(Components.textField(context, issues, field: "titleEn", name: "titleEn", label: context["agreement.milestone.titleEn"], value: model.values.titleEn, required: true, maxLength: 300, lang: "en"))
            \(Components.textField(context, issues, field: "titleKo", name: "titleKo", label: context["agreement.milestone.titleKo"], value: model.values.titleKo, required: true, maxLength: 300, lang: "ko"))
            \(Components.textField(context, issues, field: "dueOn", name: "dueOn", label: context["agreement.milestone.due"], value: model.values.dueOn, type: "date", required: true))
            <button type="submit">\(context["agreement.milestone.add"])</button>
            </form>
            """ : .empty
        return """
        <h2 id="milestones">\(context["agreement.milestones"])</h2>
        \(failed(context, model, .done))
        \(table)
        \(form)
        """
    }

    static func links(_ context: PageContext, _ model: AgreementShowPage.Model) -> HTML {
        let items: [HTML] = model.targets.map { target in
            "<li><span class=\"badge\">\(context["agreementlink.\(target.kind.rawValue)"])</span> <a href=\"\(target.path)\">\(target.title)</a></li>"
        }
        let groups: [HTML] = model.candidates.filter { !$0.options.isEmpty }.map { group in
            let options: [HTML] = group.options.map { option in
                "<option value=\"\(option.value)\"\(option.value == model.values.target ? HTML(raw: " selected") : HTML.empty)>\(option.label)</option>"
            }
            return "<optgroup label=\"\(context["agreementlink.\(group.kind.rawValue)"])\">\(options)</optgroup>"
        }
        let form: HTML = model.mayManage && !groups.isEmpty ? """
            <form method="post" action="\(AgreementsURL.links(.value(model.record.id)).path)" class="stack" id="add-link">
            \(context.csrfField)
            \(failed(context, model, .link))
            <div class="field"><label for="f-target">\(context["agreement.link.target"])</label>
            <select id="f-target" name="target">\(groups)</select></div>
            <button type="submit">\(context["agreement.link.add"])</button>
            </form>
            """ : .empty
        return """
        <h2 id="links">\(context["agreement.links"])</h2>
        \(items.isEmpty ? "<p>\(context["agreement.noLinks"])</p>" as HTML : "<ul>\(items)</ul>")
        \(form)
        """
    }

    static func document(_ context: PageContext, _ model: AgreementShowPage.Model) -> HTML {
        let record = model.record
        let current: HTML = record.document.map { document in
            """
            <p><a href="\(AgreementsAPI.document(.value(record.id)).path)" download>\(document.filename)</a> \
            (PDF, \(context.strings.format("agreement.document.size", ["kb": MoneyText.grouped(max(1, document.size / 1024))])))</p>
            """
        } ?? "<p>\(context["agreement.document.none"])</p>"
        let form: HTML = model.mayManage ? """
            <form method="post" action="\(AgreementsURL.document(.value(record.id)).path)" enctype="multipart/form-data" class="stack" id="add-document">
            \(context.csrfField)
            \(failed(context, model, .document))
            <div class="field"><label for="f-file">\(context["agreement.document.file"])</label>
            <p class="hint" id="f-file-hint">\(context.strings.format("agreement.document.hint", ["max": MoneyText.grouped(model.maxDocumentBytes / 1024 / 1024)]))</p>
            <input id="f-file" name="file" type="file" accept="application/pdf" aria-describedby="f-file-hint" required></div>
            <button type="submit">\(context["agreement.document.upload"])</button>
            </form>
            """ : .empty
        return """
        <h2 id="document">\(context["agreement.document"])</h2>
        \(current)
        \(form)
        """
    }
}
