import SconDomain
import Vapor

/// How agreements read on pages: a party's name, a status badge, the dormancy badge.
enum AgreementText {
    static func party(_ context: PageContext, _ party: AgreementRecord.Party, countries: [CountryDTO]) -> String {
        if let name = party.organisationName { return name.text(in: context.language) }
        if let name = party.name { return name.text(in: context.language) }
        if let country = party.country { return countries.name(of: country, in: context.language) }
        return context["agreement.notDisclosed"]
    }

    static func status(_ context: PageContext, _ status: AgreementStatus?) -> HTML {
        "<span class=\"badge badge-state\">\(context["agreementstatus.\(status?.rawValue ?? "none")"])</span>"
    }

    static func badges(_ context: PageContext, _ record: AgreementRecord) -> HTML {
        var html: HTML = Components.sampleBadge(context, record.agreement.sample)
        if record.dormant { html = html + " <span class=\"badge badge-warning\" title=\"\(context["agreement.dormant.explain"])\">\(context["agreement.dormant"])</span>" }
        if !record.agreement.isPublic { html = html + " <span class=\"badge\">\(context["agreement.restricted"])</span>" }
        return html
    }

    /// A source or a note as recorded; the demo data's own English texts are shown in Korean
    /// on Korean pages (they were recorded in English only).
    static func source(_ context: PageContext, _ text: String) -> String {
        guard context.language == .ko else { return text }
        return AgreementsDemoData.korean[text] ?? text
    }

    static func date(_ context: PageContext, _ date: PartialDate?) -> String {
        date?.description ?? context["agreement.notDisclosed"]
    }
}

/// The agreements: code, title, level, signing date, parties and their status.
enum AgreementListPage {
    struct Model {
        var records: [AgreementRecord]
        var countries: [CountryDTO]
        var filter: AgreementQuery.Filter
        var next: PageCursor?
        var isFirstPage: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let rows: [HTML] = model.records.map { record in
            let parties: [HTML] = record.parties.map { party in
                "<li>\(AgreementText.party(context, party, countries: model.countries)) \(AgreementText.status(context, party.status))</li>"
            }
            // Two columns, so that the parties stay in view on a phone: the code, level and
            // signing date go under the title.
            return """
            <tr><th scope="row"><a href="\(AgreementsURL.agreement(.value(record.id)).path)">\(record.agreement.title.text(in: context.language))</a> \(AgreementText.badges(context, record))\
            <br><span class="hint">\(record.agreement.code) · \(context["agreementlevel.\(record.level.rawValue)"]) · \(context["agreements.signed"]) \(AgreementText.date(context, record.signedOn))</span></th>\
            <td><ul class="plain">\(parties)</ul></td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["agreements.none"])</p>" : """
            <div class="table-scroll"><table class="list"><caption>\(context["agreements.caption"])</caption>
            <thead><tr><th scope="col">\(context["agreements.title"])</th><th scope="col">\(context["agreements.parties"])</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let filter = model.filter
        let form: HTML = """
        <form method="get" action="\(AgreementsURL.agreements.path)" class="filters">
        \(Components.select(context, field: "country", name: "country", label: context["filter.country"], options: model.countries.options(context.language),
                            selected: filter.country?.value, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "kind", name: "kind", label: context["agreements.kind"],
                            options: AgreementKind.allCases.map { ($0.rawValue, context["agreementkind.\($0.rawValue)"]) }, selected: filter.kind?.rawValue, includeBlank: context["filter.all"]))
        \(Components.select(context, field: "level", name: "level", label: context["agreements.level"],
                            options: AgreementLevel.allCases.map { ($0.rawValue, context["agreementlevel.\($0.rawValue)"]) }, selected: filter.level?.rawValue, includeBlank: context["filter.all"]))
        <button type="submit">\(context["filter.apply"])</button>
        </form>
        """
        let html: HTML = """
        <h1>\(context["nav.agreements"])</h1>
        <p class="lead">\(context["agreements.lead"])</p>
        \(AgreementAccess.allows(context.principal, .manage) ? "<p><a class=\"button\" href=\"\(AgreementsURL.new.path)\">\(context["agreements.new"])</a></p>" as HTML : .empty)
        \(form)
        \(table)
        \(Pagination.links(context, base: AgreementsURL.agreements.path, query: query(filter), next: model.next, isFirstPage: model.isFirstPage))
        <p><a href="\(AgreementsURL.outcomes.path)">\(context["agreements.seeOutcomes"])</a></p>
        """
        return Layout.page(context, title: context["nav.agreements"], current: "nav.agreements", body: html)
    }

    static func query(_ filter: AgreementQuery.Filter) -> [(String, String)] {
        var items: [(String, String)] = []
        if let country = filter.country { items.append(("country", country.value)) }
        if let kind = filter.kind { items.append(("kind", kind.rawValue)) }
        if let level = filter.level { items.append(("level", level.rawValue)) }
        if let sector = filter.sector { items.append(("sector", sector.rawValue)) }
        return items
    }
}

/// One agreement: its facts, its status table (a row per party, with its timeline), its links,
/// and for officers the form to record a party's next status.
enum AgreementShowPage {
    struct Form: Sendable { var party: String?; var status: String?; var date: String?; var note: String? }

