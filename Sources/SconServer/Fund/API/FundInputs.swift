import Foundation
import Vapor

/// `POST /api/v1/projects/{id}/bookings`.
struct BookingInput: Decodable, Sendable {
    var request: BookingRequest

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["movement", "amount", "currency", "earmark", "instrument", "valueDay", "memo"])
        request = BookingRequest(movement: try c.value("movement", as: String.self),
                                 amount: try c.value("amount", as: String.self),
                                 currency: try c.value("currency", as: String.self),
                                 earmark: try c.value("earmark", as: UUID.self),
                                 instrument: try c.value("instrument", as: String.self),
                                 valueDay: try c.value("valueDay", as: String.self),
                                 memo: try c.value("memo", as: String.self))
    }
}

/// `POST /api/v1/exchange-rates`.
struct ExchangeRateInput: Decodable, Sendable {
    var currency: String?
    var day: String?
    var krwPerUnit: String?
    var source: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["currency", "day", "krwPerUnit", "source"])
        currency = try c.value("currency", as: String.self)
        day = try c.value("day", as: String.self)
        krwPerUnit = try c.value("krwPerUnit", as: String.self)
        source = try c.value("source", as: String.self)
    }
}
