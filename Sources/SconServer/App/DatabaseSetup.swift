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

/// Switches an SQLite file to write-ahead logging once the app boots.
private struct SQLiteWriteAheadLog: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard let sql = application.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
