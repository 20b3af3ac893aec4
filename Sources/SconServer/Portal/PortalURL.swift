import Foundation
import Vapor

/// The public portal's pages: the home page and the data catalogue.
enum PortalURL: SiteRoute {
    case home
    case data

    var pathComponents: [PathComponent] {
        switch self {
        case .home: return []
        case .data: return ["data"]
        }
    }
}

/// The open-data files under `/data`: each public list as CSV and JSON, places as GeoJSON,
/// deadlines as iCalendar. Each follows the same filter as the pages (query parameters).
enum PortalData: String, SiteRoute, CaseIterable {
    case agreementsCSV = "agreements.csv"
    case agreementsJSON = "agreements.json"
    case outcomesCSV = "outcomes.csv"
    case outcomesJSON = "outcomes.json"
    case projectsCSV = "projects.csv"
    case projectsJSON = "projects.json"
    case projectsGeoJSON = "projects.geojson"
    case citiesCSV = "cities.csv"
    case citiesGeoJSON = "cities.geojson"
    case callsICS = "calls.ics"
    case eventsICS = "events.ics"
    case eventsCSV = "events.csv"
    case eventsJSON = "events.json"
    case centresCSV = "centres.csv"
    case centresJSON = "centres.json"
    case trainedCSV = "trained.csv"
    case trainedJSON = "trained.json"
    case organisationsCSV = "organisations.csv"
    case organisationsJSON = "organisations.json"

    var pathComponents: [PathComponent] { ["data", .constant(rawValue)] }

    /// The dataset it belongs to (the catalogue lists datasets, each with its files).
    var dataset: String { String(rawValue.split(separator: ".")[0]) }
    var format: String { String(rawValue.split(separator: ".")[1]) }
}
