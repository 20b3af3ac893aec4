import Foundation
import Vapor

/// The API of the fund and its ledger.
enum FundAPI: APIRoute {
    case fund
    case transactionsCSV
    case exchangeRates
    case projectFinance(Parameter<UUID>)
    case projectBookings(Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .fund: return ["fund"]
        case .transactionsCSV: return ["fund", "transactions.csv"]
        case .exchangeRates: return ["exchange-rates"]
        case .projectFinance(let id): return ["projects", Self.segment(.id, id), "finance"]
        case .projectBookings(let id): return ["projects", Self.segment(.id, id), "bookings"]
        }
    }
}
