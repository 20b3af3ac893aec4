import Foundation
import Vapor

/// The pages of the fund.
enum FundURL: SiteRoute {
    case fund
    case projectBooking(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .fund: return ["fund"]
        case .projectBooking(let id): return ["projects", Self.segment(.id, id), "bookings"]
        }
    }
}
