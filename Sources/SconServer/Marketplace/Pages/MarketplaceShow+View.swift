import SconDomain
import Vapor

/// A challenge's or a solution's page: what it is, who posted it, its status (and the moves its
/// owners may make), and the suggested matches with their reasons.
enum MarketplaceShowPage {
    struct Model {
        var challenge: Challenge?
        var solution: Solution?
        var organisation: OrganisationDTO?
        var cityName: LocalizedText?
        var references: [LocalizedText] = []
        var countries: [CountryDTO]
        var matches: [(MarketplaceMatching.Match, String)]
        var mayEdit: Bool
        var notice: String?
        var problem: String?
        /// The challenge's budget in KRW and the fund's rate it was converted at (nil for a KRW budget).
        var budgetKRW: (range: BudgetRange, rate: ExchangeRate?)? = nil
        /// The challenge's files.
        var attachments: [ChallengeAttachmentStore.Summary] = []
        var maxAttachmentBytes: Int = 0
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        if let challenge = model.challenge { return challengePage(context, challenge, model) }
        return solutionPage(context, model.solution!, model)
    }

    private static func challengePage(_ context: PageContext, _ challenge: Challenge, _ model: Model) -> HTML {
        let text = MarketplaceText(challenge, in: context.language)
        let id = challenge.storedID
        var facts: [HTML] = [
            Components.definition(context["field.country"], HTML(stringLiteral: model.countries.name(of: challenge.countryCode, in: context.language))),
            Components.definition(context["field.city"], HTML(stringLiteral: model.cityName?.text(in: context.language) ?? context["market.city.none"])),
            Components.definition(context["market.postedBy"], organisationLink(context, model.organisation)),
            Components.definition(context["field.sectors"], HTML(stringLiteral: sectors(context, challenge.sectors))),
            Components.definition(context["market.status"], HTML(stringLiteral: context["mstatus.\(challenge.status)"])),
            Components.definition(context["market.language"], HTML(stringLiteral: context["clang.\(challenge.language)"])),
        ]
        if let people = challenge.peopleAffected {
            facts.append(Components.definition(context["field.peopleAffected"], HTML(stringLiteral: MoneyText.grouped(people))))
        }
        if let budget = try? challenge.budget {
            facts.append(Components.definition(context["market.budget"], HTML(stringLiteral:
                "\(MoneyText.money(budget.minimum, context.language)) – \(MoneyText.money(budget.maximum, context.language))")))
            if let krw = model.budgetKRW, let rate = krw.rate {
                let text = "≈ \(MoneyText.krw(krw.range.minimum.minor, context.language)) – \(MoneyText.krw(krw.range.maximum.minor, context.language))"
                facts.append(Components.definition(context["market.budget.krw"], HTML(stringLiteral: text + " " + context.strings.format("market.budget.rate", [
                    "rate": rate.rateText, "currency": rate.currency.rawValue, "day": rate.day.description, "source": rate.source]))))
            } else if budget.minimum.currency != .KRW {
                facts.append(Components.definition(context["market.budget.krw"], HTML(stringLiteral: context["market.budget.norate"])))
            }
        }
        if !challenge.timing.isEmpty { facts.append(Components.definition(context["field.timing"], HTML(stringLiteral: challenge.timing))) }
        if !challenge.contact.isEmpty { facts.append(Components.definition(context["field.contact"], HTML(stringLiteral: challenge.contact))) }
        let moves = model.mayEdit ? statusForm(context, action: MarketplaceURL.challengeStatus(.value(id)).path,
                                                targets: ((try? challenge.challengeStatus.next) ?? []).map(\.rawValue).sorted(),
                                                edit: MarketplaceURL.challengeEdit(.value(id)).path) : .empty
        let original: HTML = text.title != challenge.title
            ? "<details><summary>\(context["market.original"]) (\(context["clang.\(challenge.language)"]))</summary><h2 lang=\"\(challenge.language)\">\(challenge.title)</h2><p lang=\"\(challenge.language)\" class=\"prose\">\(challenge.body)</p></details>" : .empty
        let matches = matchList(context, model.matches) { match in
            MarketplaceURL.pair(challenge: .value(match.challenge), solution: .value(match.solution)).path
        }
        let body: HTML = """
        <p class="breadcrumb"><a href="\(MarketplaceURL.home.path)">\(context["nav.marketplace"])</a> › \(context["market.challenge"])</p>
        \(Components.notice(model.notice))\(Components.alert(model.problem))
        <h1 lang="\(text.language)">\(text.title) \(Components.sampleBadge(context, challenge.sample))</h1>
        <p lang="\(text.language)" class="prose">\(text.body)</p>
        \(original)
        <dl class="facts">\(facts)</dl>
        \(moves)
        \(attachmentSection(context, id: id, model))
        <h2>\(context["market.matches.solutions"])</h2>
        <p class="hint">\(context["market.matches.explain"])</p>
        \(matches)
        """
        return Layout.page(context, title: text.title, current: "nav.marketplace", body: body)
    }

