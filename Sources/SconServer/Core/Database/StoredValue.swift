import Fluent
import Foundation

/// A stored value the code does not know (a stage, a currency, a role that this version has
/// no case for): an error naming the table and the column, never a silent default.
struct UnknownStoredValue: Error, CustomStringConvertible {
    let table: String
    let column: String
    let value: String

    var description: String { "\(table).\(column) holds \"\(value)\", which this version of K-SCON does not know" }
}

extension Model {
    /// The stored text of `column` as the domain's value, or `UnknownStoredValue`.
    static func known<T: RawRepresentable>(_ value: String, _ column: String) throws -> T where T.RawValue == String {
        guard let known = T(rawValue: value) else { throw UnknownStoredValue(table: schema, column: column, value: value) }
        return known
    }
}

extension Model {
    /// A JSON document stored in `column`, decoded; a document that does not decode is an
    /// `UnknownStoredValue` naming the table and column.
    static func storedJSON<T: Decodable>(_ text: String, _ column: String, as type: T.Type = T.self) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw UnknownStoredValue(table: schema, column: column, value: String(text.prefix(80)))
        }
    }

    /// A list stored as text with a separator, each item read by `make`; an item it cannot read
    /// is an `UnknownStoredValue`.
    static func storedList<T>(_ text: String, separator: Character, _ column: String, _ make: (String) -> T?) throws -> [T] {
        try text.split(separator: separator).map { item in
            guard let value = make(String(item)) else { throw UnknownStoredValue(table: schema, column: column, value: String(item)) }
            return value
        }
    }
}

extension Model where IDValue == UUID {
    /// The id of a row read from the database, which always has one (the primary key). An
    /// unsaved model here is a programming error, not a value to make up.
    var storedID: UUID {
        guard let id else { preconditionFailure("a \(Self.schema) row without an id") }
        return id
    }
}
