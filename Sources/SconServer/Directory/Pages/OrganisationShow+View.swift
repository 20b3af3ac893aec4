import SconDomain
import Vapor

/// One organisation: its profile, its contact people, and for its members the edit links.
enum OrganisationShowPage {
    struct Model {
        var organisation: OrganisationDTO
        var people: [PersonDTO]
        var countries: [CountryDTO]
        var mayEdit: Bool
        var showContactDetails: Bool
        /// Ask to join, or the pending requests to decide (`JoinRequestsSection`).
        var joining: HTML = .empty
        var personIssues: [FieldIssue] = []
        var personDraft: PersonDraft = PersonDraft()
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let organisation = model.organisation
        let language = context.language
        let other: Language = language == .ko ? .en : .ko
        let sectors = organisation.sectors.map { context["sector.\($0)"] }.joined(separator: ", ")
        let website: HTML = organisation.website.map { "<a href=\"\($0)\" rel=\"nofollow noopener\">\($0)</a>" } ?? "\(context["common.none"])"
        let description = organisation.description.text(in: language)
        let descriptionLang = organisation.description.en.isEmpty || organisation.description.ko.isEmpty
            ? (organisation.description.ko.isEmpty ? "en" : "ko") : language.rawValue
        let edit: HTML = model.mayEdit ? "<p><a class=\"button\" href=\"\(DirectoryURL.organisationEdit(.value(organisation.id)).path)\">\(context["organisation.edit"])</a></p>" : .empty
        let sampleNote: HTML = organisation.sample ? "<p class=\"notice\">\(context["sample.explain"])</p>" : .empty
        let source: HTML = organisation.source.map { Components.definition(context["field.source"], "\($0)") } ?? .empty
        let body: HTML = """
        <p class="breadcrumb"><a href="\(DirectoryURL.organisations.path)">\(context["nav.organisations"])</a></p>
        <h1>\(organisation.name.text(in: language)) \(Components.sampleBadge(context, organisation.sample))</h1>
        <p class="subtitle" lang="\(other.rawValue)">\(organisation.name.text(in: other))</p>
        \(sampleNote)
        \(edit)
        \(model.joining)
        <dl class="facts">
        \(Components.definition(context["field.type"], "\(context["orgtype.\(organisation.type)"])"))
        \(Components.definition(context["field.country"], "<a href=\"\(DirectoryURL.country(.value(organisation.country)).path)\">\(model.countries.name(of: organisation.country, in: language))</a>"))
        \(Components.definition(context["field.acronym"], "\(organisation.acronym ?? context["common.none"])"))
        \(Components.definition(context["field.sectors"], "\(sectors.isEmpty ? context["common.none"] : sectors)"))
        \(Components.definition(context["field.website"], website))
        \(source)
        </dl>
        <h2>\(context["field.description"])</h2>
        <p lang="\(descriptionLang)" class="prose">\(description.isEmpty ? context["common.none"] : description)</p>
        \(PeopleSection.render(context, model))
        """
        return Layout.page(context, title: organisation.name.text(in: language), current: "nav.organisations", body: body)
    }
}

/// The contact people of an organisation; e-mail and phone for signed-in members only.
enum PeopleSection {
    static func render(_ context: PageContext, _ model: OrganisationShowPage.Model) -> HTML {
        let rows: [HTML] = model.people.map { person in
            let contact: HTML
            if model.showContactDetails {
                let email: HTML = person.email.map { "<a href=\"mailto:\($0)\">\($0)</a>" } ?? ""
                contact = "\(email) \(person.phone ?? "")"
            } else {
                contact = "<span class=\"muted\">\(context["people.signinToSee"])</span>"
            }
            let delete: HTML = model.mayEdit ? """
                <td><form method="post" action="\(DirectoryURL.personDelete(.value(person.id)).path)">\(context.csrfField)<button type="submit" class="link-button">\(context["people.remove"])</button></form></td>
                """ : .empty
            return "<tr><th scope=\"row\"><span translate=\"no\">\(person.name)</span> \(Components.sampleBadge(context, person.sample))</th><td>\(person.title.text(in: context.language))</td><td>\(contact)</td>\(delete)</tr>"
        }
        let removeHeader: HTML = model.mayEdit ? "<th scope=\"col\"><span class=\"visually-hidden\">\(context["people.remove"])</span></th>" : .empty
        let table: HTML = rows.isEmpty ? "<p>\(context["people.none"])</p>" : """
            <table class="list"><caption class="visually-hidden">\(context["people.title"])</caption>
            <thead><tr><th scope="col">\(context["field.name"])</th><th scope="col">\(context["field.jobTitle"])</th><th scope="col">\(context["people.contact"])</th>\(removeHeader)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let draft = model.personDraft
        let issues = model.personIssues
        let form: HTML = model.mayEdit ? """
            <h3 id="add-person">\(context["people.add"])</h3>
            \(Components.errorSummary(context, issues))
            <form method="post" action="\(DirectoryURL.organisationPeople(.value(model.organisation.id)).path)" novalidate>
            \(context.csrfField)
            \(Components.textField(context, issues, field: "name", name: "name", label: context["field.name"], value: draft.name, required: true, maxLength: 200))
            \(Components.textField(context, issues, field: "title.en", name: "titleEn", label: context["field.titleEn"], value: draft.titleEn, maxLength: 200, lang: "en"))
            \(Components.textField(context, issues, field: "title.ko", name: "titleKo", label: context["field.titleKo"], value: draft.titleKo, maxLength: 200, lang: "ko"))
            \(Components.textField(context, issues, field: "email", name: "email", label: context["field.email"], value: draft.email, type: "email", maxLength: 254))
            \(Components.textField(context, issues, field: "phone", name: "phone", label: context["field.phone"], value: draft.phone, type: "tel", maxLength: 40))
            <button type="submit" class="button">\(context["people.add"])</button>
            </form>
            """ : .empty
        return """
        <h2>\(context["people.title"])</h2>
        \(table)
        \(form)
        """
    }
}
