import FluentKit
import PostgresKit
import Foundation
import SconDomain
import SQLiteKit
import SQLKit

/// Reads one fetched row's columns by name. On SQLite it reads SQLite's own values; elsewhere
/// it goes through SQLKit's `decode(column:as:)`, whose `Decodable` machinery per cell was a
/// tenth of a 20-row list's CPU time on SQLite (docs/performance.md).
protocol RowReader {
    func contains(_ column: String) -> Bool
    func string(_ column: String) throws -> String
    func optionalString(_ column: String) throws -> String?
    func int(_ column: String) throws -> Int
    func optionalInt(_ column: String) throws -> Int?
    func double(_ column: String) throws -> Double
    func bool(_ column: String) throws -> Bool
    func uuid(_ column: String) throws -> UUID
    /// A blob column's bytes, nil when null.
    func optionalBytes(_ column: String) throws -> [UInt8]?
}

/// A column that is missing or holds a value of another type than the code expects.
struct UnreadableColumn: Error, CustomStringConvertible {
    let column: String
    let expected: String
    var description: String { "column \(column) is missing or is not a \(expected)" }
}

struct SQLiteRowReader: RowReader {
    let row: SQLiteRow

    func contains(_ column: String) -> Bool { row.column(column) != nil }

    private func value(_ column: String) throws -> SQLiteData {
        guard let data = row.column(column) else { throw UnreadableColumn(column: column, expected: "column") }
        return data
    }

    func string(_ column: String) throws -> String {
        guard case .text(let text) = try value(column) else { throw UnreadableColumn(column: column, expected: "text") }
        return text
    }

    func optionalString(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        default: throw UnreadableColumn(column: column, expected: "text or null")
        }
    }

    func int(_ column: String) throws -> Int {
        guard case .integer(let number) = try value(column) else { throw UnreadableColumn(column: column, expected: "integer") }
        return Int(number)
    }

    func optionalInt(_ column: String) throws -> Int? {
        switch try value(column) {
        case .null: return nil
        case .integer(let number): return Int(number)
        default: throw UnreadableColumn(column: column, expected: "integer or null")
        }
    }

    func double(_ column: String) throws -> Double {
        switch try value(column) {
        case .float(let number): return number
        case .integer(let number): return Double(number)
        default: throw UnreadableColumn(column: column, expected: "number")
        }
    }

    func bool(_ column: String) throws -> Bool { try int(column) != 0 }

    func uuid(_ column: String) throws -> UUID {
        guard let id = UUIDText.parse(try string(column)) else { throw UnreadableColumn(column: column, expected: "UUID") }
        return id
    }

    func optionalBytes(_ column: String) throws -> [UInt8]? {
        switch try value(column) {
        case .null: return nil
        case .blob(let buffer): return Array(buffer.readableBytesView)
        default: throw UnreadableColumn(column: column, expected: "blob or null")
        }
    }
}

struct SQLKitRowReader: RowReader {
    let row: any SQLRow

    func contains(_ column: String) -> Bool { row.contains(column: column) }

