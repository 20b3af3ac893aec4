import SconDomain
import Vapor

/// A reviewer's assigned proposals, pending or done.
enum MyReviewsPage {
    static func render(_ context: PageContext, items: [ReviewStore.Item], filter: String?) -> HTML {
        let rows: [HTML] = items.map { item in
            let state = item.review?.state ?? "pending"
            return """
            <tr><td>\(item.proposal.code ?? "")</td><th scope="row"><a href="\(ReviewURL.review(.value(item.proposal.storedID)).path)" lang="\(item.proposal.language)">\(item.proposal.title)</a></th>\
            <td><span class="badge badge-state">\(context["reviewstate.\(state)"])</span></td></tr>
            """
        }
        let filters: [HTML] = [("", "reviews.all"), ("pending", "reviews.pending"), ("done", "reviews.done")].map { value, key in
            let current: HTML = (filter ?? "") == value ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(ReviewURL.reviews.path)\(value.isEmpty ? "" : "?state=\(value)")\"\(current)>\(context[key])</a></li>"
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["reviews.none"])</p>" : """
            <table class="list"><thead><tr><th scope="col">\(context["proposals.code"])</th><th scope="col">\(context["proposalfield.title"])</th><th scope="col">\(context["field.state"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(context["reviews.title"])</h1>
        <nav aria-label="\(context["reviews.filter"])"><ul class="tabs">\(filters)</ul></nav>
        \(table)
        """
        return Layout.page(context, title: context["reviews.title"], body: body)
    }
}

/// One review: the proposal, a score per criterion, the comment for the applicant, a private
/// note; saved as a draft or submitted (final).
enum ReviewPage {
    struct Model {
        var item: ReviewStore.Item
        var terms: CallTerms
        var callState: CallState
        var issues: [FieldIssue] = []
        var message: String? = nil
        var problem: String? = nil
        /// What the reviewer typed, when it was refused: shown instead of what is stored.
        var typed: Typed? = nil
    }

    struct Typed: Sendable {
        var scores: [String: String]
        var comment: String?
        var note: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let proposal = model.item.proposal
        let review = model.item.review
        let final = review?.state == "submitted" || model.callState != .inReview
        let evaluation = model.terms.evaluation
        let scale = Array(evaluation.scaleMinimum...evaluation.scaleMaximum).map { (value: String($0), label: String($0)) }
        let criteria: [HTML] = evaluation.criteria.map { criterion in
            let label = "\(criterion.name.text(in: context.language)) (\(criterion.weight)%)"
            if final {
                return Components.definition(label, "\(model.item.scores[criterion.key].map(String.init) ?? "—")")
            }
            return Components.select(context, field: "scores.\(criterion.key)", name: "scores[\(criterion.key)]", label: label, options: scale,
                                     selected: model.typed.map { $0.scores[criterion.key] } ?? model.item.scores[criterion.key].map(String.init),
                                     includeBlank: "—", issues: model.issues)
        }
        let message: HTML = Components.notice(model.message)
        let problem: HTML = Components.alert(model.problem)
        let total: HTML = review?.total.map { "<p><strong>\(context["reviews.total"])</strong> \(String(format: "%.2f", Double($0) / 100)) / 100</p>" } ?? .empty
        let form: HTML = final ? """
            <dl class="facts">\(criteria)</dl>\(total)
            <h2>\(context["reviews.comment"])</h2><p class="prose">\(review?.comment ?? "")</p>
            """ : """
            <form method="post" action="\(ReviewURL.review(.value(proposal.storedID)).path)" class="stacked" novalidate>
            \(context.csrfField)
            \(criteria)
            \(Components.textArea(context, model.issues, field: "comment", name: "comment", label: context["reviews.comment"], value: model.typed.map { $0.comment } ?? review?.comment))
            \(Components.textArea(context, model.issues, field: "note", name: "note", label: context["reviews.note"], value: model.typed.map { $0.note } ?? review?.privateNote))
            <div class="actions"><button type="submit" name="action" value="save" class="button button-secondary">\(context["reviews.saveDraft"])</button>
            <button type="submit" name="action" value="submit" class="button">\(context["reviews.submit"])</button></div>
            <p class="hint">\(context["reviews.submitHint"])</p>
            </form>
            """
        let body: HTML = """
        <p class="breadcrumb"><a href="\(ReviewURL.reviews.path)">\(context["reviews.title"])</a></p>
        <h1 lang="\(proposal.language)">\(proposal.code ?? "") \(proposal.title)</h1>
        \(message)\(problem)\(Components.errorSummary(context, model.issues))
        <p><a href="\(OpenCallURL.proposal(.value(proposal.storedID)).path)">\(context["reviews.readProposal"])</a></p>
        <p class="muted">\(context.strings.format("calls.scale", ["min": String(evaluation.scaleMinimum), "max": String(evaluation.scaleMaximum)]))</p>
        \(form)
        """
        return Layout.page(context, title: proposal.title, body: body)
    }
}
