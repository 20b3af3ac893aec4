import FluentKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SconDomain
import SQLiteNIO
import SQLKit
import Vapor
// SQLite's C interface, from the copy SQLiteNIO bundles: the same library instance as the
// pool's connections, so that SQLite's file locks see each other (two copies of SQLite in one
// process must never open the same file). SwiftPM makes a dependency's C module importable.
import VaporCSQLite

/// Read-only connections to the SQLite file, one per event loop, for the lists and pages.
///
/// A read through Fluent's pool borrows a connection, starts a task, hands the query to
/// SQLite's thread pool, parses the SQL anew, copies every column into Swift values and
/// resumes the task on an event loop; for a 20-row list that bookkeeping cost more than the
/// query itself (docs/performance.md). These connections keep their prepared statements and
/// run a read on the calling thread: a read of one page by index takes tens of microseconds,
/// less than the two thread switches it saves. In WAL mode a reader never waits for the
/// writer and sees everything committed before its query began. Writes stay on the pool.
final class SQLiteReaders: Sendable {
    private let readers: [ObjectIdentifier: SQLiteReader]
    private let fallback: SQLiteReader

    init(path: String, eventLoopGroup: any EventLoopGroup) throws {
        var readers: [ObjectIdentifier: SQLiteReader] = [:]
        for eventLoop in eventLoopGroup.makeIterator() {
            readers[ObjectIdentifier(eventLoop)] = try SQLiteReader(path: path)
        }
        self.readers = readers
        fallback = try readers.values.first ?? SQLiteReader(path: path)
    }

    /// The reader of the event loop the request came in on (any reader is correct; this one
    /// is rarely contended).
    func reader(for eventLoop: any EventLoop) -> SQLiteReader {
        readers[ObjectIdentifier(eventLoop)] ?? fallback
    }

    func close() {
        for reader in readers.values { reader.close() }
        fallback.close()
    }
}

/// One read-only SQLite connection with its prepared statements, guarded by a lock.
final class SQLiteReader: @unchecked Sendable {
    private struct Prepared {
        let statement: OpaquePointer
        let columns: [String: Int32]
    }

    private let lock = NIOLock()
    // Guarded by `lock`.
    private var handle: OpaquePointer?
    private var statements: [String: Prepared] = [:]
    private static let maximumStatements = 256

    init(path: String) throws {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "status \(status)"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError(message: "cannot open \(path) for reading: \(message)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
        sqlite_nio_sqlite3_exec(handle, "PRAGMA query_only = ON", nil, nil, nil)
        // Pages read through a memory map rather than copied by a system call each (the search's
        // postings read thousands of rows spread over a large file).
        sqlite_nio_sqlite3_exec(handle, "PRAGMA mmap_size = 1073741824", nil, nil, nil)
        self.handle = handle
    }

    deinit { close() }

    func close() {
        lock.withLock {
            for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            statements.removeAll()
            if let handle { sqlite_nio_sqlite3_close(handle) }
            handle = nil
        }
    }

    /// Runs `sql` with `binds` and turns each row into a value.
    func query<T>(_ sql: String, _ binds: [SQLiteData], _ make: (any RowReader) throws -> T) throws -> [T] {
        try run(sql, binds) { prepared, handle in
            var values: [T] = []
            let row = SQLiteCRow(statement: prepared.statement, columns: prepared.columns)
            try Self.step(prepared.statement, on: handle) { values.append(try make(row)) }
            return values
        }
    }

    /// Runs `sql` and returns its first `width` columns, integers, row after row in one array:
    /// for reads of thousands of small rows (the search's postings), without a value per cell.
    func integers(_ sql: String, _ binds: [SQLiteData], width: Int) throws -> [Int64] {
        try run(sql, binds) { prepared, handle in
            var cells: [Int64] = []
            let statement = prepared.statement
            try Self.step(statement, on: handle) {
                for column in 0..<Int32(width) { cells.append(sqlite_nio_sqlite3_column_int64(statement, column)) }
            }
            return cells
        }
    }

    /// Prepares (or reuses) `sql`, binds `binds`, runs `read` under the lock, and resets the
    /// statement for the next time.
    private func run<T>(_ sql: String, _ binds: [SQLiteData], _ read: (Prepared, OpaquePointer) throws -> T) throws -> T {
        try lock.withLock {
            guard let handle else { throw SQLiteReadError(message: "the reader is closed") }
            let prepared = try statement(for: sql, on: handle)
            let statement = prepared.statement
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (index, value) in binds.enumerated() {
                let position = Int32(index + 1)
                let status: Int32
                switch value {
                case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, position, Int64(number))
                case .float(let number): status = sqlite_nio_sqlite3_bind_double(statement, position, number)
                case .text(let text): status = sqlite_nio_sqlite3_bind_text(statement, position, text, -1, SQLITE_TRANSIENT)
                case .blob(let buffer):
                    status = buffer.withUnsafeReadableBytes {
                        sqlite_nio_sqlite3_bind_blob64(statement, position, $0.baseAddress, UInt64($0.count), SQLITE_TRANSIENT)
                    }
                case .null: status = sqlite_nio_sqlite3_bind_null(statement, position)
                }
                guard status == SQLITE_OK else { throw SQLiteReadError(message: String(cString: sqlite_nio_sqlite3_errmsg(handle))) }
            }
            return try read(prepared, handle)
        }
    }

