import SconDomain
import Vapor

/// "Your organisations": the organisations the person acts for, the form to ask to join one
/// of the directory, their requests and their state, and the form to propose an organisation
/// that is not in the directory yet. Also shown, without the proposal form, on `/account`.
enum JoiningSection {
    struct Model {
        var memberships: [(id: UUID, name: LocalizedText)]
        var organisations: [(id: UUID, name: LocalizedText, country: String)]
        var requests: [JoinRequestRecord]
        var names: JoinNames
        var registrations: [OrganisationRegistrationRecord]
        var countries: [CountryDTO]
        var cities: [(id: UUID, name: LocalizedText, country: String)]
        var joinOrganisation: String?
        var joinMessage: String?
        var joinIssues: [FieldIssue] = []
        var draft = OrganisationDraft(type: "local-government")
        var city: String?
        var registerIssues: [FieldIssue] = []
        var alert: String?
    }

    /// The person's memberships, the join form and the requests (the `/account` section).
    static func join(_ context: PageContext, _ model: Model, headingLevel: Int = 2) -> HTML {
        let h = headingLevel
        let language = context.language
        let memberships: [HTML] = model.memberships.map {
            "<li><a href=\"\(DirectoryURL.organisation(.value($0.id)).path)\">\($0.name.text(in: language))</a></li>"
        }
        let membershipsHTML: HTML = memberships.isEmpty ? "<p>\(context["join.noMemberships"])</p>" : "<ul>\(memberships)</ul>"
        let options = model.organisations.map { (value: UUIDText.string($0.id), label: "\($0.name.text(in: language)) — \(model.countries.name(of: $0.country, in: language))") }
        let message = model.joinMessage ?? ""
        let messageID = Components.fieldID("message")
        let messageError = model.joinIssues.contains { $0.field == "message" }
        let described: HTML = messageError ? " aria-invalid=\"true\" aria-describedby=\"\(messageID)-error\"" : " aria-describedby=\"\(messageID)-hint\""
        return """
        <section id="organisations" aria-labelledby="organisations-title">
        <h\(h) id="organisations-title">\(context["join.yourOrganisations"])</h\(h)>
        \(membershipsHTML)
        <h\(h + 1) id="join">\(context["join.title"])</h\(h + 1)>
        <p>\(context["join.intro"])</p>
        \(Components.alert(model.alert))
        \(Components.errorSummary(context, model.joinIssues))
        <form method="post" action="\(DirectoryURL.join.path)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.select(context, field: "organisation", name: "organisation", label: context["join.organisation"], options: options,
                            selected: model.joinOrganisation, includeBlank: context["join.choose"], issues: model.joinIssues))
        <div class="field">
        <label for="\(messageID)">\(context["join.message"]) <span class="required" aria-hidden="true">*</span></label>
        <p class="hint" id="\(messageID)-hint">\(context["join.messageHint"])</p>
        \(Components.fieldError(context, model.joinIssues, "message"))
        <textarea id="\(messageID)" name="message" rows="4" maxlength="\(JoinRequest.maxMessage)" required\(described)>\(message)</textarea>
        </div>
        <button type="submit" class="button primary">\(context["join.submit"])</button>
        </form>
        <p>\(context["join.notListed"]) <a href="\(DirectoryURL.myOrganisations.path)#register">\(context["register.title"])</a></p>
        \(requests(context, model, headingLevel: h + 1))
        </section>
        """
    }

