import Foundation
import SconDomain
import Vapor

/// A project's money on its page: per source and booking by booking, with the booking form for
/// fund managers. The form carries a fresh Idempotency-Key, so a double submit books once.
enum ProjectFinanceSection {
    static func render(_ context: PageContext, _ model: ProjectShowPage.Model) -> HTML {
        let finance = model.dossier.finance
        let language = context.language
        let sources: [HTML] = finance.sources.map { source in
            let label = source.source.hasPrefix("fund:") ? context["finance.notEarmarked"] : source.label.text(in: language)
            return """
            <tr><th scope="row">\(label)</th><td class="number">\(MoneyText.krw(source.committed, language))</td><td class="number">\(MoneyText.krw(source.disbursed, language))</td>\
            <td class="number">\(MoneyText.krw(source.repaid, language))</td><td class="number">\(MoneyText.krw(source.outstanding, language))</td></tr>
            """
        }
        let bookings: [HTML] = finance.transactions.map { row in
            """
            <tr><td class="number">\(row.number)</td><td>\(row.valueDay)</td><td>\(context["movement.\(row.movement)"])\(row.instrument.map { " (\(context["instrument.\($0)"]))" } ?? "")</td>\
            <td class="number">\(MoneyText.money(row.original, language))</td><td class="number">\(MoneyText.krw(row.amountKRW, language))</td><td>\(row.memo)</td></tr>
            """
        }
        let tables: HTML = finance.transactions.isEmpty ? "<p>\(context["finance.none"])</p>" : """
            <table class="list"><thead><tr><th scope="col">\(context["finance.source"])</th><th scope="col" class="number">\(context["finance.committed"])</th>\
            <th scope="col" class="number">\(context["finance.disbursed"])</th><th scope="col" class="number">\(context["finance.repaid"])</th>\
            <th scope="col" class="number">\(context["finance.outstanding"])</th></tr></thead><tbody>\(sources)</tbody></table>
            <table class="list"><thead><tr><th scope="col" class="number">\(context["finance.number"])</th><th scope="col">\(context["finance.valueDay"])</th>\
            <th scope="col">\(context["finance.movement"])</th><th scope="col" class="number">\(context["finance.amount"])</th>\
            <th scope="col" class="number">\(context["finance.amountKRW"])</th><th scope="col">\(context["finance.memo"])</th></tr></thead><tbody>\(bookings)</tbody></table>
            """
        return "<h2 id=\"finance\">\(context["finance.title"])</h2>" + tables + (model.mayBook ? form(context, model) : .empty)
    }

    private static func form(_ context: PageContext, _ model: ProjectShowPage.Model) -> HTML {
        let id = model.dossier.project.storedID
        let movements = BookingDraft.projectMovements.map { (value: $0.rawValue, label: context["movement.\($0.rawValue)"]) }
        let currencies = Currency.allCases.map { (value: $0.rawValue, label: $0.rawValue) }
        let instruments = Instrument.allCases.map { (value: $0.rawValue, label: context["instrument.\($0.rawValue)"]) }
        let earmarks = model.earmarks.map { (value: UUIDText.string($0.storedID), label: $0.name.text(in: context.language)) }
        let kept = model.booking
        let issues = model.bookingIssues
        return """
        <h3 id="book">\(context["finance.book"])</h3>
        \(Components.alert(model.bookingProblem))\(Components.errorSummary(context, issues))
        <form method="post" action="\(FundURL.projectBooking(.value(id)).path)#book" class="stacked" novalidate>\(context.csrfField)
        <input type="hidden" name="idempotencyKey" value="\(UUID().uuidString.lowercased())">
        \(Components.select(context, field: "movement", name: "movement", label: context["finance.movement"], options: movements, selected: kept?.movement ?? "commitment", issues: issues))
        \(Components.textField(context, issues, field: "amount", name: "amount", label: context["finance.amount"], value: kept?.amount, required: true, hint: context["finance.amountHint"]))
        \(Components.select(context, field: "currency", name: "currency", label: context["finance.currency"], options: currencies, selected: kept?.currency ?? "KRW", issues: issues))
        \(Components.select(context, field: "instrument", name: "instrument", label: context["finance.instrument"], options: instruments, selected: kept?.instrument,
                           includeBlank: "—", issues: issues))
        \(Components.select(context, field: "earmark", name: "earmark", label: context["finance.earmark"], options: earmarks, selected: kept.map { $0.earmark ?? "" } ?? earmarks.first?.value,
                           includeBlank: context["finance.notEarmarked"], issues: issues))
        \(Components.textField(context, issues, field: "valueDay", name: "valueDay", label: context["finance.valueDay"], value: kept?.valueDay ?? CalendarDay(context.request.now).description, type: "date"))
        \(Components.textField(context, issues, field: "memo", name: "memo", label: context["finance.memo"], value: kept?.memo, maxLength: 500))
        <p class="hint">\(context["finance.onceHint"])</p>
        <button type="submit" class="button">\(context["finance.book"])</button></form>
        """
    }
}