    /// Steps through the rows, calling `row` for each.
    private static func step(_ statement: OpaquePointer, on handle: OpaquePointer, _ row: () throws -> Void) throws {
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw SQLiteReadError(message: String(cString: sqlite_nio_sqlite3_errmsg(handle))) }
            try row()
        }
    }

    /// The prepared statement of `sql`, kept for the next time (the SQL of a list differs only
    /// by its filters, so there are few).
    private func statement(for sql: String, on handle: OpaquePointer) throws -> Prepared {
        if let prepared = statements[sql] { return prepared }
        if statements.count >= Self.maximumStatements {
            for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            statements.removeAll()
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteReadError(message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
        }
        var columns: [String: Int32] = [:]
        for index in 0..<sqlite_nio_sqlite3_column_count(statement) {
            columns[String(cString: sqlite_nio_sqlite3_column_name(statement, index))] = index
        }
        let prepared = Prepared(statement: statement, columns: columns)
        statements[sql] = prepared
        return prepared
    }
}

struct SQLiteReadError: Error, CustomStringConvertible {
    let message: String
    var description: String { "SQLite read failed: \(message)" }
}

/// The current row of a statement, read straight from SQLite's C interface.
private struct SQLiteCRow: RowReader {
    let statement: OpaquePointer
    let columns: [String: Int32]

    func contains(_ column: String) -> Bool { columns[column] != nil }

    private func index(_ column: String) throws -> Int32 {
        guard let index = columns[column] else { throw UnreadableColumn(column: column, expected: "column") }
        return index
    }

    private func isNull(_ index: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, index) == SQLITE_NULL }

    private func text(_ index: Int32) -> String {
        guard let bytes = sqlite_nio_sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func string(_ column: String) throws -> String {
        let index = try index(column)
        guard sqlite_nio_sqlite3_column_type(statement, index) == SQLITE_TEXT else { throw UnreadableColumn(column: column, expected: "text") }
        return text(index)
    }

    func optionalString(_ column: String) throws -> String? {
        let index = try index(column)
        return isNull(index) ? nil : try string(column)
    }

    func int(_ column: String) throws -> Int {
        let index = try index(column)
        guard sqlite_nio_sqlite3_column_type(statement, index) == SQLITE_INTEGER else { throw UnreadableColumn(column: column, expected: "integer") }
        return Int(sqlite_nio_sqlite3_column_int64(statement, index))
    }

    func optionalInt(_ column: String) throws -> Int? {
        let index = try index(column)
        return isNull(index) ? nil : try int(column)
    }

    func double(_ column: String) throws -> Double {
        let index = try index(column)
        let type = sqlite_nio_sqlite3_column_type(statement, index)
        guard type == SQLITE_FLOAT || type == SQLITE_INTEGER else { throw UnreadableColumn(column: column, expected: "number") }
        return sqlite_nio_sqlite3_column_double(statement, index)
    }

    func bool(_ column: String) throws -> Bool { try int(column) != 0 }

    func uuid(_ column: String) throws -> UUID {
        guard let id = UUIDText.parse(try string(column)) else { throw UnreadableColumn(column: column, expected: "UUID") }
        return id
    }

    func optionalBytes(_ column: String) throws -> [UInt8]? {
        let index = try index(column)
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return nil
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite_nio_sqlite3_column_blob(statement, index) else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: count))
        default: throw UnreadableColumn(column: column, expected: "blob or null")
        }
    }
}

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Opens the readers once the app has booted (migrations done) and closes them on shutdown.
struct SQLiteReadersLifecycle: LifecycleHandler {
    let path: String

    func didBootAsync(_ application: Application) async throws {
        application.storage[SQLiteReadersKey.self] = try SQLiteReaders(path: path, eventLoopGroup: application.eventLoopGroup)
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[SQLiteReadersKey.self]?.close()
        application.storage[SQLiteReadersKey.self] = nil
    }
}

struct SQLiteReadersKey: StorageKey {
    typealias Value = SQLiteReaders
}

extension Request {
    /// Where this request's reads go: a reader on SQLite files, prepared statements on
    /// PostgreSQL, the pool otherwise.
    var rows: RowQuery { application.rows(on: eventLoop, db: db) }
}

extension Application {
    /// Where reads on `eventLoop` go (see `Request.rows`); benchmarks read the same way.
    func rows(on eventLoop: any EventLoop, db: any Database) -> RowQuery {
        if let readers = storage[SQLiteReadersKey.self] {
            return RowQuery(reader: readers.reader(for: eventLoop), sql: db as! any SQLDatabase)
        }
        if let statements = storage[PostgresStatementsKey.self] {
            return RowQuery(db: db, statements: statements)
        }
        return RowQuery(db: db)
    }
}