    func string(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
    func double(_ column: String) throws -> Double { try row.decode(column: column, as: Double.self) }
    func bool(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
    func uuid(_ column: String) throws -> UUID { try row.decode(column: column, as: UUID.self) }
    func optionalBytes(_ column: String) throws -> [UInt8]? { try row.decode(column: column, as: Data?.self).map { Array($0) } }
}

/// Runs a read query and turns each row into a value with a `RowReader`: on a reader
/// connection (`SQLiteReaders`), on SQLite through the pool, on PostgreSQL with prepared
/// statements (`PostgresStatements`), or through SQLKit.
struct RowQuery: Sendable {
    private enum Source: Sendable {
        /// A reader and the database whose dialect writes its SQL.
        case reader(SQLiteReader, any SQLDatabase)
        case database(any Database)
        /// PostgreSQL with the connections' prepared statements.
        case postgres(any Database, PostgresStatements)
    }

    private let source: Source

    init(db: any Database) { source = .database(db) }
    init(reader: SQLiteReader, sql: any SQLDatabase) { source = .reader(reader, sql) }
    init(db: any Database, statements: PostgresStatements) { source = .postgres(db, statements) }

    /// The database that builds and serialises the SQL (its dialect).
    var sql: any SQLDatabase {
        switch source {
        case .reader(_, let sql): sql
        case .database(let db), .postgres(let db, _): db as! any SQLDatabase
        }
    }

    /// On a reader the query runs here (see `SQLiteReaders`). Through the pool on SQLite, the rows
    /// are turned into values on SQLite's thread in one pass: `SQLiteDatabase.query` would hand
    /// every row back to the event loop as a task of its own.
    func all<T: Sendable>(_ builder: SQLSelectBuilder, _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {
        switch source {
        case .reader(let reader, _):
            let (text, binds) = try Self.sqliteQuery(builder)
            return try reader.query(text, binds, make)
        case .database(let db):
            if let sqlite = db as? any SQLiteDatabase {
                let (text, binds) = try Self.sqliteQuery(builder)
                return try await sqlite.withConnection { try await Self.read(text, binds, on: $0, make) }
            }
            return try await builder.all().map { try make(SQLKitRowReader(row: $0)) }
        case .postgres(let db, let statements):
            let (text, binds) = builder.database.serialize(builder.select)
            guard let postgres = db as? any PostgresDatabase, let data = PostgresStatements.data(of: binds) else {
                return try await builder.all().map { try make(SQLKitRowReader(row: $0)) }
            }
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask { try await statements.rows(text, data, on: connection, make) }
            }.get()
        }
    }

    /// The same for a query written as an expression (raw SQL with binds): full-text queries
    /// that SQLKit's builder cannot spell.
    func all<T: Sendable>(sql expression: any SQLExpression, _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {
        switch source {
        case .reader(let reader, let sql):
            let (text, binds) = try Self.sqliteQuery(expression, sql)
            return try reader.query(text, binds, make)
        case .database(let db), .postgres(let db, _):
            let sql = db as! any SQLDatabase
            if let sqlite = db as? any SQLiteDatabase {
                let (text, binds) = try Self.sqliteQuery(expression, sql)
                return try await sqlite.withConnection { try await Self.read(text, binds, on: $0, make) }
            }
            nonisolated(unsafe) var values: [T] = []
            nonisolated(unsafe) var failure: (any Error)?
            try await sql.execute(sql: expression) { row in
                guard failure == nil else { return }
                do { values.append(try make(SQLKitRowReader(row: row))) } catch { failure = error }
            }
            if let failure { throw failure }
            return values
        }
    }

    /// The integer `columns` of every row, row after row in one array (`columns.count` cells a
    /// row): on a reader read by position without a value per cell, elsewhere by name.
    func integers(sql expression: any SQLExpression, columns: [String]) async throws -> [Int64] {
        if case .reader(let reader, let sql) = source {
            let (text, binds) = try Self.sqliteQuery(expression, sql)
            return try reader.integers(text, binds, width: columns.count)
        }
        return try await all(sql: expression) { row in try columns.map { Int64(try row.int($0)) } }.flatMap { $0 }
    }

    private static func sqliteQuery(_ expression: any SQLExpression, _ sql: any SQLDatabase) throws -> (String, [SQLiteData]) {
        let (text, binds) = sql.serialize(expression)
        let encoder = SQLiteDataEncoder()
        return (text, try binds.map { try encoder.encode($0) })
    }

    func first<T: Sendable>(_ builder: SQLSelectBuilder, _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> T? {
        try await all(builder.limit(1), make).first
    }

    private static func sqliteQuery(_ builder: SQLSelectBuilder) throws -> (String, [SQLiteData]) {
        let (text, binds) = builder.database.serialize(builder.select)
        let encoder = SQLiteDataEncoder()
        return (text, try binds.map { try encoder.encode($0) })
    }

    private static func read<T: Sendable>(_ text: String, _ data: [SQLiteData], on connection: SQLiteConnection,
                                          _ make: @escaping @Sendable (any RowReader) throws -> T) async throws -> [T] {        // Written only by `onRow`, which SQLite's thread calls one row after another, and read
        // after the query has finished: the same pattern as SQLiteNIO's own `query`.
        nonisolated(unsafe) var values: [T] = []
        nonisolated(unsafe) var failure: (any Error)?
        try await connection.query(text, data) { row in
            guard failure == nil else { return }
            do { values.append(try make(SQLiteRowReader(row: row))) } catch { failure = error }
        }
        if let failure { throw failure }
        return values
    }
}
