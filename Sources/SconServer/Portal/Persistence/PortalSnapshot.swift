import Fluent
import Foundation
import NIOConcurrencyHelpers
import SconDomain
import SQLKit
import Vapor

/// Everything the home page shows under one filter, read from the records: the figures of every
/// context, the map's places, the charts' series, what is open now and the latest results.
struct PortalSnapshot: Sendable {
    struct Place: Sendable { var id: UUID; var name: LocalizedText; var country: String; var latitude: Double; var longitude: Double; var projects: Int }
    struct OpenCall: Sendable { var id: UUID; var title: LocalizedText; var closesAt: Date }
    /// An event taking registrations today (its last day to register).
    struct OpenEvent: Sendable { var id: UUID; var title: LocalizedText; var closes: String; var sample: Bool }
    /// A training cohort taking applications now (the cohort page's rule), until its deadline.
    struct OpenCohort: Sendable { var id: UUID; var title: LocalizedText; var deadline: String; var sample: Bool }
    struct Latest: Sendable { var title: LocalizedText; var date: String; var path: String; var kind: String }

    var filter: PortalFilter
    var today: CalendarDay
    var figures: [PortalFigure]
    var pilotCities: [Place]
    var projectPlaces: [Place]
    var projectsByStage: [(ProjectStage, Int)]
    var projectsByCountry: [(String, Int)]
    var outcomesPerYear: [(year: String, type: OutcomeType, count: Int)]
    var proposalsPerCall: [(title: LocalizedText, count: Int)]
    var fundPerYear: [(year: String, committed: Int, disbursed: Int)]
    var earmark: Int
    var openCalls: [OpenCall]
    var openEvents: [OpenEvent] = []
    var openCohorts: [OpenCohort] = []
    var latest: [Latest]
    /// The countries that have something under the filter (the map marks them).
    var activeCountries: Set<String>

