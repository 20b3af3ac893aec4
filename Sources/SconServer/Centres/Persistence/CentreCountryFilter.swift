import Fluent
import Foundation
import SconDomain

/// The country filter of the centres' page (`/centres?country=TH`), and the records the portal's
/// figures count with the same filter — one definition for both, so that a figure opens exactly
/// the records it counts: the centres hosted in the country, and the events held (`held` or
/// `closed`) of those centres; the ministry's own events count only when no country is chosen.
enum CentreCountryFilter {
    static let heldStates = [EventState.held.rawValue, EventState.closed.rawValue]

    /// `country` checked as the portal's filter checks it (the figures' links carry it): none,
    /// or an ISO 3166-1 alpha-2 code; anything else is a 400 problem.
    static func parse(_ text: String?) throws(DomainError) -> CountryCode? {
        try PortalFilter.parse(country: text, sector: nil, stage: nil, type: nil).country
    }

    /// The centres hosted in the country (every centre without one), by English name.
    static func centres(_ country: CountryCode?, on db: any Database) async throws -> [Centre] {
        let query = Centre.query(on: db)
        if let country { query.filter(\.$hostCountry == country.value) }
        return try await query.sort(\.$nameEn).sort(\.$id).all()
    }

    /// The events held or closed, of the country's centres when a country is chosen, latest first.
    /// Held events are public (never drafts), so every reader sees the same list.
    static func heldEvents(_ country: CountryCode?, on db: any Database) async throws -> [CentreEvent] {
        let query = CentreEvent.query(on: db).filter(\.$state ~~ heldStates)
        if let country {
            let centres = try await centres(country, on: db).map { Optional($0.storedID) }
            guard !centres.isEmpty else { return [] }
            query.filter(\.$centreID ~~ centres)
        }
        return try await query.sort(\.$firstDay, .descending).sort(\.$id).all()
    }

    /// The events not held yet that this person sees, soonest first: of the country's centres
    /// when a country is chosen (the ministry's then left out), else every one.
    static func upcomingEvents(_ country: CountryCode?, by principal: Principal, limit: Int, on db: any Database) async throws -> [CentreEvent] {
        let visibility = CentreAccess.eventVisibility(for: principal)
        let query = CentreEvent.query(on: db).filter(\.$state !~ heldStates)
        if !visibility.everything {
            query.group(.or) { group in
                group.filter(\.$state != EventState.draft.rawValue)
                if !visibility.centres.isEmpty { group.filter(\.$centreID ~~ Array(visibility.centres)) }
            }
        }
        if let country {
            let centres = try await centres(country, on: db).map { Optional($0.storedID) }
            guard !centres.isEmpty else { return [] }
            query.filter(\.$centreID ~~ centres)
        }
        return try await query.sort(\.$firstDay).sort(\.$id).limit(limit).all()
    }
}
