import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Chooses and configures the database from `AppConfig.databaseURL`.
enum DatabaseSetup {
    enum Kind: Sendable { case sqlite, postgres }

    static func configure(_ app: Application, config: AppConfig, postgresSearchPath: [String]? = nil) throws -> Kind {
        let url = config.databaseURL
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = postgresSearchPath
            app.databases.use(.postgres(configuration: configuration,
                                        maxConnectionsPerEventLoop: config.postgresConnectionsPerLoop,
                                        connectionPoolTimeout: .seconds(10),
                                        sqlLogLevel: .debug), as: .psql)
            app.storage[PostgresStatementsKey.self] = PostgresStatements()
            return .postgres
        }
        guard url.hasPrefix("sqlite:") else {
            throw Abort(.internalServerError, reason: "DATABASE_URL must start with sqlite: or postgres://")
        }
        let path = String(url.dropFirst("sqlite:".count))
        if path != ":memory:", !path.isEmpty, !FileManager.default.fileExists(atPath: path) {
            // Readable by its owner only; SQLite gives the -wal and -shm files the same mode.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let storage: SQLiteConfiguration = path == ":memory:" || path.isEmpty
            ? .init(storage: .memory, enableForeignKeys: true)
            : .init(storage: .file(path: path), enableForeignKeys: true)
        app.databases.use(.sqlite(storage, sqlLogLevel: .debug), as: .sqlite)
        if path != ":memory:", !path.isEmpty {
            // WAL lets readers proceed while one writer writes (DESIGN.md).
            app.lifecycle.use(SQLiteWriteAheadLog())
            app.lifecycle.use(SQLiteReadersLifecycle(path: path))
        }
        return .sqlite
    }
}

/// Switches an SQLite file to write-ahead logging once the app boots. Every connection keeps
/// SQLite's default `synchronous=FULL` (the bundled SQLite sets no other default for WAL):
/// a commit is on disk before it is acknowledged, also across a power loss. (`NORMAL` was
/// set on one pooled connection before: with WAL it may lose the last commits.)
private struct SQLiteWriteAheadLog: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard let sql = application.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
}
