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
    /// The object's members, refusing those not in `allowed` and, with `nonEmpty`, an object
    /// without any (a write that would change nothing).
    func strictFields(_ allowed: Set<String>, nonEmpty: Bool = false) throws -> KeyedDecodingContainer<AnyCodingKey> {
        try rejectUnknownKeys(allowed: allowed)
        let container = try container(keyedBy: AnyCodingKey.self)
        if nonEmpty && container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        return container
    }

    /// Refuses members the schema does not have (`additionalProperties: false`), naming the first one.
    func rejectUnknownKeys(allowed: Set<String>) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        if let unknown = container.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [unknown], debugDescription: "is not a known field."))
        }
    }
}

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

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// The member `name` when present (and not null).
    func value<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try decodeIfPresent(T.self, forKey: AnyCodingKey(name))
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

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["en", "ko"])
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        en = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "en"))
        ko = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "ko"))
    }
}

extension Request {
    /// Decodes a JSON body, refusing anything that is not `application/json` with 415.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard let contentType = headers.contentType, contentType.type == "application", contentType.subType == "json" else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as application/json.")
        }
        return try content.decode(T.self)
    }
}
