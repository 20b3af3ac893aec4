import Foundation
import SconDomain

/// The one filter of the portal: country, sector, project stage and outcome type. The URL holds
/// it (`/?country=TH&sector=water`), and the map, the figures, the charts, the lists and the
/// download links all follow it.
struct PortalFilter: Sendable, Hashable {
    var country: CountryCode?
    var sector: Sector?
    var stage: ProjectStage?
    var type: OutcomeType?

    static func parse(country: String?, sector: String?, stage: String?, type: String?) throws(DomainError) -> PortalFilter {
        var rules = FieldRules()
        var filter = PortalFilter()
        if let country, !country.isEmpty {
            filter.country = CountryCode(country)
            if filter.country == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
        }
        if let sector, !sector.isEmpty {
            filter.sector = Sector(rawValue: sector)
            if filter.sector == nil { rules.fail("sector", "unknown", "sector is one of \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        if let stage, !stage.isEmpty {
            filter.stage = ProjectStage(rawValue: stage)
            if filter.stage == nil { rules.fail("stage", "unknown", "stage is one of \(ProjectStage.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        if let type, !type.isEmpty {
            filter.type = OutcomeType(rawValue: type)
            if filter.type == nil { rules.fail("type", "unknown", "type is one of \(OutcomeType.allCases.map(\.rawValue).joined(separator: ", ")).") }
        }
        try rules.checkParameters()
        return filter
    }

    /// The filter's query items, in a fixed order.
    var items: [(String, String)] {
        var items: [(String, String)] = []
        if let country { items.append(("country", country.value)) }
        if let sector { items.append(("sector", sector.rawValue)) }
        if let stage { items.append(("stage", stage.rawValue)) }
        if let type { items.append(("type", type.rawValue)) }
        return items
    }

    /// `?country=TH&…`, or "" without a filter.
    var query: String {
        items.isEmpty ? "" : "?" + items.map { "\($0.0)=\(PercentEncoding.queryValue($0.1))" }.joined(separator: "&")
    }

    /// The same query with more items.
    func query(adding extra: [(String, String)]) -> String {
        let all = items + extra
        return all.isEmpty ? "" : "?" + all.map { "\($0.0)=\(PercentEncoding.queryValue($0.1))" }.joined(separator: "&")
    }

    var projectFilter: ProjectQuery.Filter {
        var filter = ProjectQuery.Filter()
        filter.country = country
        filter.stage = stage
        return filter
    }

    var agreementFilter: AgreementQuery.Filter {
        var filter = AgreementQuery.Filter()
        filter.country = country
        filter.sector = sector
        return filter
    }

    func outcomeFilter(asOf: CalendarDay) -> OutcomeFilter {
        OutcomeFilter(asOf: asOf, country: country, type: type)
    }
}
