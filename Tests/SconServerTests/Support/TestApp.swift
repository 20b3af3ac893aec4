import Fluent
import SconDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// Builds a fresh, migrated and seeded application for one test, on a fresh database: an
/// SQLite file of its own (in /dev/shm when there is one), as in production with its reader
/// connections, or a PostgreSQL schema of its own; either is removed afterwards.
func withTestApp(_ database: TestDatabase, seed: Bool = true, migrate: Bool = true, config adjust: (inout AppConfig) -> Void = { _ in },
                 _ test: (Application) async throws -> Void) async throws {
    guard database == .postgres else { return try await runTestApp(database, seed: seed, migrate: migrate, config: adjust, test) }
    // Swift Testing starts every test at once; each PostgreSQL app holds up to four
    // connections, so at most `PostgresTestGate.limit` of them run together (the server
    // allows 400 connections).
    await PostgresTestGate.shared.enter()
    do {
        try await runTestApp(database, seed: seed, migrate: migrate, config: adjust, test)
    } catch {
        await PostgresTestGate.shared.leave()
        throw error
    }
    await PostgresTestGate.shared.leave()
}

/// A counting semaphore for the PostgreSQL test apps.
actor PostgresTestGate {
    static let shared = PostgresTestGate()
    static let limit = 32
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if running < Self.limit { running += 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

private func runTestApp(_ database: TestDatabase, seed: Bool, migrate: Bool, config adjust: (inout AppConfig) -> Void,
                        _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var config = AppConfig()
    config.bcryptCost = 4
    config.postgresConnectionsPerLoop = 2
    var schema: String?
    var sqliteFile: String?
    switch database {
    case .sqlite:
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        sqliteFile = "\(directory)/scon-test-\(UUID().uuidString).sqlite"
        config.databaseURL = "sqlite:\(sqliteFile!)"
    case .postgres:
        config.databaseURL = ProcessInfo.processInfo.environment["POSTGRES_URL"]!
        schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
    adjust(&config)
    defer {
        if let sqliteFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqliteFile + suffix) }
        }
    }
    do {
        try await SconServer.configure(app, config: config, postgresSearchPath: schema.map { [$0] })
        // Every answer of the API is checked against the OpenAPI document (outermost, so it sees what clients see).
        app.middleware.use(OpenAPIConformance(), at: .beginning)
        if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
        if migrate { try await app.autoMigrate() }
        if migrate && seed { try await DemoData.seedIfEmpty(app.db) }
        // Booted as `scon serve` boots: WAL and the reader connections on SQLite.
        try await app.asyncBoot()
        try await test(app)
    } catch {
        if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
        try await app.asyncShutdown()
        throw error
    }
    if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
    try await app.asyncShutdown()
}

/// A user made directly in the database, with the roles given, and a personal API token.
struct TestUser: Sendable {
    var id: UUID
    var email: String
    var password: String
    var token: String
    /// The authenticator's secret when the account has two-factor sign-in (accounts with roles
    /// that need it get one), and its recovery codes.
    var totpSecret: [UInt8]? = nil
    var recoveryCodes: [String] = []

    var bearer: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
}

extension Application {
    func makeUser(_ email: String = "user-\(UUID().uuidString.prefix(8).lowercased())@example.org", grants: [Grant] = []) async throws -> TestUser {
        let password = "correct horse battery staple"
        let hash = try await password.asyncHash(self)
        let user = User(email: EmailAddress(email)!, passwordHash: hash, displayName: "Test \(email.prefix(8))", language: .en)
        try await user.create(on: db)
        for grant in grants {
            try await RoleGrant(userID: user.id!, grant: grant, grantedBy: nil).create(on: db)
        }
        let token = APIToken.prefix + SecureToken.random()
        let model = APIToken()
        model.userID = user.id!
        model.name = "test"
        model.tokenHash = SecureToken.hash(token)
        model.hint = String(token.suffix(4))
        try await model.create(on: db)
        var testUser = TestUser(id: user.id!, email: email, password: password, token: token)
        if SecondFactorPolicy.isRequired(for: grants) { try await enrolSecondFactor(&testUser) }
        return testUser
    }

    /// Gives the account a confirmed authenticator and ten recovery codes, as if set up on its page.
    func enrolSecondFactor(_ user: inout TestUser) async throws {
        let secret = TOTPEnrolment.newSecret()
        let factor = UserSecondFactor(userID: user.id, secret: secret)
        factor.confirmedAt = clock.now()
        try await factor.create(on: db)
        let recovery = RecoveryCodes.generate()
        for digest in recovery.digests { try await RecoveryCode(userID: user.id, digest: digest).create(on: db) }
        user.totpSecret = secret
        user.recoveryCodes = recovery.codes
    }

    func officer() async throws -> TestUser { try await makeUser(grants: [Grant(role: .programmeOfficer, scope: .global)]) }
    func admin() async throws -> TestUser { try await makeUser(grants: [Grant(role: .administrator, scope: .global)]) }
    func member(of organisation: UUID) async throws -> TestUser {
        try await makeUser(grants: [Grant(role: .organisationMember, scope: .organisation(organisation.uuidString.lowercased()))])
    }

    /// The id of a seeded organisation by its seed key (e.g. "molit").
    func organisationID(_ key: String) async throws -> UUID {
        try #require(try await Organisation.query(on: db).filter(\.$seedKey == key).first()?.id)
    }

    func count<M: Model>(_ model: M.Type) async throws -> Int { try await M.query(on: db).count() }
}

extension String {
    func asyncHash(_ app: Application) async throws -> String {
        try await app.password.async.hash(self).get()
    }
}

/// JSON bodies and headers for requests.
enum Body {
    static func json(_ object: Any) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
    }
    static let jsonHeaders: HTTPHeaders = ["Content-Type": "application/json"]
}

extension HTTPHeaders {
    func adding(_ other: HTTPHeaders) -> HTTPHeaders {
        var copy = self
        for (name, value) in other { copy.add(name: name, value: value) }
        return copy
    }
}

extension TestingHTTPResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }
    var text: String { body.string }
    /// The `field` names of a problem body's errors.
    var problemFields: [String] {
        (json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
    }
}
