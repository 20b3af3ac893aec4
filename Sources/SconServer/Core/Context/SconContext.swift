import Fluent
import Foundation
import SconDomain
import Vapor

/// One bounded context of the platform (DESIGN.md): a folder of its own that brings its
/// migrations, routes, navigation entries, strings, demo data and what is due, and registers
/// itself here once. The app lists its contexts in one place, `SconContexts.all`.
protocol SconContext: Sendable {
    /// The context's name, as its folder is called.
    var name: String { get }
    /// Its migrations, in the order they run (after those of the contexts listed before it).
    var migrations: [any Migration] { get }
    /// Registers its pages and its API routes.
    func register(_ routes: ContextRoutes) throws
    /// Its entries in the main navigation and the account menu.
    var navigation: [NavigationEntry] { get }
    /// Its user-facing strings, each in Korean and English.
    var strings: StringTable { get }
    /// Seeds its demo data when its tables are empty; returns whether it seeded anything.
    func seedIfEmpty(_ db: any Database) async throws -> Bool
    /// What this person has to do in this context, and by when.
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem]
    /// The cards of this person's home page: what they own here and what they can do next.
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard]
    /// Its command-line tools under `scon solve`, `scon bench` and `scon export`.
    var tools: ContextTools { get }
    /// What it holds about one account, by section name, for the account's own download.
    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection]
    /// Removes or anonymises what it holds about one account (inside the erasure's transaction).
    func erasePersonalData(of user: UUID, on db: any Database) async throws
    /// What the search box may find of it now: only what anyone may see.
    func searchDocuments(on db: any Database) async throws -> [SearchDocument]
}

/// One section of a person's data download: any JSON value.
struct PersonalDataSection: Encodable, Sendable {
    private let write: @Sendable (any Encoder) throws -> Void

    init<Value: Encodable & Sendable>(_ value: Value) {
        write = { try value.encode(to: $0) }
    }

    func encode(to encoder: any Encoder) throws { try write(encoder) }
}

extension SconContext {
    var migrations: [any Migration] { [] }
    var navigation: [NavigationEntry] { [] }
    func seedIfEmpty(_ db: any Database) async throws -> Bool { false }
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] { [] }
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] { [] }
    var tools: ContextTools { ContextTools() }
    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] { [:] }
    func erasePersonalData(of user: UUID, on db: any Database) async throws {}
    func searchDocuments(on db: any Database) async throws -> [SearchDocument] { [] }
}

/// Where a context registers its routes. Routes that need a signed-in caller are registered
/// on `routes.signedIn` (`RequireSignedIn`), which answers 401 (API) or sends people to sign
/// in (pages) before any handler runs.
struct ContextRoutes {
    let app: Application
    var config: AppConfig { app.sconConfig }
}

/// A link in the main navigation (`main`) or the account menu (`account`), shown to those
/// for whom `isShown` is true.
struct NavigationEntry: Sendable {
    enum Placement: Sendable { case main, account }
    var placement: Placement
    /// Orders entries across contexts (lower first).
    var order: Int
    /// The string key of its label; also what a page passes as `current`.
    var label: String
    var route: any SiteRoute
    var isShown: @Sendable (Principal) -> Bool = { _ in true }
    /// What follows the label, if anything (the inbox's unread count).
    var badge: (@Sendable (PageContext) -> HTML?)? = nil
}

/// One thing a person has to do, from whichever context it comes.
struct DueItem: Sendable {
    /// The string key of what kind of task it is (`due.draft`, `due.review`, …).
    var kind: String
    var title: String
    /// The deadline, when there is one.
    var due: Date?
    /// The deadline as its owner states it, `2027-02-26T18:00 (Asia/Seoul)`.
    var dueText: String?
    var path: String
}

/// A context's command-line tools: solvers (`scon solve NAME < in.json`), benchmarks
/// (`scon bench NAME`) and exports (`scon export NAME`).
struct ContextTools {
    var solvers: [String: @Sendable (Data) throws -> Data] = [:]
    var benchmarks: [String: @Sendable (BenchOptions, CommandContext) async throws -> Void] = [:]
    var exports: [String: @Sendable (Application) async throws -> Data] = [:]
    /// Imports (`scon import NAME FILE`): the file's bytes in, a one-line summary out; a refused
    /// file throws (and writes nothing).
    var imports: [String: @Sendable (Application, Data) async throws -> String] = [:]
    /// Commands of its own: `scon NAME …`.
    var commands: [String: any AnyAsyncCommand] = [:]
    /// What runs while `scon serve` runs (timers): registered as lifecycle handlers at serve boot.
    var whileServing: [any LifecycleHandler] = []
}

/// The options `scon bench` passes on to a benchmark.
struct BenchOptions: Sendable {
    var runs: Int?
    var clients: Int?
    var count: Int?
    var postgres: String?
}
