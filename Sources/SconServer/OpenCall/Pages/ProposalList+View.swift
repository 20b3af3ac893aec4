import SconDomain
import Vapor

/// A table of proposals: on "my proposals" and on a call's page.
enum ProposalTable {
    struct Row {
        var proposal: ProposalDTO
        var callTitle: String?
        var organisationName: String
    }

    static func render(_ context: PageContext, _ rows: [Row], caption: String) -> HTML {
        guard !rows.isEmpty else { return "<p>\(context["proposals.none"])</p>" }
        let showCall = rows.contains { $0.callTitle != nil }
        let body: [HTML] = rows.map { row in
            let call: HTML = showCall ? "<td>\(row.callTitle ?? "")</td>" : .empty
            return """
            <tr><td>\(row.proposal.code ?? "—")</td><th scope="row"><a href="\(OpenCallURL.proposal(.value(row.proposal.id)).path)" lang="\(row.proposal.fields.language.rawValue)">\(row.proposal.fields.title)</a></th>\
            \(call)<td>\(row.organisationName)</td><td><span class="badge badge-state">\(context["proposalstate.\(row.proposal.state.rawValue)"])</span></td></tr>
            """
        }
        let callHeader: HTML = showCall ? "<th scope=\"col\">\(context["nav.calls"])</th>" : .empty
        return """
        <table class="list"><caption class="visually-hidden">\(caption)</caption>
        <thead><tr><th scope="col">\(context["proposals.code"])</th><th scope="col">\(context["proposalfield.title"])</th>\(callHeader)<th scope="col">\(context["proposalfield.organisation"])</th><th scope="col">\(context["field.state"])</th></tr></thead>
        <tbody>\(body)</tbody></table>
        """
    }
}

/// "My proposals": the proposals of the organisations the person acts for.
enum MyProposalsPage {
    static func render(_ context: PageContext, _ rows: [ProposalTable.Row]) -> HTML {
        let body: HTML = """
        <h1>\(context["proposals.mine"])</h1>
        <p class="lead">\(context["proposals.mineLead"])</p>
        \(ProposalTable.render(context, rows, caption: context["proposals.mine"]))
        """
        return Layout.page(context, title: context["proposals.mine"], current: "nav.calls", body: body)
    }
}

/// The focal point's page: rank the country's submitted proposals, up to the call's limit.
enum EndorsementPage {
    struct Model {
        var call: CallDTO
        var country: String
        var countryName: String
        var proposals: [ProposalDTO]
        var ranking: [UUID]
        var limit: Int
        var issues: [FieldIssue] = []
        var message: String? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let options = [(value: "", label: context["endorsement.notEndorsed"])] + (1...max(model.limit, 1)).map { (value: String($0), label: String($0)) }
        let rows: [HTML] = model.proposals.map { proposal in
            let rank = model.ranking.firstIndex(of: proposal.id).map { String($0 + 1) }
            let select = Components.select(context, field: "rank-\(UUIDText.string(proposal.id))", name: "rank[\(UUIDText.string(proposal.id))]",
                                           label: "\(proposal.code ?? "") \(proposal.fields.title)", options: options, selected: rank ?? "")
            return "<li>\(select)</li>"
        }
        let message: HTML = Components.notice(model.message)
        let form: HTML = rows.isEmpty ? "<p>\(context["proposals.none"])</p>" : """
            <form method="post" action="\(OpenCallURL.callEndorsement(.value(model.call.id), .value(model.country)).path)" class="stacked">
            \(context.csrfField)
            <ul class="plain">\(rows)</ul>
            <button type="submit" class="button">\(context["endorsement.save"])</button>
            </form>
            """
        let title = context.strings.format("endorsement.title", ["country": model.countryName])
        let body: HTML = """
        <p class="breadcrumb"><a href="\(OpenCallURL.call(.value(model.call.id)).path)">\(model.call.terms.title.text(in: context.language))</a></p>
        <h1>\(title)</h1>
        <p class="lead">\(context.strings.format("endorsement.lead", ["limit": String(model.limit)]))</p>
        \(message)
        \(Components.errorSummary(context, model.issues))
        \(form)
        """
        return Layout.page(context, title: title, current: "nav.calls", body: body)
    }
}