    struct Model {
        var record: AgreementRecord
        var countries: [CountryDTO]
        var targets: [AgreementLinkTargets.Target]
        var candidates: [(kind: AgreementLinkKind, options: [(value: String, label: String)])]
        var mayManage: Bool
        var today: CalendarDay
        var maxDocumentBytes: Int
        var message: String?
        var problem: String?
        var issues: [FieldIssue] = []
        var form = Form()
        /// The form a failed submission came from (its errors are shown there).
        var failed: AgreementFollowUpView.Section?
        var values = AgreementFollowUpView.Values()
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let record = model.record, agreement = record.agreement
        let partyRows: [HTML] = record.parties.map { party in
            let steps: [HTML] = party.timeline.map { action in
                "<li>\(AgreementText.status(context, action.status)) \(AgreementText.date(context, action.date))\(action.note.isEmpty ? "" : " — \(AgreementText.source(context, action.note))")</li>"
            }
            // Three columns, so that the timeline stays readable on a phone: the signatory's
            // title (when the record gives it) goes under the party.
            let signatory: HTML = party.signatoryTitle.map { "<br><span class=\"hint\">\(context["agreement.signatory"]): \($0.text(in: context.language))</span>" as HTML } ?? .empty
            return """
            <tr><th scope="row">\(AgreementText.party(context, party, countries: model.countries))\(signatory)</th>\
            <td>\(AgreementText.status(context, party.status))</td><td>\(steps.isEmpty ? HTML(stringLiteral: "—") : "<ul class=\"plain\">\(steps)</ul>")</td></tr>
            """
        }
        let dormant: HTML = record.dormant ? "<div class=\"notice notice-warning\" role=\"status\"><p>\(context.strings.format("agreement.dormant.notice", ["months": String(Dormancy.months), "last": record.lastActivity?.description ?? context["agreement.never"]]))</p></div>" : .empty
        let sectors = record.sectors.map { context["sector.\($0.rawValue)"] }.joined(separator: ", ")
        let html: HTML = """
        <p class="breadcrumb"><a href="\(AgreementsURL.agreements.path)">\(context["nav.agreements"])</a></p>
        <h1>\(agreement.title.text(in: context.language)) \(AgreementText.badges(context, record))</h1>
        \(model.mayManage ? "<p><a class=\"button\" href=\"\(AgreementsURL.edit(.value(record.id)).path)\">\(context["agreement.edit"])</a></p>" as HTML : .empty)
        \(Components.notice(model.message))
        \(model.failed == nil || model.failed == .status ? Components.alert(model.problem) : .empty)
        \(dormant)
        <dl class="facts">
        \(Components.definition(context["agreements.code"], "\(agreement.code)"))
        \(Components.definition(context["agreements.kind"], "\(context["agreementkind.\(record.kind.rawValue)"])"))
        \(Components.definition(context["agreements.level"], "\(context["agreementlevel.\(record.level.rawValue)"])"))
        \(Components.definition(context["agreements.signed"], "\(AgreementText.date(context, record.signedOn))"))
        \(Components.definition(context["agreement.place"], "\(agreement.place?.text(in: context.language) ?? context["agreement.notDisclosed"])"))
        \(Components.definition(context["agreement.expires"], "\(record.expiresOn?.description ?? context["agreement.notDisclosed"])"))
        \(Components.definition(context["agreement.sectors"], "\(sectors.isEmpty ? context["agreement.notDisclosed"] : sectors)"))
        \(Components.definition(context["agreement.obligations"], "\(agreement.obligations.text(in: context.language).isEmpty ? context["agreement.notDisclosed"] : agreement.obligations.text(in: context.language))"))
        \(Components.definition(context["agreement.source"], "\(AgreementText.source(context, agreement.source))"))
        </dl>
        <h2 id="status">\(context["agreement.statusTable"])</h2>
        <div class="table-scroll"><table class="list"><caption>\(context["agreement.statusTable.caption"])</caption>
        <thead><tr><th scope="col">\(context["agreements.party"])</th><th scope="col">\(context["agreement.status"])</th><th scope="col">\(context["agreement.timeline"])</th></tr></thead>
        <tbody>\(partyRows)</tbody></table></div>
        \(model.mayManage ? actionForm(context, model) : .empty)
        \(AgreementFollowUpView.milestones(context, model))
        \(AgreementFollowUpView.links(context, model))
        \(AgreementFollowUpView.document(context, model))
        """
        return Layout.page(context, title: agreement.title.text(in: context.language), current: "nav.agreements", body: html)
    }

    static func actionForm(_ context: PageContext, _ model: Model) -> HTML {
        let issues = model.failed == nil || model.failed == .status ? model.issues : []
        let parties = model.record.parties.map { (UUIDText.string($0.id), AgreementText.party(context, $0, countries: model.countries)) }
        let statuses = AgreementStatus.allCases.map { ($0.rawValue, context["agreementstatus.\($0.rawValue)"]) }
        return """
        <h2 id="record-status">\(context["agreement.record"])</h2>
        <form method="post" action="\(AgreementsURL.actions(.value(model.record.id)).path)" class="stack">
        \(context.csrfField)
        \(Components.errorSummary(context, issues))
        \(Components.select(context, field: "party", name: "party", label: context["agreements.party"], options: parties, selected: model.form.party, issues: issues))
        \(Components.select(context, field: "status", name: "status", label: context["agreement.status"], options: statuses,
                            selected: model.form.status ?? (model.record.parties.first?.status?.next ?? [.signed]).first?.rawValue, issues: issues))
        \(Components.textField(context, issues, field: "date", name: "date", label: context["agreement.date"], value: model.form.date, hint: context["agreement.date.hint"], maxLength: 10))
        \(Components.textField(context, issues, field: "note", name: "note", label: context["agreement.note"], value: model.form.note, maxLength: 2000))
        <button type="submit" class="button">\(context["agreement.record.submit"])</button>
        </form>
        """
    }
}
