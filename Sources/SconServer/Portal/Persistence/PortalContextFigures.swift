import Fluent
import Foundation
import SconDomain

/// The figures of the cooperation centres and of training, read from their own tables with
/// small queries: centres (hosted in the filter's country), events held (`held` or `closed`,
/// of centres in that country when a country is chosen; the ministry's own events count only
/// without a country), and trained officials (applications `completed`, by the official's
/// country). Each links to the list it counts.
enum PortalContextCounts {
    static func centres(_ country: CountryCode?, on db: any Database) async throws -> [Centre] {
        try await CentreCountryFilter.centres(country, on: db)
    }

    static func eventsHeld(_ country: CountryCode?, on db: any Database) async throws -> (count: Int, samples: Int) {
        let rows = try await CentreCountryFilter.heldEvents(country, on: db)
        return (rows.count, rows.filter(\.sample).count)
    }

    static func trainedOfficials(_ country: CountryCode?, on db: any Database) async throws -> (count: Int, samples: Int) {
        let rows = try await TrainedOfficials.completed(country, on: db)
        return (rows.count, rows.filter(\.sample).count)
    }
}

extension CentresContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let centres = try await PortalContextCounts.centres(filter.country, on: db)
        let held = try await PortalContextCounts.eventsHeld(filter.country, on: db)
        let query = PortalFilter(country: filter.country).query
        return [PortalFigure(order: 60, label: "portal.figure.centres", value: centres.count, link: CentresURL.centres.path + query,
                             samples: centres.filter(\.sample).count),
                PortalFigure(order: 61, label: "portal.figure.eventsHeld", value: held.count, link: CentresURL.centres.path + query + "#events-held",
                             samples: held.samples)]
    }
}

extension TrainingContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let trained = try await PortalContextCounts.trainedOfficials(filter.country, on: db)
        return [PortalFigure(order: 62, label: "portal.figure.trained", value: trained.count,
                             link: TrainingURL.training.path + PortalFilter(country: filter.country).query + "#trained", samples: trained.samples)]
    }
}
