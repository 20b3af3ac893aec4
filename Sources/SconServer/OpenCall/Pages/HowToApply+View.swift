import SconDomain
import Vapor

/// On an open call's page: who may apply, the steps from signing up to the focal point's
/// endorsement with the deadline in the reader's language, and one primary button that
/// leads each person to their next step — a visitor to sign up (and back to the call), a
/// person without an eligible organisation to the join form, a member to the draft form.
enum HowToApply {
    /// The next step for this person, as one primary button (only while the call is open).
    static func callToAction(_ context: PageContext, call: CallDTO, mayPropose: Bool) -> HTML {
        guard call.state == .open else { return .empty }
        let back = OpenCallURL.call(.value(call.id)).path
        let principal = context.principal
        let link: HTML
        if !principal.isSignedIn {
            link = """
            <a class="button" href="\(AccountURL.signUp.path)?next=\(PercentEncoding.queryValue(back))">\(context["apply.signUp"])</a>
            <span class="muted">\(context["apply.haveAccount"]) <a href="\(AccountURL.signIn.path)?next=\(PercentEncoding.queryValue(back))">\(context["nav.signin"])</a></span>
            """
        } else if mayPropose {
            link = "<a class=\"button\" href=\"\(OpenCallURL.callProposalNew(.value(call.id)).path)\">\(context["apply.start"])</a>"
        } else {
            let note: HTML = principal.organisations.isEmpty ? "\(context["apply.noOrganisation"])" : "\(context["apply.notEligible"])"
            link = "<a class=\"button\" href=\"\(DirectoryURL.myOrganisations.path)#join\">\(context["apply.join"])</a> <span class=\"muted\">\(note)</span>"
        }
        return "<p class=\"actions call-to-action\">\(link) <a href=\"#how-to-apply\">\(context["apply.title"])</a></p>"
    }

    /// "How to apply" (only while the call is open).
    static func section(_ context: PageContext, call: CallDTO, countries: String) -> HTML {
        guard call.state == .open else { return .empty }
        let terms = call.terms
        let documents = terms.requiredDocuments.map { $0.text(in: context.language) }
        let files: HTML = documents.isEmpty ? "\(context["apply.step.filesNone"])"
            : "\(context.strings.format("apply.step.files", ["files": documents.joined(separator: ", ")]))"
        return """
        <section aria-labelledby="how-to-apply" class="card">
        <h2 id="how-to-apply">\(context["apply.title"])</h2>
        <p><strong>\(context["apply.who"])</strong> \(context.strings.format("apply.whoText", ["countries": countries]))</p>
        <ol>
        <li><a href="\(AccountURL.signUp.path)?next=\(PercentEncoding.queryValue(OpenCallURL.call(.value(call.id)).path))">\(context["apply.step.signUp"])</a></li>
        <li>\(context["apply.step.organisation"]) <a href="\(DirectoryURL.myOrganisations.path)#join">\(context["join.title"])</a> · <a href="\(DirectoryURL.myOrganisations.path)#register">\(context["register.title"])</a></li>
        <li>\(context["apply.step.draft"])</li>
        <li>\(files)</li>
        <li>\(context["apply.step.submit"]) \(CallText.deadline(context, terms.schedule))</li>
        <li>\(context.strings.format("apply.step.endorse", ["n": String(terms.endorsementsPerCountry)]))</li>
        </ol>
        <p><a href="\(DirectoryURL.help.path)#apply">\(context["help.title"])</a></p>
        </section>
        """
    }
}
