import Foundation
import SconDomain
import Vapor

/// The registration form of an event: the organisation and its person, what they offer and
/// seek, the slots they are there and their meeting limit.
enum RegistrationFormPage {
    struct Values: Content {
        var organisation: String?
        var country: String?
        var kind: String?
        var person: String?
        var contact: String?
        var offersSectors: [String]?
        var offersTextEn: String?
        var offersTextKo: String?
        var seeksSectors: [String]?
        var seeksTextEn: String?
        var seeksTextKo: String?
        var available: [Int]?
        var maxMeetings: String?
        /// Set by the form so that "every slot" can be told from "no box ticked".
        var slotsShown: String?

        init() {}

        var draft: RegistrationDraft {
            RegistrationDraft(organisation: organisation, country: country, kind: kind, person: person, contact: contact,
                              offersSectors: offersSectors, offersCountries: nil, offersTextEn: offersTextEn, offersTextKo: offersTextKo,
                              seeksSectors: seeksSectors, seeksCountries: nil, seeksTextEn: seeksTextEn, seeksTextKo: seeksTextKo,
                              available: slotsShown == nil ? available : (available ?? []),
                              maxMeetings: maxMeetings.flatMap { $0.isEmpty ? nil : Int($0) ?? -1 })
        }
    }

    struct Model {
        var event: CentreEvent
        var plan: EventPlan
        var values: Values
        var issues: [FieldIssue]
        var problem: String?
        var countries: [CountryDTO]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        var context = context
        context.labelPrefix = "registration."
        let v = model.values, issues = model.issues, language = context.language
        let id = model.event.storedID
        func boxes(_ name: String, _ label: String, selected: [String]?) -> HTML {
            let items: [HTML] = Sector.allCases.map { sector in
                let checked: HTML = (selected ?? []).contains(sector.rawValue) ? " checked" : ""
                return "<li><label><input type=\"checkbox\" name=\"\(name)[]\" value=\"\(sector.rawValue)\"\(checked)> \(context["sector.\(sector.rawValue)"])</label></li>"
            }
            return "<fieldset class=\"field\"><legend>\(label)</legend>\(Components.fieldError(context, issues, name))<ul class=\"checks\">\(items)</ul></fieldset>"
        }
        let slotBoxes: [HTML] = (0..<model.plan.slotCount).map { slot in
            let checked: HTML = v.slotsShown == nil || (v.available ?? []).contains(slot) ? " checked" : ""
            return "<li><label><input type=\"checkbox\" name=\"available[]\" value=\"\(slot)\"\(checked)> \(AgendaTime.text(model.plan, slot: slot))</label></li>"
        }
        let kinds = [model.plan.b2b ? ParticipantKind.business : nil, model.plan.g2g ? .government : nil].compactMap { $0 }
        let body: HTML = """
        <p><a href="\(CentresURL.event(.value(id)).path)">\(model.plan.title.text(in: language))</a></p>
        <h1>\(context["registration.register"])</h1>
        \(Components.alert(model.problem))
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(CentresURL.register(.value(id)).path)" novalidate>
        \(context.csrfField)<input type="hidden" name="slotsShown" value="1">
        \(Components.textField(context, issues, field: "organisation", name: "organisation", label: context["registration.organisation"], value: v.organisation, required: true, autocomplete: "organization"))
        \(Components.select(context, field: "country", name: "country", label: context["registration.country"], options: model.countries.options(language),
                            selected: v.country, includeBlank: context["registration.choose"], issues: issues))
        \(Components.select(context, field: "kind", name: "kind", label: context["registration.kind"],
                            options: kinds.map { ($0.rawValue, context["participantkind.\($0.rawValue)"]) }, selected: v.kind, issues: issues))
        \(Components.textField(context, issues, field: "person", name: "person", label: context["registration.person"], value: v.person, required: true, autocomplete: "name"))
        \(Components.textField(context, issues, field: "contact", name: "contact", label: context["registration.contact"], value: v.contact, required: true, autocomplete: "email"))
        \(boxes("offersSectors", context["registration.offersSectors"], selected: v.offersSectors))
        \(Components.textArea(context, issues, field: "offersTextEn", name: "offersTextEn", label: context["registration.offersTextEn"], value: v.offersTextEn, lang: "en"))
        \(Components.textArea(context, issues, field: "offersTextKo", name: "offersTextKo", label: context["registration.offersTextKo"], value: v.offersTextKo, lang: "ko"))
        \(boxes("seeksSectors", context["registration.seeksSectors"], selected: v.seeksSectors))
        \(Components.textArea(context, issues, field: "seeksTextEn", name: "seeksTextEn", label: context["registration.seeksTextEn"], value: v.seeksTextEn, lang: "en"))
        \(Components.textArea(context, issues, field: "seeksTextKo", name: "seeksTextKo", label: context["registration.seeksTextKo"], value: v.seeksTextKo, lang: "ko"))
        <fieldset class="field"><legend>\(context["registration.available"])</legend>\(Components.fieldError(context, issues, "available"))<ul class="checks">\(slotBoxes)</ul></fieldset>
        \(Components.textField(context, issues, field: "maxMeetings", name: "maxMeetings", label: context["registration.maxMeetings"], value: v.maxMeetings, type: "number",
                               hint: context.strings.format("registration.maxMeetingsHint", ["slots": String(model.plan.slotCount)])))
        <button type="submit" class="button">\(context["registration.submit"])</button>
        </form>
        """
        return Layout.page(context, title: context["registration.register"], current: "nav.centres", body: body)
    }
}
