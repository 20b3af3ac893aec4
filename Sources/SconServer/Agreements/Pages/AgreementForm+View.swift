import Foundation
import SconDomain
import Vapor

/// The form with which a programme officer records an agreement: its facts and up to three
/// parties (an organisation of the directory, a country, and/or a description where the record
/// does not name the party). Keeps the input and shows each error next to its field.
enum AgreementFormPage {
    static let partyRows = 3

    struct Values: Content, Sendable {
        var kind: String?; var level: String?; var titleEn: String?; var titleKo: String?; var signedOn: String?
        var placeEn: String?; var placeKo: String?; var expiresOn: String?; var obligationsEn: String?; var obligationsKo: String?
        var `public`: String?
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
                                  signedOn: Self.blank(signedOn), placeEn: Self.blank(placeEn), placeKo: Self.blank(placeKo), sectors: [],
                                  expiresOn: Self.blank(expiresOn), obligationsEn: obligationsEn, obligationsKo: obligationsKo,
                                  isPublic: `public` == "on" || `public` == "true")
        }
    }

    struct Model {
        var values: Values
        var organisations: [(id: UUID, name: String)]
        var countries: [CountryDTO]
        var issues: [FieldIssue] = []
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
        let body: HTML = """
        <p class="breadcrumb"><a href="\(AgreementsURL.agreements.path)">\(context["nav.agreements"])</a></p>
        <h1>\(context["agreement.form.title"])</h1>
        <form method="post" action="\(AgreementsURL.new.path)" class="stack">
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
        <h2>\(context["agreements.parties"])</h2>
        \(Components.fieldError(context, issues, "parties"))
        \(parties)
        <div class="field"><label class="check"><input type="checkbox" name="public"\(checked)> \(context["agreement.form.public"])</label></div>
        <button type="submit">\(context["agreement.form.submit"])</button>
        </form>
        """
        return Layout.page(context, title: context["agreement.form.title"], current: "nav.agreements", body: body)
    }
}