    static func requests(_ context: PageContext, _ model: Model, headingLevel h: Int) -> HTML {
        let rows: [HTML] = model.requests.map { row in
            let state = (try? row.joinState) ?? .pending
            let name = model.names.organisations[row.organisationID]?.text(in: context.language) ?? ""
            let withdraw: HTML = state == .pending ? """
                <form method="post" action="\(DirectoryURL.joinRequestWithdraw(.value(row.storedID)).path)">\(context.csrfField)<button type="submit" class="link-button">\(context["join.withdraw"])</button></form>
                """ : .empty
            return """
            <tr><td data-label="\(context["join.organisation"])"><a href="\(DirectoryURL.organisation(.value(row.organisationID)).path)">\(name)</a></td>
            <td data-label="\(context["join.requestedAt"])">\(DateText.day(row.requestedAt, context))</td>
            <td data-label="\(context["join.state"])"><span class="badge badge-state">\(context["joinstate.\(state.rawValue)"])</span> \(row.reason.map { reason -> HTML in "— \(reason)" } ?? .empty)\(withdraw)</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["join.noRequests"])</p>" : """
            <table class="list"><caption class="visually-hidden">\(context["join.requests"])</caption>
            <thead><tr><th scope="col">\(context["join.organisation"])</th><th scope="col">\(context["join.requestedAt"])</th><th scope="col">\(context["join.state"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return """
        <h\(h) id="join-requests">\(context["join.requests"])</h\(h)>
        \(table)
        """
    }

    /// The form to propose an organisation and the person's proposals.
    static func register(_ context: PageContext, _ model: Model) -> HTML {
        let draft = model.draft
        let issues = model.registerIssues
        let language = context.language
        let types = OrganisationType.allCases.map { (value: $0.rawValue, label: context["orgtype.\($0.rawValue)"]) }
        let cities = model.cities.map { (value: UUIDText.string($0.id), label: "\($0.name.text(in: language)) (\(model.countries.name(of: $0.country, in: language)))") }
        let rows: [HTML] = model.registrations.map { row in
            let state = (try? row.registrationState) ?? .pending
            let name: HTML = row.organisationID.map { "<a href=\"\(DirectoryURL.organisation(.value($0)).path)\">\(row.name.text(in: language))</a>" }
                ?? "\(row.name.text(in: language))"
            return """
            <tr><td data-label="\(context["field.name"])">\(name)</td><td data-label="\(context["join.requestedAt"])">\(DateText.day(row.proposedAt, context))</td>
            <td data-label="\(context["join.state"])"><span class="badge badge-state">\(context["registrationstate.\(state.rawValue)"])</span> \(row.reason.map { reason -> HTML in "— \(reason)" } ?? .empty)</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? .empty : """
            <h3 id="registrations">\(context["register.mine"])</h3>
            <table class="list"><caption class="visually-hidden">\(context["register.mine"])</caption>
            <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["join.requestedAt"])</th><th scope="col">\(context["join.state"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return """
        <section aria-labelledby="register">
        <h2 id="register">\(context["register.title"])</h2>
        <p>\(context["register.intro"])</p>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(DirectoryURL.register.path)" novalidate class="stacked">
        \(context.csrfField)
        \(Components.textField(context, issues, field: "name.ko", name: "nameKo", label: context["field.nameKo"], value: draft.nameKo, required: true, maxLength: 200, lang: "ko"))
        \(Components.textField(context, issues, field: "name.en", name: "nameEn", label: context["field.nameEn"], value: draft.nameEn, required: true, maxLength: 200, lang: "en"))
        \(Components.select(context, field: "type", name: "type", label: context["field.type"], options: types, selected: draft.type, issues: issues))
        \(Components.select(context, field: "country", name: "country", label: context["field.country"], options: model.countries.options(language), selected: draft.country,
                            includeBlank: context["join.choose"], issues: issues))
        \(Components.select(context, field: "city", name: "city", label: context["register.city"], options: cities, selected: model.city,
                            includeBlank: context["register.noCity"], issues: issues))
        \(Components.textField(context, issues, field: "website", name: "website", label: context["field.website"], value: draft.website, type: "url", maxLength: 300))
        <button type="submit" class="button">\(context["register.submit"])</button>
        </form>
        \(table)
        </section>
        """
    }
}

/// `/account/organisations`: the whole joining page.
enum JoiningPage {
    static func render(_ context: PageContext, _ model: JoiningSection.Model) -> HTML {
        let office: HTML = DirectoryAccess.allows(context.principal, .reviewRegistrations)
            ? "<p><a href=\"\(DirectoryURL.registrations.path)\">\(context["nav.registrations"])</a></p>" : .empty
        let body: HTML = """
        <p class="breadcrumb"><a href="\(AccountURL.account.path)">\(context["account.title"])</a></p>
        <h1>\(context["nav.myOrganisations"])</h1>
        <p>\(context["join.why"])</p>
        \(office)
        \(JoiningSection.join(context, model))
        \(JoiningSection.register(context, model))
        """
        return Layout.page(context, title: context["nav.myOrganisations"], current: "nav.myOrganisations", body: body)
    }
}

/// On an organisation's page, for its members and the programme office: the pending requests
/// to join it, each with Approve and Refuse (with a reason). For others signed in who are not
/// members: a link to ask to join.
enum JoinRequestsSection {
    struct Model {
        var organisation: UUID
        var pending: [JoinRequestRecord]
        var names: JoinNames
        var mayAsk: Bool
        /// The request whose refusal came back with an error, its issues and the reason typed.
        var failed: UUID?
        var issues: [FieldIssue] = []
        var reason: String?
        var alert: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let ask: HTML = model.mayAsk ? """
            <p><a class="button" href="\(DirectoryURL.myOrganisations.path)?organisation=\(UUIDText.string(model.organisation))#join">\(context["join.askThis"])</a></p>
            """ : .empty
        guard !model.pending.isEmpty || model.alert != nil else { return ask }
        let items: [HTML] = model.pending.map { row in
            let id = row.storedID
            let name = row.userID.flatMap { model.names.people[$0] } ?? ""
            let issues = model.failed == id ? model.issues : []
            let reasonID = "reason-\(UUIDText.string(id))"
            let error: HTML = issues.isEmpty ? .empty : "<p class=\"field-error\" id=\"\(reasonID)-error\">\(issues.map { context.localized($0) }.joined(separator: " "))</p>"
            let invalid: HTML = issues.isEmpty ? "" : " aria-invalid=\"true\" aria-describedby=\"\(reasonID)-error\""
            return """
            <li class="card">
            <p><strong>\(name)</strong> · \(DateText.day(row.requestedAt, context))</p>
            <blockquote class="prose">\(row.message)</blockquote>
            <div class="actions">
            <form method="post" action="\(DirectoryURL.joinRequestDecision(.value(id)).path)">\(context.csrfField)
            <input type="hidden" name="decision" value="approve"><button type="submit" class="button primary">\(context["join.approve"])</button></form>
            <form method="post" action="\(DirectoryURL.joinRequestDecision(.value(id)).path)" novalidate>\(context.csrfField)
            <input type="hidden" name="decision" value="refuse">
            <div class="field"><label for="\(reasonID)">\(context["join.reason"])</label>\(error)
            <textarea id="\(reasonID)" name="reason" rows="2" maxlength="\(JoinRequest.maxReason)"\(invalid)>\(model.failed == id ? model.reason ?? "" : "")</textarea></div>
            <button type="submit" class="button danger">\(context["join.refuse"])</button></form>
            </div>
            </li>
            """
        }
        return """
        \(ask)
        <section aria-labelledby="join-requests">
        <h2 id="join-requests">\(context["join.pendingHere"])</h2>
        \(Components.alert(model.alert))
        <p>\(context["join.pendingIntro"])</p>
        <ul class="cards">\(items)</ul>
        </section>
        """
    }
}

/// `/organisations/registrations`: the office's list of proposed organisations.
enum ProposedOrganisationsPage {
    struct Model {
        var pending: [OrganisationRegistrationRecord]
        var names: JoinNames
        var countries: [CountryDTO]
        var cities: [UUID: LocalizedText]
        var failed: UUID?
        var issues: [FieldIssue] = []
        var reason: String?
        var alert: String?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        let items: [HTML] = model.pending.map { row in
            let id = row.storedID
            let issues = model.failed == id ? model.issues : []
            let reasonID = "reason-\(UUIDText.string(id))"
            let error: HTML = issues.isEmpty ? .empty : "<p class=\"field-error\" id=\"\(reasonID)-error\">\(issues.map { context.localized($0) }.joined(separator: " "))</p>"
            let website: HTML = row.website.map { "<a href=\"\($0)\" rel=\"nofollow noopener\">\($0)</a>" } ?? "\(context["common.none"])"
            let city = row.cityID.flatMap { model.cities[$0]?.text(in: language) } ?? context["common.none"]
            return """
            <li class="card">
            <h2>\(row.name.text(in: language)) <span lang="\(language == .ko ? "en" : "ko")" class="muted">\(row.name.text(in: language == .ko ? .en : .ko))</span></h2>
            <dl class="facts">
            \(Components.definition(context["field.type"], "\(context["orgtype.\(row.type)"])"))
            \(Components.definition(context["field.country"], "\(model.countries.name(of: row.countryCode, in: language))"))
            \(Components.definition(context["register.city"], "\(city)"))
            \(Components.definition(context["field.website"], website))
            \(Components.definition(context["register.proposedBy"], "\(row.proposerID.flatMap { model.names.people[$0] } ?? "") · \(DateText.day(row.proposedAt, context))"))
            </dl>
            <div class="actions">
            <form method="post" action="\(DirectoryURL.registrationDecision(.value(id)).path)">\(context.csrfField)
            <input type="hidden" name="decision" value="approve"><button type="submit" class="button primary">\(context["register.approve"])</button></form>
            <form method="post" action="\(DirectoryURL.registrationDecision(.value(id)).path)" novalidate>\(context.csrfField)
            <input type="hidden" name="decision" value="refuse">
            <div class="field"><label for="\(reasonID)">\(context["join.reason"])</label>\(error)
            <textarea id="\(reasonID)" name="reason" rows="2" maxlength="\(JoinRequest.maxReason)">\(model.failed == id ? model.reason ?? "" : "")</textarea></div>
            <button type="submit" class="button danger">\(context["join.refuse"])</button></form>
            </div>
            </li>
            """
        }
        let list: HTML = items.isEmpty ? "<p>\(context["register.nonePending"])</p>" : "<ul class=\"cards\">\(items)</ul>"
        let body: HTML = """
        <h1>\(context["nav.registrations"])</h1>
        <p>\(context["register.officeIntro"])</p>
        \(Components.alert(model.alert))
        \(list)
        """
        return Layout.page(context, title: context["nav.registrations"], current: "nav.registrations", body: body)
    }
}
