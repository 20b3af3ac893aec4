import SconDomain
import Vapor

/// The fund's position for everyone: capital, earmarks, and the money by country, stage and
/// sector, in KRW or USD; the exchange rates with their sources; the open-data links.
enum FundPage {
    struct Model {
        var reports: [FundReports.Report]
        var rates: [ExchangeRateRecord]
        var currency: Currency
        var mayExport: Bool
        var publishedProjects: Int
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let language = context.language
        guard let first = model.reports.first else { return Layout.page(context, title: context["area.fund.name"], current: "nav.fund", body: "") }
        func amount(_ report: FundReports.Report, _ krw: Int?) -> String {
            guard let krw else { return "—" }
            guard report.rate != nil else { return MoneyText.krw(krw, language) }
            return MoneyText.money(Money.parse(report.text(krw), .USD) ?? Money(minor: 0, .USD), language)
        }
        let tables: [HTML] = model.reports.map { report in
            let earmarks = report.grouping == .earmark
            let rows: [HTML] = report.rows.map { row in
                let label: String
                switch report.grouping {
                case .earmark: label = row.key == report.fund.code ? context["finance.notEarmarked"] : row.label.text(in: language)
                case .stage: label = context["stage.\(row.key)"]
                case .sector: label = row.key == "none" ? context["common.none"] : context["sector.\(row.key)"]
                case .country: label = row.label.text(in: language)
                }
                let allocation: HTML = earmarks ? "<td class=\"number\">\(amount(report, row.allocated))</td>" : ""
                let available: HTML = earmarks ? "<td class=\"number\">\(amount(report, row.available))</td>" : ""
                return """
                <tr><th scope="row">\(label)</th>\(allocation)<td class="number">\(amount(report, row.committed))</td><td class="number">\(amount(report, row.disbursed))</td>\
                <td class="number">\(amount(report, row.repaid))</td><td class="number">\(amount(report, row.outstanding))</td>\(available)</tr>
                """
            }
            let allocationHead: HTML = earmarks ? "<th scope=\"col\" class=\"number\">\(context["finance.allocated"])</th>" : ""
            let availableHead: HTML = earmarks ? "<th scope=\"col\" class=\"number\">\(context["finance.available"])</th>" : ""
            return """
            <h2>\(context["fund.by\(report.grouping.rawValue.prefix(1).uppercased() + report.grouping.rawValue.dropFirst())"])</h2>
            \(rows.isEmpty ? "<p>\(context["finance.none"])</p>" as HTML : """
            <table class="list"><thead><tr><th scope="col"></th>\(allocationHead)<th scope="col" class="number">\(context["finance.committed"])</th>\
            <th scope="col" class="number">\(context["finance.disbursed"])</th><th scope="col" class="number">\(context["finance.repaid"])</th>\
            <th scope="col" class="number">\(context["finance.outstanding"])</th>\(availableHead)</tr></thead><tbody>\(rows)</tbody></table>
            """)
            \(report.grouping == .sector && !rows.isEmpty ? "<p class=\"hint\">\(context["fund.bySectorHint"])</p>" as HTML : .empty)
            """
        }
        let rates: [HTML] = model.rates.compactMap { row in
            row.rate.map { rate in
                "<tr><th scope=\"row\">\(rate.currency.rawValue)</th><td>\(rate.day.description)</td><td class=\"number\">\(rate.rateText)</td><td>\(rate.source) \(Components.sampleBadge(context, row.sample))</td></tr>"
            }
        }
        let other = model.currency == .KRW ? "USD" : "KRW"
        let usd: HTML = first.rate.map {
            "<p class=\"hint\">\(context.strings.format("fund.usdRate", ["rate": $0.rateText, "day": $0.day.description, "source": $0.source]))</p>"
        } ?? .empty
        let export: HTML = model.mayExport ? "<li><a href=\"\(FundAPI.transactionsCSV.path)\">\(context["fund.export"])</a></li>" : ""
        let openData: HTML = model.publishedProjects > 0
            ? "<li><a href=\"\(OpenDataAPI.iati.path)\">\(context["fund.iati"])</a></li>"
            : "<li>\(context["fund.iatiNothingYet"])</li>"
        let body: HTML = """
        <h1>\(first.fund.name.text(in: language))</h1>
        <p class="lead">\(context["area.fund.text"])</p>
        <dl class="facts">\(Components.definition(context["fund.capital"], first.rate == nil ? MoneyText.readableKRW(first.capital, language) : "\(amount(first, first.capital))"))</dl>
        <p>\(context.strings.format("fund.inCurrency", ["currency": model.currency.rawValue])) · <a href="\(FundURL.fund.path)?currency=\(other)">\(other)</a></p>
        \(usd)
        \(tables)
        <h2>\(context["fund.rates"])</h2>
        <table class="list"><thead><tr><th scope="col">\(context["finance.currency"])</th><th scope="col">\(context["fund.day"])</th>\
        <th scope="col" class="number">\(context["fund.ratePer"])</th><th scope="col">\(context["fund.rateSource"])</th></tr></thead><tbody>\(rates)</tbody></table>
        <ul>\(openData)\(export)</ul>
        """
        return Layout.page(context, title: first.fund.name.text(in: language), current: "nav.fund", body: body)
    }
}
