import Vapor

/// A coding key for any name, to list the keys a JSON object really has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    init(_ name: String) { stringValue = name }
}

extension Decoder {
    /// The object's members by the input's own `Field` keys, refusing any member that is not
    /// one of them and, with `nonEmpty`, an object without any (a write that would change nothing).
    /// The field names are declared once, in `Field`.
    func strictFields<Field: CodingKey & CaseIterable>(_ fields: Field.Type, nonEmpty: Bool = false) throws -> KeyedDecodingContainer<Field> {
        let all = try container(keyedBy: AnyCodingKey.self)
        let allowed = Set(Field.allCases.map(\.stringValue))
        if let unknown = all.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [unknown], debugDescription: "is not a known field."))
        }
        // `null` only where the OpenAPI document allows it (`NullableFields`): elsewhere a null is
        // refused, never read as "absent".
        let nullable = (Field.self as? any NullableFields.Type)?.nullable ?? []
        for key in all.allKeys where !nullable.contains(key.stringValue) {
            if try all.decodeNil(forKey: key) {
                throw DecodingError.valueNotFound(String.self, .init(codingPath: codingPath + [key], debugDescription: "must not be null."))
            }
        }
        if nonEmpty && all.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        return try container(keyedBy: Field.self)
    }
}

/// The fields of an input that take `null` (to clear a value), as the OpenAPI document says.
protocol NullableFields {
    static var nullable: Set<String> { get }
}

extension CallInput.Field: NullableFields { static var nullable: Set<String> { ["totalBudget"] } }
extension BookingInput.Field: NullableFields { static var nullable: Set<String> { ["earmark"] } }
extension CityInput.Field: NullableFields { static var nullable: Set<String> { ["population"] } }
extension OrganisationInput.Field: NullableFields { static var nullable: Set<String> { ["acronym", "website"] } }

/// A field of a partial update: absent (keep), or present with a value or null.
enum PatchField<Value: Sendable & Decodable>: Sendable {
    case absent
    case set(Value?)

    func applied(to current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .set(let value): value
        }
    }

    var isPresent: Bool { if case .set = self { true } else { false } }
}

extension KeyedDecodingContainer {
    /// The member when present (and not null).
    func value<T: Decodable>(_ key: Key, as type: T.Type = T.self) throws -> T? {
        try decodeIfPresent(T.self, forKey: key)
    }
}

extension KeyedDecodingContainer {
    func patch<Value: Decodable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> PatchField<Value> {
        guard contains(key) else { return .absent }
        return .set(try decodeIfPresent(type, forKey: key))
    }
}

/// `{ "en": …, "ko": … }` as submitted; either may be missing in a partial update.
struct LocalizedTextInput: Decodable, Sendable {
    var en: String?
    var ko: String?

    enum Field: String, CodingKey, CaseIterable { case en, ko }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self)
        en = try container.decodeIfPresent(String.self, forKey: .en)
        ko = try container.decodeIfPresent(String.self, forKey: .ko)
    }
}

extension Request {
    /// Decodes a JSON body, refusing anything that is not `application/json` with 415.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = headers.contentType, contentType.type == "application", contentType.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as application/json.")
        }
        guard let bytes = body.data, bytes.readableBytes > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body is empty; send a JSON object."))
        }
        if let repeated = DuplicateKeys.first(in: bytes.readableBytesView) {
            throw DecodingError.dataCorrupted(.init(codingPath: [AnyCodingKey(stringValue: repeated)], debugDescription: "appears more than once; send each field once."))
        }
        return try content.decode(T.self)
    }
}
