import Fluent
import Foundation
import SconDomain

/// The figures of the cooperation centres and of training, read from their own tables with
/// small queries: centres (hosted in the filter's country), events held (`held` or `closed`,
/// of centres in that country when a country is chosen; the ministry's own events count only
/// without a country), and trained officials (applications `completed`, by the official's
/// country). Each links to the list it counts.
enum PortalContextCounts {
    static let heldStates = [EventState.held.rawValue, EventState.closed.rawValue]

    static func centres(_ country: CountryCode?, on db: any Database) async throws -> [Centre] {
        let query = Centre.query(on: db)
        if let country { query.filter(\.$hostCountry == country.value) }
        return try await query.all()
    }

    static func eventsHeld(_ country: CountryCode?, on db: any Database) async throws -> (count: Int, samples: Int) {
        let query = CentreEvent.query(on: db).filter(\.$state ~~ heldStates)
        if let country {
            let centres = try await centres(country, on: db).map { Optional($0.storedID) }
            guard !centres.isEmpty else { return (0, 0) }
            query.filter(\.$centreID ~~ centres)
        }
        let rows = try await query.field(\.$id).field(\.$sample).all()
        return (rows.count, rows.filter(\.sample).count)
    }

    static func trainedOfficials(_ country: CountryCode?, on db: any Database) async throws -> (count: Int, samples: Int) {
        let query = TraineeApplicationRecord.query(on: db).filter(\.$state == TraineeApplicationState.completed.rawValue)
        if let country { query.filter(\.$country == country.value) }
        let rows = try await query.field(\.$id).field(\.$sample).all()
        return (rows.count, rows.filter(\.sample).count)
    }
}

extension CentresContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let centres = try await PortalContextCounts.centres(filter.country, on: db)
        let held = try await PortalContextCounts.eventsHeld(filter.country, on: db)
        return [PortalFigure(order: 60, label: "portal.figure.centres", value: centres.count, link: CentresURL.centres.path,
                             samples: centres.filter(\.sample).count),
                PortalFigure(order: 61, label: "portal.figure.eventsHeld", value: held.count, link: CentresURL.centres.path, samples: held.samples)]
    }
}

extension TrainingContext: PortalFigureSource {
    func portalFigures(_ filter: PortalFilter, on db: any Database, today: CalendarDay) async throws -> [PortalFigure] {
        let trained = try await PortalContextCounts.trainedOfficials(filter.country, on: db)
        return [PortalFigure(order: 62, label: "portal.figure.trained", value: trained.count, link: TrainingURL.training.path, samples: trained.samples)]
    }
}
