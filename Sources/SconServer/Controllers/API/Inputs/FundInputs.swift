import Foundation
import Vapor

/// `POST /api/v1/projects/{id}/bookings`.
struct BookingInput: Decodable, Sendable {
    var request: BookingRequest

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["movement", "amount", "currency", "earmark", "instrument", "valueDay", "memo"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        request = BookingRequest(movement: try c.decodeIfPresent(String.self, forKey: key("movement")),
                                 amount: try c.decodeIfPresent(String.self, forKey: key("amount")),
                                 currency: try c.decodeIfPresent(String.self, forKey: key("currency")),
                                 earmark: try c.decodeIfPresent(UUID.self, forKey: key("earmark")),
                                 instrument: try c.decodeIfPresent(String.self, forKey: key("instrument")),
                                 valueDay: try c.decodeIfPresent(String.self, forKey: key("valueDay")),
                                 memo: try c.decodeIfPresent(String.self, forKey: key("memo")))
    }
}

/// `POST /api/v1/exchange-rates`.
struct ExchangeRateInput: Decodable, Sendable {
    var currency: String?
    var day: String?
    var krwPerUnit: String?
    var source: String?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["currency", "day", "krwPerUnit", "source"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        currency = try c.decodeIfPresent(String.self, forKey: key("currency"))
        day = try c.decodeIfPresent(String.self, forKey: key("day"))
        krwPerUnit = try c.decodeIfPresent(String.self, forKey: key("krwPerUnit"))
        source = try c.decodeIfPresent(String.self, forKey: key("source"))
    }
}