    static func load(_ filter: PortalFilter, on db: any Database, today: CalendarDay, now: Date) async throws -> PortalSnapshot {
        var figures: [PortalFigure] = []
        for context in SconContexts.all {
            if let source = context as? any PortalFigureSource { figures += try await source.portalFigures(filter, on: db, today: today) }
        }
        let projects = try await PortalProjects.load(filter, on: db)
        // With a filter, the fund's figures are those of the selected projects.
        let fund = try await fundSeries(on: db, projects: filter.items.isEmpty ? nil : projects.map(\.id))
        if fund.earmark > 0 && !fund.perYear.isEmpty {
            let committed = fund.perYear.reduce(0) { $0 + $1.committed }, disbursed = fund.perYear.reduce(0) { $0 + $1.disbursed }
            figures.append(PortalFigure(order: 50, label: "portal.figure.committed", value: committed, text: LocalizedText(en: ReadableAmount.english(committed), ko: ReadableAmount.korean(committed)),
                                        link: FundURL.fund.path, samples: fund.samples))
            figures.append(PortalFigure(order: 51, label: "portal.figure.disbursed", value: disbursed, text: LocalizedText(en: ReadableAmount.english(disbursed), ko: ReadableAmount.korean(disbursed)),
                                        link: FundURL.fund.path, samples: fund.samples))
        }
        figures.sort { $0.order < $1.order }

        let pilots = City.query(on: db).filter(\.$kind == "ascn-pilot")
        if let country = filter.country { pilots.filter(\.$countryCode == country.value) }
        let pilotCities = try await pilots.sort(\.$sortKey).all().map {
            Place(id: $0.storedID, name: $0.name, country: $0.countryCode, latitude: $0.latitude, longitude: $0.longitude, projects: 0)
        }
        var perCity: [UUID: Int] = [:]
        for project in projects { perCity[project.cityID, default: 0] += 1 }
        let cities = perCity.isEmpty ? [] : try await City.query(on: db).filter(\.$id ~~ Array(perCity.keys)).all()
        let projectPlaces = cities.map {
            Place(id: $0.storedID, name: $0.name, country: $0.countryCode, latitude: $0.latitude, longitude: $0.longitude, projects: perCity[$0.storedID] ?? 0)
        }.sorted { $0.projects > $1.projects }
        var byStage: [ProjectStage: Int] = [:], byCountry: [String: Int] = [:]
        for project in projects { byStage[project.stage, default: 0] += 1; byCountry[project.country, default: 0] += 1 }

        let calls = try await Call.query(on: db).filter(\.$state != CallState.draft.rawValue).sort(\.$opensAt).all()
        var proposalsPerCall: [(title: LocalizedText, count: Int)] = []
        var openCalls: [OpenCall] = []
        for call in calls {
            let terms = try call.terms()
            let count = try await Proposal.query(on: db).filter(\.$callID == call.storedID).filter(\.$state != ProposalState.draft.rawValue).count()
            proposalsPerCall.append((terms.title, count))
            if try call.callState == .open && call.closesAt > now { openCalls.append(OpenCall(id: call.storedID, title: terms.title, closesAt: call.closesAt)) }
        }

        // Events open for registration today: of the filter's country's centres as the centres page lists them.
        let openEvents = try await CentreCountryFilter.upcomingEvents(filter.country, by: .anonymous, limit: 200, on: db)
            .filter { $0.state == EventState.open.rawValue && $0.registrationOpens <= today.description && today.description <= $0.registrationCloses }
            .sorted { ($0.registrationCloses, $0.storedID.uuidString) < ($1.registrationCloses, $1.storedID.uuidString) }
            .prefix(5).map { OpenEvent(id: $0.storedID, title: $0.title, closes: $0.registrationCloses, sample: $0.sample) }

        let openCohorts = try await openTrainingCohorts(filter.country, on: db, now: now)

        var latest: [Latest] = []
        let agreements = try await AgreementQuery(db: db).all(filter.agreementFilter, for: .anonymous)
        for agreement in agreements.sorted(by: { ($0.signedOn ?? "") > ($1.signedOn ?? "") }).prefix(5) {
            latest.append(Latest(title: agreement.title, date: agreement.signedOn ?? "", path: AgreementsURL.agreement(.value(agreement.storedID)).path, kind: "portal.latest.agreement"))
        }
        let outcomeFilter = filter.outcomeFilter(asOf: today)
        var active = Set(byCountry.keys)
        for agreement in try await AgreementRecord.load(agreements, on: db, today: today) { active.formUnion(agreement.countries) }
        return PortalSnapshot(filter: filter, today: today, figures: figures, pilotCities: pilotCities, projectPlaces: projectPlaces,
                              projectsByStage: ProjectStage.allCases.compactMap { stage in byStage[stage].map { (stage, $0) } },
                              projectsByCountry: byCountry.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                              outcomesPerYear: try await OutcomeQuery(db: db).perYear(outcomeFilter),
                              proposalsPerCall: proposalsPerCall, fundPerYear: fund.perYear, earmark: fund.earmark,
                              openCalls: openCalls, openEvents: Array(openEvents), openCohorts: openCohorts, latest: latest, activeCountries: active)
    }

    /// The published cohorts whose application window is open now (`ApplicationWindow.acceptsApplications`,
    /// as the cohort's page decides whether to offer "Apply"); with a country, those open to its officials.
    /// Soonest deadline first, at most five.
    static func openTrainingCohorts(_ country: CountryCode?, on db: any Database, now: Date) async throws -> [OpenCohort] {
        let rows = try await TrainingCohort.query(on: db).filter(\.$published == true).sort(\.$startDay).sort(\.$id).all()
        var open: [(closes: Date, cohort: OpenCohort)] = []
        for row in rows {
            let terms = try row.terms
            guard terms.window.acceptsApplications(at: now) else { continue }
            if let country, !terms.eligibleCountries.contains(country) { continue }
            open.append((terms.window.closesAt, OpenCohort(id: row.storedID, title: terms.title, deadline: terms.window.deadlineText, sample: row.sample)))
        }
        return open.sorted { ($0.closes, $0.cohort.id.uuidString) < ($1.closes, $1.cohort.id.uuidString) }.prefix(5).map(\.cohort)
    }

