import Crypto
import Fluent
import Foundation
import SconDomain
import Vapor

/// The portal: the home page, the data catalogue and the data files.
struct PortalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PortalURL.home, use: home)
        routes.get(PortalURL.data, use: catalogue)
        for file in PortalData.allCases {
            routes.get(file) { req async throws -> Response in try await download(req, file) }
        }
    }

    @Sendable func home(_ req: Request) async throws -> HTML {
        let filter = try req.portalFilter()
        let today = CalendarDay(req.now)
        let cache = req.application.portalCache
        let context = PageContext(request: req)
        let due = req.principal.isSignedIn ? try await DueStore(db: req.db).due(for: req.principal, now: req.now) : []
        let version = try await PortalCache.version(on: req.db, today: today)
        let key = version + "|" + filter.query + "|" + req.language.rawValue
        if let main = cache.html(key) { return HomePage.render(context, main: main, due: due) }
        let (snapshot, _) = try await cache.snapshot(filter, on: req.db, today: today, now: req.now)
        let main = HomePage.main(context, .init(snapshot: snapshot, countries: try await req.application.countryNames.all(on: req.db)))
        cache.store(html: main, key)
        return HomePage.render(context, main: main, due: due)
    }

    @Sendable func catalogue(_ req: Request) async throws -> HTML {
        var changes: [PortalDataset: Date] = [:]
        for dataset in PortalDataset.allCases { changes[dataset] = try await dataset.lastChange(on: req.db) }
        return DataCatalogue.render(PageContext(request: req), changes: changes)
    }

    /// A data file of the filtered selection, cacheable: an ETag of its body, Last-Modified of
    /// its dataset's last change, and 304 when the client has it already.
    func download(_ req: Request, _ file: PortalData) async throws -> Response {
        // The organisations files follow the organisations page's filter (its own `type`).
        let filter = file.dataset == PortalDataset.organisations.rawValue ? PortalFilter(country: nil) : try req.portalFilter()
        let exports = PortalExports(db: req.db, baseURL: "", today: CalendarDay(req.now), now: req.now)
        let body: String
        switch file {
        case .agreementsCSV: body = try await exports.agreementsCSV(filter)
        case .agreementsJSON: body = try await exports.agreementsJSON(filter)
        case .outcomesCSV: body = try await exports.outcomesCSV(try req.outcomeFilter())
        case .outcomesJSON: body = try await exports.outcomesJSON(try req.outcomeFilter())
        case .projectsCSV: body = try await exports.projectsCSV(filter)
        case .projectsJSON: body = try await exports.projectsJSON(filter)
        case .projectsGeoJSON: body = try await exports.projectsGeoJSON(filter)
        case .citiesCSV: body = try await exports.citiesCSV(filter)
        case .citiesGeoJSON: body = try await exports.citiesGeoJSON(filter)
        case .callsICS: body = try await exports.callsICS()
        case .eventsICS: body = try await exports.eventsICS(filter)
        case .eventsCSV: body = try await exports.eventsCSV(filter)
        case .eventsJSON: body = try await exports.eventsJSON(filter)
        case .centresCSV: body = try await exports.centresCSV(filter)
        case .centresJSON: body = try await exports.centresJSON(filter)
        case .trainedCSV: body = try await exports.trainedCSV(filter)
        case .trainedJSON: body = try await exports.trainedJSON(filter)
        case .organisationsCSV: body = try await exports.organisationsCSV(try req.organisationFilter())
        case .organisationsJSON: body = try await exports.organisationsJSON(try req.organisationFilter())
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.mediaType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        let etag = "\"" + SHA256.hash(data: Data(body.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        headers.replaceOrAdd(name: .eTag, value: etag)
        if let dataset = PortalDataset(rawValue: file.dataset), let changed = try await dataset.lastChange(on: req.db) {
            headers.replaceOrAdd(name: .lastModified, value: HTTPDate.text(changed))
        }
        if file.format == "csv" || file.format == "ics" {
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(file.rawValue)\"")
        }
        if let match = req.headers.first(name: .ifNoneMatch), match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

extension PortalData {
    var mediaType: String {
        switch format {
        case "csv": "text/csv; charset=utf-8; header=present"
        case "json": "application/json"
        case "geojson": "application/geo+json"
        default: "text/calendar; charset=utf-8"
        }
    }
}

/// An HTTP date (RFC 9110 §5.6.7): `Tue, 01 Dec 2026 03:00:00 GMT`.
enum HTTPDate {
    static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

extension Request {
    func portalFilter() throws -> PortalFilter {
        try PortalFilter.parse(country: queryItem("country"), sector: queryItem("sector"), stage: queryItem("stage"), type: queryItem("type"))
    }
}

extension Request {
    /// The organisations list's filter, as `/organisations` reads it.
    func organisationFilter() throws -> OrganisationFilter {
        try OrganisationFilter.parse(type: queryItem("type"), country: queryItem("country"), sector: queryItem("sector"), query: queryItem("q"))
    }
}
