import Vapor

/// The whole configuration of the platform: one typed value with defaults in code and the
/// environment variable that overrides each field (after pointfreeco's EnvVars).
public struct AppConfig: Sendable {
    /// `DATABASE_URL`: `sqlite:PATH` (default `sqlite:./scon.sqlite`), `sqlite::memory:`, or `postgres://…`.
    public var databaseURL: String = "sqlite:./scon.sqlite"
    /// `SCON_AUTO_MIGRATE` (default true): `scon serve` migrates and seeds an empty database on start.
    public var autoMigrate: Bool = true
    /// `SCON_BCRYPT_COST` (default 12). Tests use the minimum, 4.
    public var bcryptCost: Int = 12
    /// `SCON_SECURE_COOKIES` (default false): mark cookies `Secure`; turn on behind HTTPS.
    public var secureCookies: Bool = false
    /// `SCON_SESSION_DAYS` (default 14): how long a sign-in lasts.
    public var sessionDays: Int = 14
    /// `SCON_BENCH_CEILING` (default false): also serve `GET /__ceiling`, the bare route benchmarks compare against.
    public var benchCeiling: Bool = false
    /// `SCON_MAX_BODY_KB` (default 256): larger request bodies are refused with 413.
    public var maxBodyKilobytes: Int = 256
    /// The largest file a proposal may attach (PDF, PNG, JPEG).
    public var maxAttachmentKilobytes: Int = 10_240
    /// `SCON_SQL_POOL` (default 4): PostgreSQL connections per event loop.
    public var postgresConnectionsPerLoop: Int = 4
    /// `SCON_METRICS_TOKEN`: `/metrics` answers loopback clients, and others that send this
    /// token in `X-Metrics-Token` (none by default: loopback only).
    public var metricsToken: String?
    /// `SCON_TRUSTED_PROXIES` (addresses, comma-separated): a request from one of these takes
    /// its client's address from `X-Forwarded-For` (the last hop that is not a trusted proxy).
    public var trustedProxies: Set<String> = []
    /// `SCON_SECRET` (32+ characters): the key of the CSRF tokens' HMAC. Several app servers
    /// behind one address share it; without it each process draws its own at start.
    public var secret: String?
    /// `SCON_SEARCH_REFRESH_MINUTES` (default 10): how often `scon serve` re-reads the records the
    /// search finds besides challenges and solutions (organisations, cities, calls, projects); 0 = never.
    public var searchRefreshMinutes: Int = 10
    /// `SCON_SENDMAIL`: the path of a sendmail-compatible program (`/usr/sbin/sendmail`, msmtp);
    /// `scon remind` sends each account's daily digest through it (`-i -t`). None by default: the
    /// notices only fill the in-app inbox.
    public var sendmail: String?
    /// `SCON_MAIL_FROM` (default `K-SCON <noreply@localhost>`): the digest's sender.
    public var mailFrom: String = "K-SCON <noreply@localhost>"
    /// `SCON_PUBLIC_URL` (default `http://localhost:8080`): the address people reach the site at,
    /// for the links in e-mails.
    public var publicURL: String = "http://localhost:8080"

    public init() {}

    public static func fromEnvironment() -> AppConfig {
        var config = AppConfig()
        if let value = Environment.get("DATABASE_URL"), !value.isEmpty { config.databaseURL = value }
        if let value = Environment.get("SCON_AUTO_MIGRATE") { config.autoMigrate = Self.flag(value) }
        if let value = Environment.get("SCON_BCRYPT_COST").flatMap(Int.init), (4...31).contains(value) { config.bcryptCost = value }
        if let value = Environment.get("SCON_SECURE_COOKIES") { config.secureCookies = Self.flag(value) }
        if let value = Environment.get("SCON_SESSION_DAYS").flatMap(Int.init), value > 0 { config.sessionDays = value }
        if let value = Environment.get("SCON_BENCH_CEILING") { config.benchCeiling = Self.flag(value) }
        if let value = Environment.get("SCON_MAX_BODY_KB").flatMap(Int.init), value > 0 { config.maxBodyKilobytes = value }
        if let value = Environment.get("SCON_MAX_ATTACHMENT_KB").flatMap(Int.init), value > 0 { config.maxAttachmentKilobytes = value }
        if let value = Environment.get("SCON_SQL_POOL").flatMap(Int.init), value > 0 { config.postgresConnectionsPerLoop = value }
        if let value = Environment.get("SCON_TRUSTED_PROXIES") {
            config.trustedProxies = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        if let value = Environment.get("SCON_SECRET"), value.utf8.count >= 32 { config.secret = value }
        if let value = Environment.get("SCON_METRICS_TOKEN"), value.utf8.count >= 16 { config.metricsToken = value }
        if let value = Environment.get("SCON_SEARCH_REFRESH_MINUTES").flatMap(Int.init), value >= 0 { config.searchRefreshMinutes = value }
        if let value = Environment.get("SCON_SENDMAIL"), !value.isEmpty { config.sendmail = value }
        if let value = Environment.get("SCON_MAIL_FROM"), !value.isEmpty { config.mailFrom = value }
        if let value = Environment.get("SCON_PUBLIC_URL"), !value.isEmpty { config.publicURL = value.hasSuffix("/") ? String(value.dropLast()) : value }
        return config
    }

    static func flag(_ text: String) -> Bool {
        ["1", "true", "yes", "on"].contains(text.lowercased())
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The configuration this application was configured with.
    public var sconConfig: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }
}
