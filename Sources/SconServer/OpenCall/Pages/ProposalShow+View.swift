import SconDomain
import Vapor

/// One proposal: what it asks for, its state and code, the eligibility check, and for its
/// organisation the buttons to edit, submit or withdraw.
enum ProposalShowPage {
    struct Model {
        var proposal: ProposalDTO
        var call: CallDTO
        var organisationName: String
        var cityName: String
        var eligibility: [EligibilityResult]
        var mayWrite: Bool
        var attachments: [AttachmentStore.Summary] = []
        var maxAttachmentBytes: Int = 0
        /// Once the call's results are published: the outcome for this proposal and the
        /// reviewers' comments without their names (applicant and managers only).
        var result: (entry: SelectionOutcome.Entry?, score: Double?, comments: [String])? = nil
        var appeal: Appeal? = nil
        /// The end of the appeal period when the applicant may still appeal.
        var appealUntil: Date? = nil
        var mayAnswerAppeal = false
        var message: String? = nil
        var problem: String? = nil
        /// Where the proposal came from (a cooperation centre's lead: Centres/LeadStore), for those who may see it.
        var origin: HTML = .empty
    }

    /// Why a rule passed or not, in the page's language with amounts people read; nothing where
    /// the rule's own sentence says it all.
    static func eligibilityDetail(_ result: EligibilityResult, _ model: Model, _ context: PageContext) -> String? {
        let fields = model.proposal.fields, terms = model.call.terms
        let type = context["supporttype.\(fields.supportType.rawValue)"]
        switch result.rule {
        case .eligibleCountry, .endorsed:
            return nil
        case .offeredSupportType:
            return type
        case .withinBudget:
            return context.strings.format("eligibility.detail.budget", ["budget": MoneyText.krw(fields.budget, context.language), "type": type,
                                                                        "cap": MoneyText.krw(terms.budgets[fields.supportType] ?? 0, context.language)])
        case .requiredDocuments:
            let required = Set(0..<terms.requiredDocuments.count)
            let attached = Set(model.attachments.compactMap(\.document)).intersection(required).count
            return context.strings.format("eligibility.detail.documents", ["attached": String(attached), "needed": String(required.count)])
        }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let proposal = model.proposal
        let fields = proposal.fields
        let language = context.language
        let checks: [HTML] = model.eligibility.map { result in
            let outcome = context[result.passed ? "eligibility.passed" : "eligibility.failed"]
            let detail: HTML = eligibilityDetail(result, model, context).map { " <span class=\"muted\">— \($0)</span>" } ?? .empty
            return "<li class=\"\(result.passed ? "passed" : "failed")\"><strong>\(outcome)</strong> \(context["eligibility.\(result.rule.rawValue)"])\(detail)</li>"
        }
        let message: HTML = Components.notice(model.message)
        let problem: HTML = Components.alert(model.problem)
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.call(.value(model.call.id)).path)">\(model.call.terms.title.text(in: language))</a></p>
        <h1 lang="\(fields.language.rawValue)">\(fields.title) \(Components.sampleBadge(context, proposal.sample))</h1>
        \(message)\(problem)
        <dl class="facts">
        \(Components.definition(context["field.state"], "<span class=\"badge badge-state\">\(context["proposalstate.\(proposal.state.rawValue)"])</span>"))
        \(Components.definition(context["proposals.code"], "\(proposal.code ?? context["proposals.noCode"])"))
        \(Components.definition(context["proposalfield.organisation"], "\(model.organisationName)"))
        \(Components.definition(context["proposalfield.city"], "\(model.cityName)"))
        \(Components.definition(context["proposalfield.supportType"], "\(context["supporttype.\(fields.supportType.rawValue)"])"))
        \(Components.definition(context["proposalfield.budget"], "\(MoneyText.readableKRW(fields.budget, language))"))
        \(Components.definition(context["proposalfield.counterpart"], "\(fields.counterpart.isEmpty ? context["common.none"] : fields.counterpart)"))
        </dl>
        \(model.origin)
        <h2>\(context["proposalfield.problem"])</h2>
        <p class="prose" lang="\(fields.language.rawValue)">\(fields.problem.isEmpty ? context["common.none"] : fields.problem)</p>
        <h2>\(context["proposalfield.objectives"])</h2>
        <p class="prose" lang="\(fields.language.rawValue)">\(fields.objectives.isEmpty ? context["common.none"] : fields.objectives)</p>
        \(resultSection(context, model))
        \(files(context, model))
        <h2>\(context["proposals.eligibility"])</h2>
        <ul class="checks-list">\(checks)</ul>
        \(model.mayWrite ? actions(context, model) : .empty)
        """
        return Layout.page(context, title: fields.title, current: "nav.calls", body: body)
    }

    /// The attached files; for the applicant, while a draft, the upload form and remove buttons.
    static func files(_ context: PageContext, _ model: Model) -> HTML {
        let documents = model.call.terms.requiredDocuments
        let editable = model.mayWrite && model.proposal.state == .draft
        let rows: [HTML] = model.attachments.map { file in
            let document = file.document.flatMap { $0 < documents.count ? documents[$0].text(in: context.language) : nil } ?? context["attachments.other"]
            let remove: HTML = editable ? """
                <td><form method="post" action="\(OpenCallURL.attachmentDelete(.value(file.id)).path)" class="inline">\(context.csrfField)<button type="submit" class="link-button">\(context["attachments.remove"])</button></form></td>
                """ : .empty
            return """
            <tr><th scope="row"><a href=OpenCallAPI.attachment(.value(file.id)).path>\(file.filename)</a></th><td>\(document)</td>\
            <td class="number">\(MoneyText.grouped((file.size + 1023) / 1024)) KB</td><td><code title="SHA-256 \(file.sha256)">\(String(file.sha256.prefix(12)))</code></td>\(remove)</tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["attachments.none"])</p>" : """
            <table class="list"><thead><tr><th scope="col">\(context["attachments.file"])</th><th scope="col">\(context["attachments.document"])</th>\
            <th scope="col" class="number">\(context["attachments.size"])</th><th scope="col">SHA-256</th>\(editable ? HTML(raw: "<th scope=\"col\"></th>") : HTML.empty)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let options = documents.enumerated().map { (value: String($0.offset), label: $0.element.text(in: context.language)) }
            + [(value: "", label: context["attachments.other"])]
        let upload: HTML = editable ? """
            <form method="post" action="\(OpenCallURL.proposalAttachments(.value(model.proposal.id)).path)" enctype="multipart/form-data" class="stacked">
            \(context.csrfField)
            <div class="field"><label for="f-file">\(context["attachments.file"])</label>
            <p class="hint" id="f-file-hint">\(context.strings.format("attachments.hint", ["max": MoneyText.grouped(model.maxAttachmentBytes / 1024 / 1024)]))</p>
            <input id="f-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="f-file-hint" required></div>
            \(Components.select(context, field: "document", name: "document", label: context["attachments.document"], options: options, selected: options.first?.value))
            <button type="submit" class="button">\(context["attachments.add"])</button>
            </form>
            """ : .empty
        return """
        <h2>\(context["attachments.title"])</h2>
        \(table)
        \(upload)
        """
    }

    static func resultSection(_ context: PageContext, _ model: Model) -> HTML {
        guard let result = model.result else { return .empty }
        let outcome = result.entry.map { context["selectionreason.\($0.reason.code)"] } ?? context["selectionreason.not-ranked"]
        let reserve: HTML = result.entry?.reservePosition.map { " (\(context.strings.format("selection.reserve", ["n": String($0)])))" } ?? .empty
        let comments: [HTML] = result.comments.enumerated().map { "<li><strong>\(context.strings.format("selection.reviewer", ["n": String($0.offset + 1)]))</strong> \($0.element)</li>" }
        return """
        <section aria-labelledby="result"><h2 id="result">\(context["selection.yourResult"])</h2>
        <p class="lead">\(outcome)\(reserve)\(result.score.map { " · \(context["selection.score"]) \(String(format: "%.2f", $0))" } ?? "")</p>
        \(comments.isEmpty ? HTML.empty : "<ul class=\"plain\">\(comments)</ul>")
        \(appealSection(context, model))
        </section>
        """
    }

    static func appealSection(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.proposal.id
        if let appeal = model.appeal {
            let answer: HTML
            if let text = appeal.answer {
                answer = "<p><strong>\(context[appeal.upheld == true ? "appeal.upheld" : "appeal.dismissed"])</strong></p><p class=\"prose\">\(text)</p>"
            } else if model.mayAnswerAppeal {
                answer = """
                <form method="post" action="\(OpenCallURL.proposalAppealAnswer(.value(id)).path)" class="stacked">\(context.csrfField)
                \(Components.textArea(context, [], field: "answer", name: "answer", label: context["appeal.answer"], value: nil))
                <div class="actions"><button type="submit" name="upheld" value="true" class="button">\(context["appeal.uphold"])</button>
                <button type="submit" name="upheld" value="false" class="button button-secondary">\(context["appeal.dismiss"])</button></div></form>
                """
            } else {
                answer = "<p class=\"muted\">\(context["appeal.waiting"])</p>"
            }
            return """
            <h3>\(context["appeal.title"])</h3>
            <p class="muted">\(context.strings.format("appeal.lodgedAt", ["time": String(AuditChain.timestamp(appeal.lodgedAt).prefix(16)).replacingOccurrences(of: "T", with: " ")]))</p>
            <p class="prose">\(appeal.text)</p>
            \(answer)
            """
        }
        guard let until = model.appealUntil else { return .empty }
        return """
        <h3>\(context["appeal.title"])</h3>
        <p class="hint">\(context.strings.format("appeal.until", ["time": String(AuditChain.timestamp(until).prefix(16)).replacingOccurrences(of: "T", with: " ")]))</p>
        <form method="post" action="\(OpenCallURL.proposalAppeal(.value(id)).path)" class="stacked">\(context.csrfField)
        \(Components.textArea(context, [], field: "text", name: "text", label: context["appeal.text"], value: nil))
        <button type="submit" class="button">\(context["appeal.lodge"])</button></form>
        """
    }

    static func actions(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.proposal.id
        switch model.proposal.state {
        case .draft:
            return """
            <div class="actions">
            <a class="button" href="\(OpenCallURL.proposalEdit(.value(id)).path)">\(context["proposals.edit"])</a>
            <form method="post" action="\(OpenCallURL.proposalSubmit(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button">\(context["proposals.submit"])</button></form>
            </div>
            <p class="hint">\(context.strings.format("proposals.deadline", ["deadline": "\(model.call.terms.schedule.closesLocal.replacingOccurrences(of: "T", with: " ")) (\(model.call.terms.schedule.timeZone))"]))</p>
            """
        case .submitted:
            // Withdrawing is possible until the deadline only: afterwards (review, decision,
            // results) the button is gone, and the server still refuses the POST (409).
            guard ProposalRules.withdrawalRefusal(state: model.proposal.state, schedule: model.call.terms.schedule, now: context.request.now) == nil else {
                return .empty
            }
            return """
            <div class="actions"><form method="post" action="\(OpenCallURL.proposalWithdraw(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button danger">\(context["proposals.withdraw"])</button></form></div>
            """
        case .withdrawn:
            return .empty
        }
    }
}
