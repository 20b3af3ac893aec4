import Foundation
import SconDomain
import Vapor

/// The marketplace's lists as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
/// programs read Korean and the region's scripts): the same filter as the list, at most
/// `MarketplaceQuery.exportLimit` rows. Cells that a spreadsheet would run as a formula are guarded.
enum MarketplaceCSV {
    static let challengeHeader = ["id", "external_ref", "status", "country", "city", "organisation", "sectors", "language", "title",
                                  "title_en", "title_ko", "people_affected", "budget_currency", "budget_min", "budget_max",
                                  "budget_krw_min", "budget_krw_max", "timing", "sample"]
    static let solutionHeader = ["id", "external_ref", "status", "country", "organisation", "sectors", "language", "title", "title_en",
                                 "title_ko", "readiness", "price_model", "languages", "sample"]

    static func challenges(_ rows: [Challenge], rates: [Currency: ExchangeRate]) -> String {
        CSVTable.render(header: challengeHeader, rows: rows.map { row in
            let currency = row.budgetCurrency.flatMap(Currency.init(rawValue:))
            func amount(_ minor: Int?) -> String { minor.flatMap { minor in currency.map { Money(minor: minor, $0).decimalText } } ?? "" }
            let krw = row.budgetKRW(rates)?.range
            return [UUIDText.string(row.storedID), CSVTable.guarded(row.externalRef ?? ""), row.status, row.countryCode,
                    row.cityID.map { UUIDText.string($0) } ?? "", UUIDText.string(row.organisationID), row.sectors.trimmingCharacters(in: [","]),
                    row.language, CSVTable.guarded(row.title), CSVTable.guarded(row.titleEn), CSVTable.guarded(row.titleKo),
                    row.peopleAffected.map(String.init) ?? "", currency?.rawValue ?? "", amount(row.budgetMinMinor), amount(row.budgetMaxMinor),
                    krw?.minimum.decimalText ?? "", krw?.maximum.decimalText ?? "", CSVTable.guarded(row.timing), row.sample ? "true" : "false"]
        })
    }

    static func solutions(_ rows: [Solution]) throws -> String {
        CSVTable.render(header: solutionHeader, rows: rows.map { row in
            [UUIDText.string(row.storedID), CSVTable.guarded(row.externalRef ?? ""), row.status, row.countryCode, UUIDText.string(row.organisationID),
             row.sectors.trimmingCharacters(in: [","]), row.language, CSVTable.guarded(row.title), CSVTable.guarded(row.titleEn),
             CSVTable.guarded(row.titleKo), row.readiness, row.priceModel, row.languages.trimmingCharacters(in: [","]), row.sample ? "true" : "false"]
        })
    }

    static func response(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + text))
    }
}
