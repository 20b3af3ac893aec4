import SconDomain
import Vapor

/// A challenge and a solution side by side: why they match, who said "interested", and — once
/// both sides did — their conversation (the two organisations write; the programme office reads).
enum MarketplacePairPage {
    struct Model {
        var pair: ConversationStore.Pair
        var interest: InterestDTO
        var match: MarketplaceMatching.Match?
        var maySayInterested: Bool
        var messages: [MarketplaceMessage]?
        var mayWrite: Bool
        var authors: [UUID: String]
        var organisations: [UUID: LocalizedText]
        var draft: String = ""
        var issues: [FieldIssue] = []
        var problem: String?
        var followUp: MarketplaceFollowUpSection.Model? = nil
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let challenge = model.pair.challenge, solution = model.pair.solution
        let c = MarketplaceText(challenge, in: context.language), s = MarketplaceText(solution, in: context.language)
        let cid = challenge.storedID, sid = solution.storedID
        func side(_ said: Bool, _ organisation: UUID) -> HTML {
            let name = model.organisations[organisation]?.text(in: context.language) ?? ""
            return "<li>\(name): \(said ? context["market.interest.yes"] : context["market.interest.notyet"])</li>"
        }
        let interestForm: HTML = model.maySayInterested ? """
            <form method="post" action="\(MarketplaceURL.pairInterest(challenge: .value(cid), solution: .value(sid)).path)">\(context.csrfField)
            <button type="submit" class="button">\(context["market.interest.say"])</button></form>
            """ : .empty
        let reasons: HTML = model.match.map { match in
            "<p>\(context.strings.format("market.score", ["score": String(match.score)])): \(match.reasons.map { MarketplaceShowPage.reason(context, $0) }.joined(separator: "; "))</p>"
        } ?? "<p>\(context["market.matches.weak"])</p>"
        let conversation: HTML
        if let messages = model.messages {
            let items: [HTML] = messages.map { message in
                let who = model.authors[message.authorID] ?? context["market.author.unknown"]
                let org = model.organisations[message.organisationID]?.text(in: context.language) ?? ""
                return "<li><p class=\"meta\">\(who) · \(org) · <time datetime=\"\(ISO8601DateFormatter().string(from: message.createdAt))\">\(String(AuditChain.timestamp(message.createdAt).prefix(16)).replacingOccurrences(of: "T", with: " ")) (UTC)</time></p><p class=\"prose\">\(message.text)</p></li>"
            }
            let form: HTML = model.mayWrite && model.interest.mutual ? """
                <form method="post" action="\(MarketplaceURL.pairMessages(challenge: .value(cid), solution: .value(sid)).path)#conversation" class="stacked" novalidate>
                \(context.csrfField)
                \(Components.errorSummary(context, model.issues))
                \(Components.textArea(context, model.issues, field: "text", name: "text", label: context["market.message"], value: model.draft, hint: context["market.message.hint"]))
                <button type="submit" class="button">\(context["market.message.send"])</button>
                </form>
                """ : "<p>\(model.interest.mutual ? context["market.conversation.readonly"] : context["market.conversation.closed"])</p>"
            conversation = """
            <section id="conversation"><h2>\(context["market.conversation"])</h2>
            \(items.isEmpty ? HTML(stringLiteral: context["market.conversation.empty"]) : "<ol class=\"messages\">\(items)</ol>")
            \(form)</section>
            """
        } else { conversation = .empty }
        let body: HTML = """
        <p class="breadcrumb"><a href="\(MarketplaceURL.home.path)">\(context["nav.marketplace"])</a> › \(context["market.pair"])</p>
        \(Components.alert(model.problem))
        <h1>\(context["market.pair"])</h1>
        <div class="pair">
        <section><h2>\(context["market.challenge"])</h2><p><a href="\(MarketplaceURL.challenge(.value(cid)).path)" lang="\(c.language)">\(c.title)</a></p></section>
        <section><h2>\(context["market.solution"])</h2><p><a href="\(MarketplaceURL.solution(.value(sid)).path)" lang="\(s.language)">\(s.title)</a></p></section>
        </div>
        <h2>\(context["market.why"])</h2>
        \(reasons)
        <h2>\(context["market.interest"])</h2>
        <ul>\(side(model.interest.challengeSide, challenge.organisationID))\(side(model.interest.solutionSide, solution.organisationID))</ul>
        <p class="hint">\(context["market.interest.explain"])</p>
        \(interestForm)
        \(conversation)
        \(model.followUp.map { MarketplaceFollowUpSection.render(context, challenge: cid, solution: sid, $0) } ?? .empty)
        """
        return Layout.page(context, title: context["market.pair"], current: "nav.marketplace", body: body)
    }
}
