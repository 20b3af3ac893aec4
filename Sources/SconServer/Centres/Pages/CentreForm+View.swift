import Foundation
import SconDomain
import Vapor

/// The centre's record, edited by its own staff and the programme office: names in both
/// languages, host organisation, contact, opening day and status (`CentreStore.update`, the
/// API's store and rules). Where it is and the countries it covers stay as recorded.
enum CentreFormPage {
    struct Values: Content, Sendable {
        var nameEn: String?
        var nameKo: String?
        var hostOrganisation: String?
        var contact: String?
        var openedOn: String?
        var status: String?

        init() {}

        init(_ centre: Centre) {
            nameEn = centre.nameEn; nameKo = centre.nameKo; hostOrganisation = centre.hostOrganisation ?? ""; contact = centre.contact ?? ""
            openedOn = centre.openedOn ?? ""; status = centre.status
        }

        /// The draft for the store: the typed fields, and the place and covered countries as they are.
        func draft(keeping centre: Centre) -> CentreDraft {
            CentreDraft(nameEn: nameEn, nameKo: nameKo, hostCity: centre.hostCity, hostCountry: centre.hostCountry,
                        covers: centre.covers.split(separator: ",").map(String.init), hostOrganisation: hostOrganisation, contact: contact,
                        openedOn: openedOn, status: status)
        }
    }

    static func render(_ context: PageContext, centre: Centre, values v: Values, issues: [FieldIssue]) -> HTML {
        var context = context
        context.labelPrefix = "centreform."
        let id = centre.storedID
        let statuses = CentreStatus.allCases.map { (value: $0.rawValue, label: context["centrestatus.\($0.rawValue)"]) }
        let body: HTML = """
        <p><a href="\(CentresURL.centre(.value(id)).path)">\(centre.name.text(in: context.language))</a></p>
        <h1>\(context["centreform.title"])</h1>
        <p class="hint">\(context["centreform.hint"])</p>
        <form method="post" action="\(CentresURL.editCentre(.value(id)).path)">\(context.csrfField)
        \(Components.errorSummary(context, issues))
        \(Components.textField(context, issues, field: "nameEn", name: "nameEn", label: context["centreform.nameEn"], value: v.nameEn, required: true, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "nameKo", name: "nameKo", label: context["centreform.nameKo"], value: v.nameKo, required: true, maxLength: 200, lang: "ko"))
        \(Components.textField(context, issues, field: "hostOrganisation", name: "hostOrganisation", label: context["centreform.hostOrganisation"], value: v.hostOrganisation,
                               hint: context["centreform.blankHint"], maxLength: 200))
        \(Components.textField(context, issues, field: "contact", name: "contact", label: context["centreform.contact"], value: v.contact,
                               hint: context["centreform.blankHint"], maxLength: 200))
        \(Components.textField(context, issues, field: "openedOn", name: "openedOn", label: context["centreform.openedOn"], value: v.openedOn, type: "date",
                               hint: context["centreform.openedHint"]))
        \(Components.select(context, field: "status", name: "status", label: context["centreform.status"], options: statuses, selected: v.status, issues: issues))
        <button type="submit" class="button">\(context["centreform.save"])</button>
        </form>
        """
        return Layout.page(context, title: context["centreform.title"], current: "nav.centres", body: body)
    }
}

extension CentresPagesController {
    @Sendable func editCentreForm(_ req: Request) async throws -> HTML {
        let centre = try await req.centreStore.find(try req.uuid())
        try req.principal.require(CentreAccess.allows(req.principal, .editCentre(centre.storedID)), "edit this centre")
        return CentreFormPage.render(PageContext(request: req), centre: centre, values: .init(centre), issues: [])
    }

    @Sendable func editCentre(_ req: Request) async throws -> Response {
        let centre = try await req.centreStore.find(try req.uuid())
        let values = try req.content.decode(CentreFormPage.Values.self)
        do {
            _ = try await req.centreStore.update(centre.storedID, values.draft(keeping: centre), by: req.principal)
            return req.redirect(to: CentresURL.centre(.value(centre.storedID)).path + "?centre=saved", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await CentreFormPage.render(PageContext(request: req), centre: centre, values: values, issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
