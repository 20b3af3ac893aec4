import Fluent
import Foundation
import SQLKit
import Vapor

/// A consistent copy of the whole database while the server runs, and its restore into an
/// empty database.
///
/// SQLite: `VACUUM INTO` writes a snapshot of one read transaction (writers go on meanwhile);
/// the restore attaches the copy and recreates its tables, rows, indexes and triggers inside
/// one transaction, so it works on the server's own connection. PostgreSQL: `pg_dump` in its
/// custom format (one snapshot) and `pg_restore`, both from the PostgreSQL client tools.
struct DatabaseBackup {
    let app: Application

    enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case notEmpty(tables: Int)
        case missing(String)
        case tool(String, status: Int32, output: String)

        var description: String {
            switch self {
            case .exists(let path): "\(path) exists already; a backup never overwrites a file."
            case .notEmpty(let tables): "the database is not empty (\(tables) tables); restore into an empty database."
            case .missing(let path): "\(path) is not a readable file."
            case .tool(let tool, let status, let output): "\(tool) failed (exit \(status)): \(output)"
            }
        }
    }

    private var sql: any SQLDatabase { app.db as! any SQLDatabase }
    private var isSQLite: Bool { app.sconConfig.databaseURL.hasPrefix("sqlite:") }

    /// Writes the copy to `path` (readable by its owner only) and returns its size in bytes.
    func backup(to path: String) async throws -> Int {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        if isSQLite {
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        } else {
            try Self.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(path)", Self.libpqURL(app.sconConfig.databaseURL)])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Loads the copy at `path` into this (empty) database; returns the number of tables.
    func restore(from path: String) async throws -> Int {
        guard FileManager.default.isReadableFile(atPath: path) else { throw Failure.missing(path) }
        let tables = try await tableCount()
        guard tables == 0 else { throw Failure.notEmpty(tables: tables) }
        if isSQLite {
            return try await restoreSQLite(from: path)
        }
        try Self.run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname=\(Self.libpqURL(app.sconConfig.databaseURL))", path])
        return try await tableCount()
    }

    private func tableCount() async throws -> Int {
        let query: SQLQueryString = isSQLite
            ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT count(*)::bigint AS n FROM information_schema.tables WHERE table_schema = current_schema()"
        return try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private struct SchemaObject: Decodable {
        var type: String
        var name: String
        var sql: String?
    }

    private func restoreSQLite(from path: String) async throws -> Int {
        // Foreign keys are checked once at the end (their pragma cannot change inside a transaction).
        // One connection throughout: the pragma, the attachment and the transaction are its own.
        try await app.db.withConnection { connection in
            let session = connection as! any SQLDatabase
            try await session.raw("PRAGMA foreign_keys = OFF").run()
            try await session.raw("ATTACH DATABASE \(bind: path) AS backup").run()
            do {
                try await session.raw("BEGIN IMMEDIATE").run()
                let objects = try await session.raw("SELECT type, name, sql FROM backup.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")
                    .all(decoding: SchemaObject.self)
                for object in objects where object.type == "table" {
                    guard let create = object.sql else { continue }
                    try await session.raw(SQLQueryString(create)).run()
                    let quoted = "\"" + object.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    let copy = "INSERT INTO main." + quoted + " SELECT * FROM backup." + quoted
                    try await session.raw(SQLQueryString(copy)).run()
                }
                for object in objects where object.type != "table" {
                    guard let create = object.sql else { continue }  // automatic indexes have no SQL
                    try await session.raw(SQLQueryString(create)).run()
                }
                if try await session.raw("SELECT 1 AS one FROM backup.sqlite_master WHERE name = 'sqlite_sequence'").first() != nil {
                    try await session.raw("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence").run()
                }
                let broken = try await session.raw("PRAGMA foreign_key_check").all()
                guard broken.isEmpty else { throw Failure.tool("foreign key check", status: 1, output: "\(broken.count) rows refer to rows that are missing") }
                try await session.raw("COMMIT").run()
            } catch {
                try? await session.raw("ROLLBACK").run()
                try? await session.raw("DETACH DATABASE backup").run()
                try? await session.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await session.raw("DETACH DATABASE backup").run()
            try await session.raw("PRAGMA foreign_keys = ON").run()
        }
        return try await tableCount()
    }

    /// libpq reads `postgres://` URLs; SQLPostgresConfiguration accepts `postgresql://` too.
    static func libpqURL(_ url: String) -> String { url }

    /// Runs a PostgreSQL client tool found on PATH; its standard error is the failure's text.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.tool(tool, status: process.terminationStatus,
                               output: String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
