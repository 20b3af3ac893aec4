import Foundation
import SconDomain
import Vapor

/// The form with which a programme officer records an agreement: its facts, fields, linked
/// projects (by code) and up to three parties (an organisation of the directory, a country,
/// and/or a description where the record does not name the party); or changes a recorded one
/// (its parties stay as recorded: their steps are on the agreement's page). Keeps the input and
/// shows each error next to its field.
enum AgreementFormPage {
    static let partyRows = 3

    struct Values: Content, Sendable {
        var kind: String?; var level: String?; var titleEn: String?; var titleKo: String?; var signedOn: String?
        var placeEn: String?; var placeKo: String?; var expiresOn: String?; var obligationsEn: String?; var obligationsKo: String?
        var `public`: String?
        var sectors: [String]?
        /// Linked projects' codes, separated by commas or spaces.
        var projects: String?
        var party0Organisation: String?; var party0Country: String?; var party0NameEn: String?; var party0NameKo: String?
        var party1Organisation: String?; var party1Country: String?; var party1NameEn: String?; var party1NameKo: String?
        var party2Organisation: String?; var party2Country: String?; var party2NameEn: String?; var party2NameKo: String?

        func party(_ index: Int) -> (organisation: String?, country: String?, nameEn: String?, nameKo: String?) {
            switch index {
            case 0: (party0Organisation, party0Country, party0NameEn, party0NameKo)
            case 1: (party1Organisation, party1Country, party1NameEn, party1NameKo)
            default: (party2Organisation, party2Country, party2NameEn, party2NameKo)
            }
        }

        static func blank(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }

        /// The draft: empty texts are absent; a party row left empty is no party.
        var draft: AgreementDraft {
            let parties: [AgreementDraft.Party] = (0..<AgreementFormPage.partyRows).compactMap { index in
                let row = party(index)
                guard Self.blank(row.organisation) != nil || Self.blank(row.country) != nil || Self.blank(row.nameEn) != nil || Self.blank(row.nameKo) != nil else { return nil }
                return AgreementDraft.Party(organisation: Self.blank(row.organisation).flatMap(UUID.init(uuidString:)), country: Self.blank(row.country),
                                            nameEn: Self.blank(row.nameEn), nameKo: Self.blank(row.nameKo))
            }
            return AgreementDraft(kind: Self.blank(kind), level: Self.blank(level), titleEn: titleEn, titleKo: titleKo, parties: parties,
                                  signedOn: Self.blank(signedOn), placeEn: Self.blank(placeEn), placeKo: Self.blank(placeKo), sectors: sectors ?? [],
                                  expiresOn: Self.blank(expiresOn), obligationsEn: obligationsEn, obligationsKo: obligationsKo,
                                  isPublic: `public` == "on" || `public` == "true")
        }

        /// The project codes typed in the form.
        var projectCodes: [String] {
            (projects ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        }

        /// The form filled with a recorded agreement.
        static func of(_ record: AgreementRecord, projectCodes: [String]) -> Values {
            let agreement = record.agreement
            return Values(kind: agreement.kind, level: agreement.level, titleEn: agreement.titleEn, titleKo: agreement.titleKo, signedOn: agreement.signedOn,
                          placeEn: agreement.placeEn, placeKo: agreement.placeKo, expiresOn: agreement.expiresOn,
                          obligationsEn: agreement.obligationsEn, obligationsKo: agreement.obligationsKo, public: agreement.isPublic ? "on" : nil,
                          sectors: record.sectors.map(\.rawValue), projects: projectCodes.joined(separator: ", "))
        }
    }

