import SconDomain
import Vapor

/// The form to draft a proposal to a call, or to change a draft.
enum ProposalFormPage {
    struct Model {
        var call: CallDTO
        var proposalID: UUID?
        var draft: ProposalDraft
        var organisationID: UUID?
        /// The organisations the person may apply for (members, eligible country).
        var organisations: [(id: UUID, name: String)]
        /// The cities of those organisations' countries.
        var cities: [(id: UUID, name: String)]
        var issues: [FieldIssue] = []
    }

    static func render(_ page: PageContext, _ model: Model) -> HTML {
        var context = page
        context.labelPrefix = "proposalfield."
        let draft = model.draft
        let issues = model.issues
        let title = model.proposalID == nil ? context["proposals.new"] : context["proposals.edit"]
        let action = model.proposalID.map { OpenCallURL.proposalEdit(.value($0)).path } ?? OpenCallURL.callProposalNew(.value(model.call.id)).path
        let organisation: HTML = model.proposalID == nil
            ? Components.select(context, field: "organisation", name: "organisation", label: context["proposalfield.organisation"],
                                options: model.organisations.map { (value: UUIDText.string($0.id), label: $0.name) },
                                selected: model.organisationID.map { UUIDText.string($0) }, issues: issues)
            : .empty
        let types = model.call.terms.supportTypes.map { (value: $0.rawValue, label: context["supporttype.\($0.rawValue)"]) }
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.call(.value(model.call.id)).path)">\(model.call.terms.title.text(in: context.language))</a></p>
        <h1>\(title)</h1>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(action)" novalidate class="stacked">
        \(context.csrfField)
        \(organisation)
        \(Components.select(context, field: "city", name: "city", label: context["proposalfield.city"], options: model.cities.map { (value: UUIDText.string($0.id), label: $0.name) },
                            selected: draft.cityID.map { UUIDText.string($0) }, issues: issues))
        \(Components.textField(context, issues, field: "title", name: "title", label: context["proposalfield.title"], value: draft.title, required: true, maxLength: 200))
        \(Components.textArea(context, issues, field: "problem", name: "problem", label: context["proposalfield.problem"], value: draft.problem))
        \(Components.textArea(context, issues, field: "objectives", name: "objectives", label: context["proposalfield.objectives"], value: draft.objectives))
        \(Components.select(context, field: "supportType", name: "supportType", label: context["proposalfield.supportType"], options: types, selected: draft.supportType, issues: issues))
        \(Components.textField(context, issues, field: "budget", name: "budget", label: context["proposalfield.budget"], value: draft.budget.flatMap { $0 < 0 ? nil : String($0) },
                               type: "number", required: true, hint: context["calls.budgetHint"]))
        \(Components.textField(context, issues, field: "counterpart", name: "counterpart", label: context["proposalfield.counterpart"], value: draft.counterpart, maxLength: 300))
        \(Components.select(context, field: "language", name: "language", label: context["proposalfield.language"],
                            options: [(value: "en", label: "English"), (value: "ko", label: "한국어")], selected: draft.language ?? "en", issues: issues))
        <p class="hint">\(context["proposals.draftHint"])</p>
        <button type="submit" class="button">\(context["common.save"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.calls", body: body)
    }
}
