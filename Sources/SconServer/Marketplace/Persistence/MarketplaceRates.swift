import Fluent
import Foundation
import SconDomain

/// The exchange rates the fund keeps (`exchange_rates`, recorded by fund managers with their
/// source), read for the marketplace's KRW equivalents: the latest rate of each currency.
enum MarketplaceRates {
    static func latest(on db: any Database) async throws -> [Currency: ExchangeRate] {
        var rates: [Currency: ExchangeRate] = [:]
        for row in try await ExchangeRateRecord.query(on: db).sort(\.$day, .descending).sort(\.$currency).all() {
            guard let rate = row.rate, rates[rate.currency] == nil else { continue }
            rates[rate.currency] = rate
        }
        return rates
    }
}

extension Challenge {
    /// The budget's KRW equivalent at the latest rate of its currency, if the fund has one.
    func budgetKRW(_ rates: [Currency: ExchangeRate]) -> (range: BudgetRange, rate: ExchangeRate?)? {
        guard let budget = try? budget else { return nil }
        let rate = rates[budget.minimum.currency]
        return budget.inKRW(rate).map { ($0, budget.minimum.currency == .KRW ? nil : rate) }
    }
}
