import SconDomain
import Vapor

/// Ranked proposals with their scores and reasons: the officer's preview, and the results.
enum SelectionTable {
    struct Row {
        var entry: SelectionOutcome.Entry
        var score: Double?
        var proposal: Proposal?
        var countryName: String
        var cityName: String = ""
        var breakdown: [(name: String, mean: Double)] = []
    }

    static func render(_ context: PageContext, _ rows: [Row], caption: String) -> HTML {
        guard !rows.isEmpty else { return "<p>\(context["selection.none"])</p>" }
        let showBreakdown = rows.contains { !$0.breakdown.isEmpty }
        let body: [HTML] = rows.map { row in
            let reserve: HTML = row.entry.reservePosition.map { " (\(context.strings.format("selection.reserve", ["n": String($0)])))" } ?? .empty
            let breakdown: HTML = showBreakdown ? "<td>\(row.breakdown.map { "\($0.name) \(String(format: "%.2f", $0.mean))" }.joined(separator: " · "))</td>" : .empty
            return """
            <tr><td class="number">\(row.entry.rank)</td><td>\(row.proposal?.code ?? "")</td><th scope="row" lang="\(row.proposal?.language ?? "en")">\(row.proposal?.title ?? row.entry.proposal)</th>\
            <td>\(row.cityName.isEmpty ? row.countryName : "\(row.cityName), \(row.countryName)")</td><td>\(row.proposal.map { context["supporttype.\($0.supportType)"] } ?? "")</td>\
            <td class="number">\(row.score.map { String(format: "%.2f", $0) } ?? "—")</td><td>\(context["selectionreason.\(row.entry.reason.code)"])\(reserve)</td>\(breakdown)</tr>
            """
        }
        let breakdownHeader: HTML = showBreakdown ? "<th scope=\"col\">\(context["selection.criteria"])</th>" : .empty
        return """
        <table class="list"><caption>\(caption)</caption>
        <thead><tr><th scope="col" class="number">\(context["selection.rank"])</th><th scope="col">\(context["proposals.code"])</th><th scope="col">\(context["proposalfield.title"])</th>\
        <th scope="col">\(context["selection.place"])</th><th scope="col">\(context["proposalfield.supportType"])</th><th scope="col" class="number">\(context["selection.score"])</th>\
        <th scope="col">\(context["selection.outcome"])</th>\(breakdownHeader)</tr></thead>
        <tbody>\(body)</tbody></table>
        """
    }

    /// How many places the selection fills of those planned and the budget it uses; when it
    /// fills fewer, why: how many proposals each rule kept out, or that no more were ranked.
    static func summary(_ context: PageContext, _ rows: [Row], terms: CallTerms, unranked: Int = 0) -> HTML {
        guard !rows.isEmpty else { return .empty }
        let selected = rows.filter { $0.entry.reason == .selected }
        let used = selected.compactMap(\.proposal?.budget).reduce(0, +)
        let total = terms.totalBudget ?? terms.budgets.values.reduce(0, +)
        let language = context.language
        var text = context.strings.format("selection.summary", ["selected": String(selected.count), "planned": String(terms.selections)])
            + " " + context.strings.format("selection.budgetUsed", ["used": MoneyText.readableKRW(used, language).text,
                                                                      "total": MoneyText.readableKRW(total, language).text])
        if selected.count < terms.selections {
            var kept: [String: Int] = [:]
            for row in rows where row.entry.reason != .selected && row.entry.reason != .belowTheCut { kept[row.entry.reason.code, default: 0] += 1 }
            let reasons = kept.sorted { $0.key < $1.key }.map { context.strings.format("selection.keptOut.\($0.key)", ["n": String($0.value)]) }
            text += " " + (reasons.isEmpty ? context.strings.format("selection.fewer.none", ["unranked": String(unranked)])
                                             : context.strings.format("selection.fewer", ["reasons": reasons.joined(separator: "; ")]))
        }
        return HTML(raw: "<p class=\"selection-summary\">\(text)</p>")
    }

    /// Rows for an outcome, with the proposals and, for results, the mean per criterion.
    static func rows(_ outcome: SelectionOutcome, scores: [String: Double], proposals: [Proposal], countries: [CountryDTO],
                     reviews: [Review], terms: CallTerms, language: Language, cities: [City] = []) throws -> [Row] {
        try outcome.entries.map { entry in
            let proposal = proposals.first { $0.id.map(UUIDText.string) == entry.proposal }
            let mine = try reviews.filter { UUIDText.string($0.proposalID) == entry.proposal }.map { try $0.scores }
            let breakdown: [(name: String, mean: Double)] = mine.isEmpty ? [] : terms.evaluation.criteria.compactMap { criterion in
                let values = mine.compactMap { $0[criterion.key] }
                guard !values.isEmpty else { return nil }
                return (criterion.name.text(in: language), Double(values.reduce(0, +)) / Double(values.count))
            }
            return Row(entry: entry, score: scores[entry.proposal], proposal: proposal,
                       countryName: proposal.map { countries.name(of: $0.countryCode, in: language) } ?? "",
                       cityName: proposal.flatMap { p in cities.first { $0.id == p.cityID } }.map { $0.name.text(in: language) } ?? "",
                       breakdown: breakdown)
        }
    }
}