    /// The challenge's files: a table with download links; for its editors, a remove button each
    /// (confirmed first) and the upload form.
    static func attachmentSection(_ context: PageContext, id: UUID, _ model: Model) -> HTML {
        let rows: [HTML] = model.attachments.map { file in
            let remove: HTML = model.mayEdit ? """
                <td><form method="post" action="\(MarketplaceURL.challengeAttachmentDelete(.value(id), attachment: .value(file.id)).path)">\(context.csrfField)\
                <button type="submit" class="button button-secondary">\(context["market.attachments.remove"])</button></form></td>
                """ : .empty
            return """
            <tr><th scope="row"><a href="\(MarketplaceAPI.challengeAttachment(.value(id), attachment: .value(file.id)).path)">\(file.filename)</a></th>\
            <td class="number">\(MoneyText.grouped((file.size + 1023) / 1024)) KB</td>\(remove)</tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["market.attachments.none"])</p>" : """
            <table class="list"><caption>\(context["market.attachments"])</caption><thead><tr><th scope="col">\(context["market.attachments.file"])</th>\
            <th scope="col" class="number">\(context["market.attachments.size"])</th>\(model.mayEdit ? HTML(raw: "<th scope=\"col\"></th>") : HTML.empty)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let upload: HTML = model.mayEdit ? """
            <form method="post" action="\(MarketplaceURL.challengeAttachments(.value(id)).path)" enctype="multipart/form-data" class="stacked">
            \(context.csrfField)
            <div class="field"><label for="f-file">\(context["market.attachments.file"])</label>
            <p class="hint" id="f-file-hint">\(context.strings.format("market.attachments.hint", ["max": MoneyText.grouped(model.maxAttachmentBytes / 1024 / 1024)]))</p>
            <input id="f-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby="f-file-hint" required></div>
            <button type="submit" class="button">\(context["market.attachments.add"])</button>
            </form>
            """ : .empty
        return """
        <section id="attachments"><h2>\(context["market.attachments"])</h2>
        \(table)
        \(upload)
        </section>
        """
    }

    private static func solutionPage(_ context: PageContext, _ solution: Solution, _ model: Model) -> HTML {
        let text = MarketplaceText(solution, in: context.language)
        let id = solution.storedID
        let languages = ((try? solution.languageList) ?? []).map { context["clang.\($0.rawValue)"] }.joined(separator: ", ")
        let references = model.references.map { $0.text(in: context.language) }.joined(separator: ", ")
        let facts: [HTML] = [
            Components.definition(context["market.offeredBy"], organisationLink(context, model.organisation)),
            Components.definition(context["field.country"], HTML(stringLiteral: model.countries.name(of: solution.countryCode, in: context.language))),
            Components.definition(context["field.sectors"], HTML(stringLiteral: sectors(context, solution.sectors))),
            Components.definition(context["field.readiness"], HTML(stringLiteral: context["readiness.\(solution.readiness)"])),
            Components.definition(context["field.references"], HTML(stringLiteral: references.isEmpty ? context["market.references.none"] : references)),
            Components.definition(context["field.priceModel"], HTML(stringLiteral: context["price.\(solution.priceModel)"])),
            Components.definition(context["field.languages"], HTML(stringLiteral: languages)),
            Components.definition(context["market.status"], HTML(stringLiteral: context["mstatus.\(solution.status)"])),
        ]
        let moves = model.mayEdit ? statusForm(context, action: MarketplaceURL.solutionStatus(.value(id)).path,
                                                targets: ((try? solution.solutionStatus.next) ?? []).map(\.rawValue).sorted(),
                                                edit: MarketplaceURL.solutionEdit(.value(id)).path) : .empty
        let matches = matchList(context, model.matches) { match in
            MarketplaceURL.pair(challenge: .value(match.challenge), solution: .value(match.solution)).path
        }
        let body: HTML = """
        <p class="breadcrumb"><a href="\(MarketplaceURL.home.path)?show=solutions">\(context["nav.marketplace"])</a> › \(context["market.solution"])</p>
        \(Components.notice(model.notice))\(Components.alert(model.problem))
        <h1 lang="\(text.language)">\(text.title) \(Components.sampleBadge(context, solution.sample))</h1>
        <p lang="\(text.language)" class="prose">\(text.body)</p>
        <dl class="facts">\(facts)</dl>
        \(moves)
        <h2>\(context["market.matches.challenges"])</h2>
        <p class="hint">\(context["market.matches.explain"])</p>
        \(matches)
        """
        return Layout.page(context, title: text.title, current: "nav.marketplace", body: body)
    }

    static func sectors(_ context: PageContext, _ stored: String) -> String {
        stored.split(separator: ",").map { context["sector.\($0)"] }.joined(separator: ", ")
    }

    static func organisationLink(_ context: PageContext, _ organisation: OrganisationDTO?) -> HTML {
        guard let organisation else { return HTML(stringLiteral: context["market.organisation.unknown"]) }
        return "<a href=\"\(DirectoryURL.organisation(.value(organisation.id)).path)\">\(organisation.name.text(in: context.language))</a>"
    }

    static func statusForm(_ context: PageContext, action: String, targets: [String], edit: String) -> HTML {
        let buttons: [HTML] = targets.map { "<button type=\"submit\" name=\"status\" value=\"\($0)\" class=\"button secondary\">\(context["mstatus.to.\($0)"])</button>" }
        return """
        <section class="owner-actions" aria-label="\(context["market.owner"])">
        <p><a class="button" href="\(edit)">\(context["market.edit"])</a></p>
        <form method="post" action="\(action)">\(context.csrfField)<p>\(buttons)</p></form>
        </section>
        """
    }

    /// The suggestions, each with its score out of 100 and its reasons in words.
    static func matchList(_ context: PageContext, _ matches: [(MarketplaceMatching.Match, String)], link: (MarketplaceMatching.Match) -> String) -> HTML {
        guard !matches.isEmpty else { return "<p>\(context["market.matches.none"])</p>" }
        let rows: [HTML] = matches.map { match, title in
            let reasons = match.reasons.map { reason(context, $0) }.joined(separator: "; ")
            return "<li><a href=\"\(link(match))\">\(title)</a> <span class=\"score\">\(context.strings.format("market.score", ["score": String(match.score)]))</span><br><span class=\"hint\">\(reasons)</span></li>"
        }
        return "<ol class=\"matches\">\(rows)</ol>"
    }

    static func reason(_ context: PageContext, _ reason: MarketplaceMatching.Reason) -> String {
        switch reason {
        case .sharedSectors(let sectors): context.strings.format("match.sectors", ["sectors": sectors.map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")])
        case .commonTerms(let count): context.strings.format("match.terms", ["count": String(count)])
        case .countryExperience(let country): context.strings.format("match.country", ["country": country.value])
        case .language(let language): context.strings.format("match.language", ["language": context["clang.\(language.rawValue)"]])
        case .deployed: context["match.deployed"]
        }
    }
}
