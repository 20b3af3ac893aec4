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
        // Written only by `onRow`, which the connection's event loop calls one row after another,
        // and read once the query has finished.
        let values = NIOLockedValueBox<[T]>([])
        try await statement.execute(binds) { row in
            let value = try make(PostgresRowReader(row: row))
            values.withLockedValue { $0.append(value) }
        }.get()
        return values.withLockedValue { $0 }
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

/// Reads a PostgreSQL row's cells with `PostgresDecodable` (no `Decodable` per cell).
///
/// Every execution asks for binary results (PostgresNIO's Bind), but a statement prepared through
/// `prepare(query:)` keeps the row description of its Describe, whose format codes are always
/// text ("not yet known", PostgreSQL's protocol docs): each cell is read as the binary it is.
struct PostgresRowReader: RowReader {
    private let cells: PostgresRandomAccessRow

    init(row: PostgresRow) {
        cells = row.makeRandomAccess()
    }

    func contains(_ column: String) -> Bool { cells.contains(column) }

    private func cell(_ column: String) throws -> PostgresCell {
        guard cells.contains(column) else { throw UnreadableColumn(column: column, expected: "column") }
        var cell = cells[column]
        cell.format = .binary
        return cell
    }

    private func read<T: PostgresDecodable>(_ column: String, as type: T.Type, _ expected: String) throws -> T {
        do {
            return try cell(column).decode(T.self)
        } catch is PostgresDecodingError {
            throw UnreadableColumn(column: column, expected: expected)
        }
    }

    private func isNull(_ column: String) throws -> Bool { try cell(column).bytes == nil }

    func string(_ column: String) throws -> String {
        let cell = try cell(column)
        switch cell.dataType {
        case .jsonb:
            // Binary jsonb: a version byte (1), then the JSON text.
            guard var bytes = cell.bytes, bytes.readInteger(as: UInt8.self) == 1 else { throw UnreadableColumn(column: column, expected: "jsonb") }
            return String(buffer: bytes)
        case .json:
            guard let bytes = cell.bytes else { throw UnreadableColumn(column: column, expected: "json") }
            return String(buffer: bytes)
        default:
            return try read(column, as: String.self, "text")
        }
    }

    func optionalString(_ column: String) throws -> String? { try isNull(column) ? nil : string(column) }
    func int(_ column: String) throws -> Int { try read(column, as: Int.self, "integer") }
    func optionalInt(_ column: String) throws -> Int? { try isNull(column) ? nil : int(column) }
    func double(_ column: String) throws -> Double { try read(column, as: Double.self, "number") }
    func bool(_ column: String) throws -> Bool { try read(column, as: Bool.self, "boolean") }
    func uuid(_ column: String) throws -> UUID { try read(column, as: UUID.self, "UUID") }
}
