import Fluent
import Foundation
import SconDomain

/// One figure of the portal's home page: a number, what it counts, and the list of the records
/// it counts (with the same filter), so anyone can reproduce it.
struct PortalFigure: Sendable {
    /// Orders figures across contexts.
    var order: Int
    /// The string key of what it counts.
    var label: String
    var value: Int
    /// The figure as text when it is not a count (an amount), in both languages.
    var text: LocalizedText?
    /// The records it counts.
    var link: String
    /// How many of the counted records are samples.
    var samples: Int = 0
}

/// A context that contributes figures to the portal (the context registry: the portal asks
/// every context in `SconContexts.all` that adopts this). Centres, events and training adopt it
/// when their slices exist.
protocol PortalFigureSource: Sendable {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure]
}

extension DirectoryContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let countries = try await Country.query(on: db).filter(\.$aseanMember == true).count()
        let pilots = City.query(on: db).filter(\.$kind == "ascn-pilot")
        if let country = filter.country { pilots.filter(\.$countryCode == country.value) }
        return [PortalFigure(order: 10, label: "portal.figure.countries", value: countries, link: DirectoryURL.countries.path),
                PortalFigure(order: 20, label: "portal.figure.pilotCities", value: try await pilots.count(),
                             link: DirectoryURL.cities.path + "?kind=ascn-pilot" + (filter.country.map { "&country=\($0.value)" } ?? ""))]
    }
}

extension OpenCallContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let calls = try await Call.query(on: db).filter(\.$state != CallState.draft.rawValue).count()
        return [PortalFigure(order: 30, label: "portal.figure.calls", value: calls, link: OpenCallURL.calls.path)]
    }
}

extension PipelineContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let projects = try await PortalProjects.load(filter, on: db)
        return [PortalFigure(order: 40, label: "portal.figure.projects", value: projects.count,
                             link: ProjectURL.projects.path + filter.projectQuery, samples: projects.filter(\.sample).count)]
    }
}

extension AgreementsContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let agreements = try await AgreementQuery(db: db).count(filter.agreementFilter, for: .anonymous)
        let outcomes = filter.outcomeFilter(asOf: today)
        let tally = try await OutcomeQuery(db: db).tally(outcomes)
        return [PortalFigure(order: 70, label: "portal.figure.agreements", value: agreements,
                             link: AgreementsURL.agreements.path + PortalFilter(country: filter.country, sector: filter.sector).query),
                PortalFigure(order: 80, label: "portal.figure.outcomes", value: tally.total, link: AgreementsURL.outcomes.path + "?" + outcomes.queryString)]
    }
}

extension PortalFilter {
    /// The part of the filter the projects list reads.
    var projectQuery: String { PortalFilter(country: country, stage: stage).query }
}

/// The public projects under the portal's filter, with the place each is drawn at.
struct PortalProjects {
    struct Item: Sendable {
        var id: UUID
        var code: String
        var title: String
        var stage: ProjectStage
        var country: String
        var cityID: UUID
        var sectors: [Sector]
        var sample: Bool
    }

    static func load(_ filter: PortalFilter, on db: any Database) async throws -> [Item] {
        var projectFilter = filter.projectFilter
        projectFilter.withoutSamples = false
        return try await ProjectQuery(db: db).all(projectFilter, for: .anonymous).compactMap { project in
            let sectors = try project.sectorList
            if let sector = filter.sector, !sectors.contains(sector) { return nil }
            return Item(id: project.storedID, code: project.code, title: project.title, stage: try project.projectStage, country: project.countryCode,
                        cityID: project.cityID, sectors: sectors, sample: project.sample)
        }
    }
}
