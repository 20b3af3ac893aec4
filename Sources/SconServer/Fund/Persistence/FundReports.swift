import Fluent
import Foundation
import SconDomain
import Vapor

/// The fund's position (committed, disbursed, repaid, outstanding, available), by earmark,
/// country, sector or stage, in KRW or in USD at the latest recorded rate. Figures come from
/// the ledger's transactions, so they always agree with it.
struct FundReports: Sendable {
    let db: any Database

    enum Grouping: String, Sendable, CaseIterable { case earmark, country, sector, stage }

    struct Row: Sendable {
        var key: String
        var label: LocalizedText
        /// What was set aside (earmarks and the unallocated fund only).
        var allocated: Int?
        /// Commitments less cancellations.
        var committed = 0
        var disbursed = 0
        var repaid = 0
        /// Committed and not yet paid out.
        var outstanding: Int { committed - disbursed }
        /// What is left to commit (earmarks and the unallocated fund only).
        var available: Int?
    }

    struct Report: Sendable {
        var fund: Fund
        var grouping: Grouping
        var currency: Currency
        /// The rate used for USD, nil for KRW.
        var rate: ExchangeRate?
        var capital: Int
        var rows: [Row]

        /// A KRW amount in the report's currency, as a decimal.
        func text(_ krw: Int) -> String {
            guard let rate else { return String(krw) }
            return rate.fromKRW(krw).decimalText
        }
    }

    func position(by grouping: Grouping, currency: Currency, today: CalendarDay) async throws -> Report {
        try await positions(by: [grouping], currency: currency, today: today)[0]
    }

    /// Several groupings of one reading of the ledger (the fund page shows all four).
    func positions(by groupings: [Grouping], currency: Currency, today: CalendarDay) async throws -> [Report] {
        guard currency == .KRW || currency == .USD else {
            throw DomainError.badParameter([FieldIssue(field: "currency", code: "unknown", detail: "reports are in KRW or USD.")])
        }
        guard let fund = try await Fund.query(on: db).sort(\.$code).first() else { throw DomainError.notFound("fund") }
        let fundID = try fund.requireID()
        let rate = currency == .USD ? try await LedgerStore.rate(for: .USD, on: today, on: db) : nil
        let transactions = try await LedgerTransaction.query(on: db).filter(\.$fundID == fundID).all()
        let projects = try await Project.query(on: db).all()
        let projectByID = Dictionary(projects.compactMap { project in project.id.map { ($0, project) } }, uniquingKeysWith: { first, _ in first })
        let capital = transactions.filter { $0.movement == Movement.capital.rawValue }.reduce(0) { $0 + $1.amountKRW }

        var reports: [Report] = []
        for grouping in groupings {
            var rows: [String: Row] = [:]
            func add(_ key: String, _ label: LocalizedText, _ transaction: LedgerTransaction) {
                var row = rows[key] ?? Row(key: key, label: label)
                let amount = transaction.amountKRW
                switch Movement(rawValue: transaction.movement) {
                case .commitment: row.committed += amount
                case .cancellation: row.committed -= amount
                case .disbursement: row.disbursed += amount
                case .repayment: row.repaid += amount
                default: break
                }
                rows[key] = row
            }
            switch grouping {
            case .earmark:
                let earmarks = try await Earmark.query(on: db).filter(\.$fundID == fundID).sort(\.$code).all()
                let unallocated = "fund:\(UUIDText.string(fundID))"
                rows[unallocated] = Row(key: fund.code, label: LocalizedText(en: "Not earmarked", ko: "미지정 재원"))
                for earmark in earmarks {
                    rows["earmark:\(UUIDText.string(try earmark.requireID()))"] = Row(key: earmark.code, label: earmark.name)
                }
                let balances = try await LedgerStore.balances(rows.keys.map { LedgerAccount.available(source: $0) }, on: db)
                for key in Array(rows.keys) {
                    rows[key]!.available = balances[LedgerAccount.available(source: key)] ?? 0
                    rows[key]!.allocated = 0
                }
                for transaction in transactions {
                    if transaction.movement == Movement.allocation.rawValue {
                        rows[transaction.source]?.allocated! += transaction.amountKRW
                    } else if transaction.movement == Movement.capital.rawValue {
                        rows[unallocated]!.allocated! += transaction.amountKRW
                    } else if let row = rows[transaction.source] {
                        add(transaction.source, row.label, transaction)
                    }
                }
                // The unallocated fund gave what it earmarked.
                rows[unallocated]!.allocated! -= transactions.filter { $0.movement == Movement.allocation.rawValue }.reduce(0) { $0 + $1.amountKRW }
            case .country, .sector, .stage:
                let countries = try await Country.query(on: db).all()
                for transaction in transactions {
                    guard let project = transaction.projectID.flatMap({ projectByID[$0] }) else { continue }
                    switch grouping {
                    case .country:
                        let country = countries.first { $0.id == project.countryCode }
                        add(project.countryCode, country.map { LocalizedText(en: $0.nameEn, ko: $0.nameKo) } ?? LocalizedText(en: project.countryCode, ko: project.countryCode), transaction)
                    case .sector:
                        let sectors = try project.sectorList
                        for sector in sectors.isEmpty ? [nil] : sectors.map(Optional.some) {
                            let key = sector?.rawValue ?? "none"
                            add(key, LocalizedText(en: key, ko: key), transaction)
                        }
                    default:
                        add(project.stage, LocalizedText(en: project.stage, ko: project.stage), transaction)
                    }
                }
            }
            let ordered = rows.values.sorted { $0.key < $1.key }
            reports.append(Report(fund: fund, grouping: grouping, currency: currency, rate: rate, capital: capital, rows: ordered))
        }
        return reports
    }
}
