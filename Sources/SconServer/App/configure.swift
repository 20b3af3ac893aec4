import Fluent
import Metrics
import SconDomain
import Vapor

/// Configures the application: database, middleware, and each context of `SconContexts.all`
/// with its migrations, routes and commands.
/// Tests call it with their own `AppConfig`.
public func configure(_ app: Application, config: AppConfig) async throws {
    try await configure(app, config: config, postgresSearchPath: nil)
}

func configure(_ app: Application, config: AppConfig, postgresSearchPath: [String]?) async throws {
    app.sconConfig = config
    app.prepareCSRFKey()
    SconMetrics.bootstrap()

    let databaseKind = try DatabaseSetup.configure(app, config: config, postgresSearchPath: postgresSearchPath)
    for context in SconContexts.all { app.migrations.add(context.migrations) }
    // SQLite has one writer: writers queue in the process. PostgreSQL: per-aggregate locks.
    app.auditWriters = AuditWriters(serialises: databaseKind == .sqlite)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    app.routes.defaultMaxBodySize = ByteCount(value: config.maxBodyKilobytes * 1024)
    app.http.server.configuration.responseCompression = .disabled
    app.http.server.configuration.serverName = nil

    // The headers outermost, so that error pages carry them too; then errors, so that they see
    // everything; then who is asking; then CSRF.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorPages())
    app.middleware.use(MethodNotAllowed())
    app.middleware.use(BodySizeLimit(maxBytes: config.maxBodyKilobytes * 1024))
    app.middleware.use(Authentication())
    app.middleware.use(CSRFProtection(secureCookies: config.secureCookies))

    for context in SconContexts.all {
        try context.register(ContextRoutes(app: app))
    }

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(SolveCommand(), as: "solve")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(ImportCommand(), as: "import")
    for context in SconContexts.all {
        for (name, command) in context.tools.commands { app.asyncCommands.use(command, as: name) }
    }
}

/// Headers every answer carries (error pages included): no sniffing, no framing, a strict
/// content policy (no CDN, no inline script); answers to a signed-in request are never stored
/// by a cache (`Cache-Control: no-store`).
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if request.signedInUser != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        // A prefix test: parsing the header into an `HTTPMediaType` cost 6% of a bare request.
        if response.headers.first(name: .contentType)?.hasPrefix("text/html") == true {
            response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                          value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        }
        return response
    }
}