    /// Commitments (less cancellations) and disbursements on the earmarks per year of their value
    /// day, and the earmarks' allocations, in KRW.
    static func fundSeries(on db: any Database, projects: [UUID]?) async throws -> (perYear: [(year: String, committed: Int, disbursed: Int)], earmark: Int, samples: Int) {
        let sql = db as! any SQLDatabase
        if let projects, projects.isEmpty {
            let all = try await fundSeries(on: db, projects: nil)
            return ([], all.earmark, 0)
        }
        let year = SQLFunction("SUBSTR", args: SQLIdentifier("value_day"), SQLLiteral.numeric("1"), SQLLiteral.numeric("4"))
        var select = sql.select().column(year, as: "year").column("movement").column(SQLRaw("CAST(SUM(\"amount_krw\") AS BIGINT)"), as: "krw")
            .from("ledger_transactions").where("earmark_id", .isNot, SQLLiteral.null)
        if let projects {
            select = select.where { $0.where("project_id", .in, projects).orWhere("movement", .equal, Movement.allocation.rawValue) }
        }
        let rows = try await select.groupBy(year).groupBy("movement").orderBy(year).all()
        var perYear: [String: (committed: Int, disbursed: Int)] = [:]
        var earmark = 0
        for row in rows {
            let year = try row.decode(column: "year", as: String.self)
            let amount = try row.decode(column: "krw", as: Int.self)
            switch Movement(rawValue: try row.decode(column: "movement", as: String.self)) {
            case .allocation: earmark += amount
            case .commitment: perYear[year, default: (0, 0)].committed += amount
            case .cancellation: perYear[year, default: (0, 0)].committed -= amount
            case .disbursement: perYear[year, default: (0, 0)].disbursed += amount
            default: break
            }
        }
        let sampleQuery = LedgerTransaction.query(on: db).filter(\.$sample == true)
            .filter(\.$movement ~~ [Movement.commitment.rawValue, Movement.disbursement.rawValue, Movement.cancellation.rawValue])
        if let projects { sampleQuery.filter(\.$projectID ~~ projects.map { Optional($0) }) }
        let samples = try await sampleQuery.count()
        return (perYear.sorted { $0.key < $1.key }.map { ($0.key, $0.value.committed, $0.value.disbursed) }, earmark, samples)
    }
}

/// The snapshots of recent filters, kept until the next change: the key holds the audit log's
/// last sequence (every change writes an entry), so a change makes new snapshots.
final class PortalCache: Sendable {
    private let entries = NIOLockedValueBox<[String: PortalSnapshot]>([:])
    private let pages = NIOLockedValueBox<[String: HTML]>([:])

    /// The rendered main part of the home page under a version, filter and language.
    func html(_ key: String) -> HTML? { pages.withLockedValue { $0[key] } }

    func store(html: HTML, _ key: String) {
        pages.withLockedValue { pages in
            if pages.count > 512 { pages.removeAll() }
            pages[key] = html
        }
    }

    func snapshot(_ filter: PortalFilter, on db: any Database, today: CalendarDay, now: Date) async throws -> (PortalSnapshot, version: String) {
        let version = try await Self.version(on: db, today: today)
        let key = version + "|" + filter.query
        if let hit = entries.withLockedValue({ $0[key] }) { return (hit, version) }
        let snapshot = try await PortalSnapshot.load(filter, on: db, today: today, now: now)
        entries.withLockedValue { entries in
            if entries.count > 256 { entries.removeAll() }
            entries[key] = snapshot
        }
        return (snapshot, version)
    }

    /// The data's version: the audit log's last sequence and the day (figures are "as of today").
    static func version(on db: any Database, today: CalendarDay) async throws -> String {
        let sql = db as! any SQLDatabase
        let row = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("sequence")), as: "last").from("audit_entries").first()
        let last = try row?.decode(column: "last", as: Int?.self) ?? 0
        return "\(last)-\(today)"
    }
}

extension Application {
    private struct PortalCacheKey: StorageKey { typealias Value = PortalCache }

    var portalCache: PortalCache {
        if let cache = storage[PortalCacheKey.self] { return cache }
        let cache = PortalCache()
        storage[PortalCacheKey.self] = cache
        return cache
    }
}