    struct Model {
        var values: Values
        var organisations: [(id: UUID, name: String)]
        var countries: [CountryDTO]
        var issues: [FieldIssue] = []
        /// The agreement being changed, or nil for a new one.
        var editing: AgreementRecord?
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let v = model.values, issues = model.issues
        let parties: [HTML] = (0..<partyRows).map { index in
            let row = v.party(index)
            return """
            <fieldset class="field"><legend>\(context.strings.format("agreement.form.party", ["n": String(index + 1)]))</legend>
            \(Components.select(context, field: "parties[\(index)].organisation", name: "party\(index)Organisation", label: context["agreement.form.organisation"],
                                options: model.organisations.map { (UUIDText.string($0.id), $0.name) }, selected: row.organisation, includeBlank: context["agreement.form.none"], issues: issues))
            \(Components.select(context, field: "parties[\(index)].country", name: "party\(index)Country", label: context["filter.country"],
                                options: model.countries.options(context.language), selected: row.country, includeBlank: context["agreement.form.none"], issues: issues))
            \(Components.textField(context, issues, field: "parties[\(index)].nameEn", name: "party\(index)NameEn", label: context["agreement.form.descriptionEn"], value: row.nameEn, maxLength: 300, lang: "en"))
            \(Components.textField(context, issues, field: "parties[\(index)].nameKo", name: "party\(index)NameKo", label: context["agreement.form.descriptionKo"], value: row.nameKo, maxLength: 300, lang: "ko"))
            </fieldset>
            """
        }
        let checked: HTML = v.public == "on" ? " checked" : ""
        let chosen = Set(v.sectors ?? [])
        let boxes: [HTML] = Sector.allCases.map { sector in
            "<label class=\"check\"><input type=\"checkbox\" name=\"sectors[]\" value=\"\(sector.rawValue)\"\(chosen.contains(sector.rawValue) ? HTML(raw: " checked") : HTML.empty)> \(context["sector.\(sector.rawValue)"])</label>"
        }
        let title = model.editing == nil ? context["agreement.form.title"] : context["agreement.edit.title"]
        let action = model.editing.map { AgreementsURL.edit(.value($0.id)).path } ?? AgreementsURL.new.path
        let crumbs: HTML = model.editing.map { record in
            " › <a href=\"\(AgreementsURL.agreement(.value(record.id)).path)\">\(record.agreement.code)</a>" as HTML
        } ?? .empty
        let partySection: HTML = model.editing == nil ? """
            <h2>\(context["agreements.parties"])</h2>
            \(Components.fieldError(context, issues, "parties"))
            \(parties)
            """ : "<p class=\"hint\">\(context["agreement.edit.parties"])</p>"
        let body: HTML = """
        <p class="breadcrumb"><a href="\(AgreementsURL.agreements.path)">\(context["nav.agreements"])</a>\(crumbs)</p>
        <h1>\(title)</h1>
        <form method="post" action="\(action)" class="stack">
        \(context.csrfField)
        \(Components.errorSummary(context, issues))
        \(Components.select(context, field: "kind", name: "kind", label: context["agreements.kind"],
                            options: AgreementKind.allCases.map { ($0.rawValue, context["agreementkind.\($0.rawValue)"]) }, selected: v.kind, issues: issues))
        \(Components.select(context, field: "level", name: "level", label: context["agreements.level"],
                            options: AgreementLevel.allCases.map { ($0.rawValue, context["agreementlevel.\($0.rawValue)"]) }, selected: v.level, issues: issues))
        \(Components.textField(context, issues, field: "titleEn", name: "titleEn", label: context["agreement.form.titleEn"], value: v.titleEn, required: true, maxLength: 300, lang: "en"))
        \(Components.textField(context, issues, field: "titleKo", name: "titleKo", label: context["agreement.form.titleKo"], value: v.titleKo, required: true, maxLength: 300, lang: "ko"))
        \(Components.textField(context, issues, field: "signedOn", name: "signedOn", label: context["agreements.signed"], value: v.signedOn, hint: context["agreement.date.hint"], maxLength: 10))
        \(Components.textField(context, issues, field: "placeEn", name: "placeEn", label: context["agreement.form.placeEn"], value: v.placeEn, maxLength: 200, lang: "en"))
        \(Components.textField(context, issues, field: "placeKo", name: "placeKo", label: context["agreement.form.placeKo"], value: v.placeKo, maxLength: 200, lang: "ko"))
        \(Components.textField(context, issues, field: "expiresOn", name: "expiresOn", label: context["agreement.expires"], value: v.expiresOn, type: "date"))
        \(Components.textArea(context, issues, field: "obligationsEn", name: "obligationsEn", label: context["agreement.form.obligationsEn"], value: v.obligationsEn, lang: "en"))
        \(Components.textArea(context, issues, field: "obligationsKo", name: "obligationsKo", label: context["agreement.form.obligationsKo"], value: v.obligationsKo, lang: "ko"))
        <fieldset class="field"><legend>\(context["agreement.sectors"])</legend>\(Components.fieldError(context, issues, "sectors"))<div class="checks">\(boxes)</div></fieldset>
        \(Components.textField(context, issues, field: "projects", name: "projects", label: context["agreement.form.projects"], value: v.projects, hint: context["agreement.form.projects.hint"], maxLength: 2000))
        \(partySection)
        <div class="field"><label class="check"><input type="checkbox" name="public"\(checked)> \(context["agreement.form.public"])</label></div>
        <button type="submit">\(model.editing == nil ? context["agreement.form.submit"] : context["agreement.edit.submit"])</button>
        </form>
        """
        return Layout.page(context, title: title, current: "nav.agreements", body: body)
    }
}
