import SconDomain
import Vapor

/// `/help`: what the platform is, who does what, how to apply, how to join an organisation,
/// the programme office's contact (only what the programme has made public; the rest is
/// said to be not disclosed), and, for developers, the open data and the API description.
enum HelpPage {
    static let roles: [Role] = [.organisationMember, .countryFocalPoint, .programmeOfficer, .reviewer, .fundManager, .centreStaff, .administrator]

    static func render(_ context: PageContext) -> HTML {
        let roles: [HTML] = roles.map { "<dt>\(context["role.\($0.rawValue)"])</dt><dd>\(context["help.role.\($0.rawValue)"])</dd>" }
        let steps: [HTML] = ["apply.step.signUp", "apply.step.organisation", "apply.step.draft", "apply.step.filesGeneric", "apply.step.submitGeneric",
                             "apply.step.endorseGeneric"].map { "<li>\(context[$0])</li>" }
        let body: HTML = """
        <h1>\(context["help.title"])</h1>
        <nav aria-label="\(context["help.contents"])"><ul class="plain">
        <li><a href="#about">\(context["help.about"])</a></li><li><a href="#roles">\(context["help.roles"])</a></li>
        <li><a href="#apply">\(context["apply.title"])</a></li><li><a href="#join">\(context["join.title"])</a></li>
        <li><a href="#contact">\(context["help.contact"])</a></li><li><a href="#developers">\(context["help.developers"])</a></li>
        </ul></nav>
        <section aria-labelledby="about"><h2 id="about">\(context["help.about"])</h2>
        <p>\(context["help.aboutText"])</p></section>
        <section aria-labelledby="roles"><h2 id="roles">\(context["help.roles"])</h2>
        <dl class="facts">\(roles)</dl></section>
        <section aria-labelledby="apply"><h2 id="apply">\(context["apply.title"])</h2>
        <ol>\(steps)</ol>
        <p><a href="\(OpenCallURL.calls.path)">\(context["calls.title"])</a></p></section>
        <section aria-labelledby="join"><h2 id="join">\(context["join.title"])</h2>
        <p>\(context["help.joinText"])</p>
        <p><a class="button" href="\(DirectoryURL.myOrganisations.path)">\(context["nav.myOrganisations"])</a></p></section>
        <section aria-labelledby="contact"><h2 id="contact">\(context["help.contact"])</h2>
        <dl class="facts">
        \(Components.definition(context["help.office"], "\(context["help.officeText"])"))
        \(Components.definition(context["help.address"], "\(context["help.notDisclosed"])"))
        \(Components.definition(context["help.phone"], "\(context["help.notDisclosed"])"))
        \(Components.definition(context["help.email"], "\(context["help.notDisclosed"])"))
        </dl>
        <p>\(context["help.contactNote"])</p></section>
        <section aria-labelledby="developers"><h2 id="developers">\(context["help.developers"])</h2>
        <p>\(context["help.developersText"])</p>
        <ul><li><a href="\(PortalURL.data.path)">\(context["help.openData"])</a></li>
        <li><a href="\(OperationsURL.openAPI.path)">\(context["help.apiDocument"])</a></li></ul></section>
        """
        return Layout.page(context, title: context["help.title"], current: "help.title", body: body)
    }
}
