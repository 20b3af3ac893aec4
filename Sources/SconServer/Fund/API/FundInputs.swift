import Foundation
import Vapor

/// `POST /api/v1/projects/{id}/bookings`.
struct BookingInput: Decodable, Sendable {
    var request: BookingRequest

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case movement, amount, currency, earmark, instrument, valueDay, memo
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        request = BookingRequest(movement: try c.decodeIfPresent(String.self, forKey: .movement),
                                 amount: try c.decodeIfPresent(String.self, forKey: .amount),
                                 currency: try c.decodeIfPresent(String.self, forKey: .currency),
                                 earmark: try c.decodeIfPresent(UUID.self, forKey: .earmark),
                                 instrument: try c.decodeIfPresent(String.self, forKey: .instrument),
                                 valueDay: try c.decodeIfPresent(String.self, forKey: .valueDay),
                                 memo: try c.decodeIfPresent(String.self, forKey: .memo))
    }
}

/// `POST /api/v1/exchange-rates`.
struct ExchangeRateInput: Decodable, Sendable {
    var currency: String?
    var day: String?
    var krwPerUnit: String?
    var source: String?

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case currency, day, krwPerUnit, source
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        day = try c.decodeIfPresent(String.self, forKey: .day)
        krwPerUnit = try c.decodeIfPresent(String.self, forKey: .krwPerUnit)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }
}
