import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit
import Vapor

/// The read path on PostgreSQL: named prepared statements kept per connection, binds encoded
/// straight into PostgreSQL's binary format, and cells read through `PostgresRowReader`.
///
/// Through SQLKit, every read sent its SQL to be parsed and planned anew (an unnamed statement)
/// and every cell went through `Decodable`. A list's few statements are the same text each
/// time (the binds change), so each connection prepares a text once and then only binds and
/// executes it: one round trip, and no parse or plan on the server (docs/performance.md).
final class PostgresStatements: Sendable {
    private struct Slot: Sendable {
        weak var connection: PostgresConnection?
        var statements: [String: PreparedQuery] = [:]
    }

    /// Slots by connection. A connection that has gone (closed and freed) leaves a slot whose
    /// `connection` is nil; a new connection at the same address replaces it.
    private let slots = NIOLockedValueBox<[ObjectIdentifier: Slot]>([:])
    /// Statements a connection keeps at most; texts beyond run unnamed.
    static let maximumPerConnection = 256

    /// Runs `sql` with `binds` on `connection` and makes a value of each row.
    func rows<T: Sendable>(_ sql: String, _ binds: [PostgresData], on connection: PostgresConnection,
                           _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {
        do {
            return try await run(sql, binds, on: connection, make)
        } catch where Self.isStale(error) {
            // The schema changed under a kept statement (a migration): prepare it again once.
            forget(sql, on: connection)
            return try await run(sql, binds, on: connection, make)
        }
    }

    private func run<T: Sendable>(_ sql: String, _ binds: [PostgresData], on connection: PostgresConnection,
                                  _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {
        let key = ObjectIdentifier(connection)
        let kept = slots.withLockedValue { slots -> PreparedQuery? in
            guard let slot = slots[key] else { return nil }
            guard slot.connection === connection else { slots[key] = nil; return nil }
            return slot.statements[sql]
        }
        if let kept { return try await Self.execute(kept, binds, make) }
        let statement = try await connection.prepare(query: sql).get()
        let stored = slots.withLockedValue { slots -> Bool in
            var slot = slots[key].flatMap { $0.connection === connection ? $0 : nil } ?? Slot(connection: connection)
            guard slot.statements.count < Self.maximumPerConnection else { return false }
            slot.statements[sql] = statement
            slots[key] = slot
            return true
        }
        if stored { return try await Self.execute(statement, binds, make) }
        // The connection keeps enough statements: this one is closed after its use.
        let values = try await Self.execute(statement, binds, make)
        try await statement.deallocate().get()
        return values
    }

    private func forget(_ sql: String, on connection: PostgresConnection) {
        slots.withLockedValue { slots in _ = slots[ObjectIdentifier(connection)]?.statements.removeValue(forKey: sql) }
    }

    private static func execute<T: Sendable>(_ statement: PreparedQuery, _ binds: [PostgresData],
                                             _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {
        let result = ResultRows<T>()
        try await statement.execute(binds) { row in try result.append(row, make) }.get()
        return result.values
    }

    /// `0A000` "cached plan must not change result type", `26000` no such prepared statement.
    /// (The legacy execution path throws `PostgresError`; `PSQLError` is there for the other.)
    private static func isStale(_ error: any Error) -> Bool {
        let state: String? = switch error {
        case let error as PostgresError: error.code.raw
        case let error as PSQLError: error.serverInfo?[.sqlState]
        default: nil
        }
        return state == "0A000" || state == "26000"
    }

    /// The binds of a query in PostgreSQL's wire format, or nil when one of them has no
    /// `PostgresEncodable` form (the query then goes through SQLKit).
    static func data(of binds: [any Encodable & Sendable]) -> [PostgresData]? {
        var data: [PostgresData] = []
        data.reserveCapacity(binds.count)
        for bind in binds {
            guard let value = bind as? any PostgresEncodable, let encoded = try? encode(value) else { return nil }
            data.append(encoded)
        }
        return data
    }

    private static func encode<Value: PostgresEncodable>(_ value: Value) throws -> PostgresData {
        var buffer = ByteBuffer()
        try value.encode(into: &buffer, context: .default)
        return PostgresData(type: value.psqlType, formatCode: value.psqlFormat, value: buffer)
    }
}

struct PostgresStatementsKey: StorageKey {
    typealias Value = PostgresStatements
}

/// The values made of one execution's rows, and its columns' positions by name (found once,
/// from the first row). Written only by `onRow`, which the connection's event loop calls one row
/// after another, and read once the query has finished: the same pattern as SQLiteNIO's `query`.
private final class ResultRows<T>: @unchecked Sendable {
    var values: [T] = []
    private var columns: [String: Int]?

    func append(_ row: PostgresRow, _ make: (any RowReader) throws -> T) throws {
        let cells = Array(row)
        let columns = self.columns ?? Dictionary(cells.enumerated().map { ($1.columnName, $0) }, uniquingKeysWith: { first, _ in first })
        self.columns = columns
        values.append(try make(PostgresRowReader(cells: cells, columns: columns)))
    }
}

/// Reads a PostgreSQL row's cells from their binary form: text, JSON and integers directly,
/// other types with `PostgresDecodable` (never `Decodable` per cell).
///
/// Every execution asks for binary results (PostgresNIO's Bind), but a statement prepared through
/// `prepare(query:)` keeps the row description of its Describe, whose format codes are always
/// text ("not yet known", PostgreSQL's protocol docs): each cell is read as the binary it is.
struct PostgresRowReader: RowReader {
    let cells: [PostgresCell]
    let columns: [String: Int]

    func contains(_ column: String) -> Bool { columns[column] != nil }

    private func cell(_ column: String) throws -> PostgresCell {
        guard let index = columns[column] else { throw UnreadableColumn(column: column, expected: "column") }
        return cells[index]
    }

    private func decode<T: PostgresDecodable>(_ cell: PostgresCell, as type: T.Type, _ expected: String) throws -> T {
        var cell = cell
        cell.format = .binary
        do {
            return try cell.decode(T.self)
        } catch is PostgresDecodingError {
            throw UnreadableColumn(column: cell.columnName, expected: expected)
        }
    }

    private func text(_ cell: PostgresCell) throws -> String {
        guard var bytes = cell.bytes else { throw UnreadableColumn(column: cell.columnName, expected: "text") }
        switch cell.dataType {
        case .text, .varchar, .bpchar, .name, .json:
            return String(buffer: bytes)
        case .jsonb:
            // Binary jsonb: a version byte (1), then the JSON text.
            guard bytes.readInteger(as: UInt8.self) == 1 else { throw UnreadableColumn(column: cell.columnName, expected: "jsonb") }
            return String(buffer: bytes)
        default:
            return try decode(cell, as: String.self, "text")
        }
    }

    private func integer(_ cell: PostgresCell) throws -> Int {
        guard var bytes = cell.bytes else { throw UnreadableColumn(column: cell.columnName, expected: "integer") }
        let number: Int? = switch cell.dataType {
        case .int8: bytes.readInteger(as: Int64.self).map(Int.init)
        case .int4: bytes.readInteger(as: Int32.self).map(Int.init)
        case .int2: bytes.readInteger(as: Int16.self).map(Int.init)
        default: try decode(cell, as: Int.self, "integer")
        }
        guard let number else { throw UnreadableColumn(column: cell.columnName, expected: "integer") }
        return number
    }

    func string(_ column: String) throws -> String { try text(cell(column)) }

    func optionalString(_ column: String) throws -> String? {
        let cell = try cell(column)
        return cell.bytes == nil ? nil : try text(cell)
    }

    func int(_ column: String) throws -> Int { try integer(cell(column)) }

    func optionalInt(_ column: String) throws -> Int? {
        let cell = try cell(column)
        return cell.bytes == nil ? nil : try integer(cell)
    }

    func double(_ column: String) throws -> Double { try decode(cell(column), as: Double.self, "number") }
    func bool(_ column: String) throws -> Bool { try decode(cell(column), as: Bool.self, "boolean") }
    func uuid(_ column: String) throws -> UUID { try decode(cell(column), as: UUID.self, "UUID") }

    func optionalBytes(_ column: String) throws -> [UInt8]? {
        let cell = try cell(column)
        guard let bytes = cell.bytes else { return nil }
        guard cell.dataType == .bytea else { throw UnreadableColumn(column: column, expected: "bytea") }
        return Array(bytes.readableBytesView)
    }
}
