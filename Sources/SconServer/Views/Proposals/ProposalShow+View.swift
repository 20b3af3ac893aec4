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
        var message: String? = nil
        var problem: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let proposal = model.proposal
        let fields = proposal.fields
        let language = context.language
        let checks: [HTML] = model.eligibility.map { result in
            let outcome = context[result.passed ? "eligibility.passed" : "eligibility.failed"]
            let detail: HTML = language == .en ? " <span class=\"muted\">— \(result.reason)</span>" : .empty
            return "<li class=\"\(result.passed ? "passed" : "failed")\"><strong>\(outcome)</strong> \(context["eligibility.\(result.rule.rawValue)"])\(detail)</li>"
        }
        let message: HTML = model.message.map { "<div class=\"notice\" role=\"status\"><p>\($0)</p></div>" } ?? .empty
        let problem: HTML = model.problem.map { "<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>" } ?? .empty
        let body: HTML = """
        <p class="breadcrumb"><a href="\(SiteURL.call(.value(model.call.id)).path)">\(model.call.terms.title.text(in: language))</a></p>
        <h1 lang="\(fields.language.rawValue)">\(fields.title) \(Components.sampleBadge(context, proposal.sample))</h1>
        \(message)\(problem)
        <dl class="facts">
        \(Components.definition(context["field.state"], "<span class=\"badge badge-state\">\(context["proposalstate.\(proposal.state.rawValue)"])</span>"))
        \(Components.definition(context["proposals.code"], "\(proposal.code ?? context["proposals.noCode"])"))
        \(Components.definition(context["proposalfield.organisation"], "\(model.organisationName)"))
        \(Components.definition(context["proposalfield.city"], "\(model.cityName)"))
        \(Components.definition(context["proposalfield.supportType"], "\(context["supporttype.\(fields.supportType.rawValue)"])"))
        \(Components.definition(context["proposalfield.budget"], "\(MoneyText.krw(fields.budget, language))"))
        \(Components.definition(context["proposalfield.counterpart"], "\(fields.counterpart.isEmpty ? context["common.none"] : fields.counterpart)"))
        </dl>
        <h2>\(context["proposalfield.problem"])</h2>
        <p class="prose" lang="\(fields.language.rawValue)">\(fields.problem.isEmpty ? context["common.none"] : fields.problem)</p>
        <h2>\(context["proposalfield.objectives"])</h2>
        <p class="prose" lang="\(fields.language.rawValue)">\(fields.objectives.isEmpty ? context["common.none"] : fields.objectives)</p>
        <h2>\(context["proposals.eligibility"])</h2>
        <ul class="checks-list">\(checks)</ul>
        \(model.mayWrite ? actions(context, model) : .empty)
        """
        return Layout.page(context, title: fields.title, current: "nav.calls", body: body)
    }

    static func actions(_ context: PageContext, _ model: Model) -> HTML {
        let id = model.proposal.id
        switch model.proposal.state {
        case .draft:
            return """
            <div class="actions">
            <a class="button" href="\(SiteURL.proposalEdit(.value(id)).path)">\(context["proposals.edit"])</a>
            <form method="post" action="\(SiteURL.proposalSubmit(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button">\(context["proposals.submit"])</button></form>
            </div>
            <p class="hint">\(context.strings.format("proposals.deadline", ["deadline": "\(model.call.terms.schedule.closesLocal.replacingOccurrences(of: "T", with: " ")) (\(model.call.terms.schedule.timeZone))"]))</p>
            """
        case .submitted:
            return """
            <div class="actions"><form method="post" action="\(SiteURL.proposalWithdraw(.value(id)).path)" class="inline">\(context.csrfField)<button type="submit" class="button button-secondary">\(context["proposals.withdraw"])</button></form></div>
            """
        case .withdrawn:
            return .empty
        }
    }
}
